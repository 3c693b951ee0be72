package org.briefing.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.graphics.Charts.LabelWidth;
import org.briefing.graphics.GraphicViews.AxisLabel;
import org.briefing.graphics.GraphicViews.Bar;
import org.briefing.graphics.GraphicViews.BarChart;
import org.briefing.graphics.GraphicViews.Column;
import org.briefing.graphics.GraphicViews.ColumnChart;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.graphics.GraphicViews.Tick;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.junit.jupiter.api.Test;

/**
 * Where each bar, column, tick and year of a chart is drawn, worked out by hand from the chart's
 * dimensions: a bar chart's track is 200 units with labels and counts beside it; a month chart is
 * 400 by 140 units, its axis 26 units above the bottom and its tallest column reaching 16 units
 * below the top (98 units of plot). Label room comes from the generous per-character widths of
 * {@link LabelWidth} at 14 units: capital Latin 0.8 em, small Latin 0.64, Arabic 0.62, digit 0.66,
 * space 0.38, punctuation 0.5, anything else 1.
 */
class ChartGeometryTest {

  private static final Strings STRINGS = Strings.load(Path.of("templates", "strings.yaml"));
  private static final Term TYPE = new Term("visit", new Localized("Visit", "زيارة"));
  private static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));

  private static Charts charts(Lang lang) {
    return new Charts(new Localizer(lang, STRINGS, false));
  }

  private static List<Engagement> records(String... dates) {
    List<Engagement> records = new ArrayList<>();
    for (String date : dates) {
      records.add(
          new Engagement(
              "r-" + records.size(),
              PartialDate.parse(date),
              Optional.empty(),
              TYPE,
              List.of(QA),
              List.of(),
              List.of(),
              Status.CONFIRMED,
              List.of(new Source("P", "T", Optional.empty(), Optional.empty(), "en")),
              List.of(),
              List.of(),
              false,
              Map.of(Lang.EN, new Translation(Lang.EN, "T", "S", "B"))));
    }
    return records;
  }

  private static Counted item(Lang lang, String name, long count, String countText) {
    return new Counted(new Link("/" + name, name, lang.code(), lang.dir()), name, count, countText);
  }

  /** A bar as "label value url y barX width height labelX labelAnchor valueX valueAnchor". */
  private static String bar(Bar b) {
    return String.join(
        " ",
        b.label(),
        b.value(),
        b.url(),
        "" + b.y(),
        "" + b.barX(),
        "" + b.barWidth(),
        "" + b.barHeight(),
        "" + b.labelX(),
        b.labelAnchor(),
        "" + b.valueX(),
        b.valueAnchor());
  }

  private static String column(Column c) {
    return c.label()
        + " "
        + c.valueText()
        + " x"
        + c.x()
        + " y"
        + c.y()
        + " w"
        + c.width()
        + " h"
        + c.height();
  }

  private static String tick(Tick t) {
    return t.x() + "/" + t.length();
  }

  private static String label(AxisLabel l) {
    return l.text() + " " + l.x() + "," + l.y() + " " + l.anchor();
  }

  // Bars. "Qatar" is 0.8 + 4 x 0.64 = 3.36 em = 47.04 units: the label column is 48 + 10 = 58
  // wide. A one-digit count is 9.24 units: 10 + 6 + 2 = 18 past the track. 58 + 200 + 18 = 276.

  @Test
  void barsAreAsLongAsTheirCountsAndLabelsSitBesideThem() {
    BarChart chart =
        charts(Lang.EN)
            .bars(
                "By country",
                List.of(
                    item(Lang.EN, "Qatar", 4, "4 engagements"),
                    item(Lang.EN, "Oman", 1, "1 engagement")));
    assertEquals(276, chart.width());
    assertEquals(60, chart.height());
    assertEquals(
        List.of(
            "Qatar 4 /Qatar 0 58 200 18 50 end 264 start",
            "Oman 1 /Oman 30 58 50 18 50 end 114 start"),
        chart.bars().stream().map(ChartGeometryTest::bar).toList());
    assertEquals("Qatar: 4 engagements, Oman: 1 engagement", chart.description());
    assertEquals("By country", chart.title());
    assertEquals(2, chart.rows().size());
  }

  // In Arabic "عُمان" is four letters and a vowel mark: 4 x 0.62 = 2.48 em = 34.72 units, the
  // longest of the two; the label column is 35 + 10 = 45, the chart 45 + 200 + 18 = 263, and bars
  // grow leftwards from x = 263 - 45 = 218.

  @Test
  void inArabicBarsGrowLeftwardsFromLabelsOnTheRight() {
    BarChart chart =
        charts(Lang.AR)
            .bars(
                "حسب البلد",
                List.of(item(Lang.AR, "قطر", 4, "٤ أحداث"), item(Lang.AR, "عُمان", 1, "حدث واحد")));
    assertEquals(263, chart.width());
    assertEquals(
        List.of(
            "قطر 4 /قطر 0 18 200 18 261 start 12 start",
            "عُمان 1 /عُمان 30 168 50 18 261 start 162 start"),
        chart.bars().stream().map(ChartGeometryTest::bar).toList());
    assertEquals("قطر: ٤ أحداث، عُمان: حدث واحد", chart.description());
  }

  @Test
  void aTinyCountStillShowsABarAndAnEmptyChartSaysSo() {
    BarChart chart =
        charts(Lang.EN)
            .bars("t", List.of(item(Lang.EN, "A", 100, "100"), item(Lang.EN, "B", 1, "1")));
    assertEquals(List.of(200, 4), chart.bars().stream().map(Bar::barWidth).toList());
    BarChart empty = charts(Lang.EN).bars("t", List.of());
    assertEquals("No records", empty.description());
    assertEquals(30, empty.height(), "one row's height, so the empty chart still has a place");
    assertEquals(218, empty.width(), "10 for the label gap, 200 of track, 8 for the count gap");
  }

  // Months: January 2025 (2 records), February (none), March (1), and two records known only to
  // 2025. Three slots of 400 / 3 = 133.33 units; a column is 70 % of its slot (93) and starts 15 %
  // in; January is the tallest (98), March half of it (49); the axis is at 140 - 26 = 114.

  @Test
  void eachMonthIsAColumnAsTallAsItsCountEmptyMonthsIncluded() {
    ColumnChart chart =
        charts(Lang.EN)
            .months("Per month", records("2025-01-05", "2025-01-20", "2025-03", "2025", "2025"));
    assertEquals(114, chart.axisY());
    assertEquals(400, chart.width());
    assertEquals(140, chart.height());
    assertEquals(
        List.of(
            "January 2025 2 x20 y16 w93 h98",
            "February 2025 0 x153 y114 w93 h0",
            "March 2025 1 x287 y65 w93 h49"),
        chart.columns().stream().map(ChartGeometryTest::column).toList());
    assertEquals(
        List.of("0/7", "133/3", "267/3", "400/7"),
        chart.ticks().stream().map(ChartGeometryTest::tick).toList());
    // "2025" is 4 x 0.66 em = 36.96 units, written 3 units after its first tick, below the axis
    assertEquals(
        List.of("2025 3,135 start"),
        chart.labels().stream().map(ChartGeometryTest::label).toList());
    assertEquals("January 2025: 2, March 2025: 1", chart.description());
    assertEquals("2 engagements known only to the year are not shown on this chart.", chart.note());
  }

  @Test
  void inArabicTheMonthsRunFromRightToLeft() {
    ColumnChart chart =
        charts(Lang.AR).months("t", records("2025-01-05", "2025-01-20", "2025-03", "2025", "2025"));
    assertEquals(
        List.of(
            "يناير/كانون الثاني 2025 2 x287 y16 w93 h98",
            "فبراير/شباط 2025 0 x153 y114 w93 h0",
            "مارس/آذار 2025 1 x20 y65 w93 h49"),
        chart.columns().stream().map(ChartGeometryTest::column).toList());
    assertEquals(
        List.of("400/7", "267/3", "133/3", "0/7"),
        chart.ticks().stream().map(ChartGeometryTest::tick).toList());
    assertEquals(
        List.of("2025 397,135 start"),
        chart.labels().stream().map(ChartGeometryTest::label).toList());
    assertEquals("لا يظهر في هذا الرسم ما عُرفت سنته فقط: حدثان.", chart.note());
  }

  @Test
  void aMonthWithOneRecordBesideOneWithAHundredIsStillVisible() {
    List<String> dates = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      dates.add("2025-05");
    }
    dates.add("2025-06");
    ColumnChart chart = charts(Lang.EN).months("t", records(dates.toArray(String[]::new)));
    assertEquals(List.of(98, 2), chart.columns().stream().map(Column::height).toList());
    assertNull(chart.note(), "every record has its month");
  }

  @Test
  void aChartOfRecordsKnownOnlyToTheYearHasNoColumnsAndSaysWhy() {
    ColumnChart chart = charts(Lang.EN).months("t", records("2024"));
    assertTrue(chart.columns().isEmpty() && chart.ticks().isEmpty() && chart.labels().isEmpty());
    assertEquals("No records", chart.description());
    assertEquals("1 engagement known only to the year are not shown on this chart.", chart.note());
  }

  // January 2024 to January 2025: 13 slots of 30.77 units. 2024's label starts at 3; 2025 has one
  // slot, so its label would run past the chart's last unit (399): it ends there instead.

  @Test
  void aYearAtTheFarEdgeIsHeldBackInsideTheChart() {
    ColumnChart en = charts(Lang.EN).months("t", records("2024-01", "2025-01"));
    assertEquals(
        List.of("2024 3,135 start", "2025 399,135 end"),
        en.labels().stream().map(ChartGeometryTest::label).toList());
    List<String> ticks = en.ticks().stream().map(ChartGeometryTest::tick).toList();
    assertEquals(
        List.of(
            "0/7", "31/3", "62/3", "92/3", "123/3", "154/3", "185/3", "215/3", "246/3", "277/3",
            "308/3", "338/3", "369/7", "400/7"),
        ticks);
    ColumnChart ar = charts(Lang.AR).months("t", records("2024-01", "2025-01"));
    assertEquals(
        List.of("2024 397,135 start", "2025 1,135 end"),
        ar.labels().stream().map(ChartGeometryTest::label).toList());
  }

  // December 2024 to October 2025: 11 slots of 36.36 units. 2025 (ten months) is written first,
  // from
  // 36.36 + 3 = 39.36; 2024's label, from 3 to 39.96, would touch it and is left out.

  @Test
  void theYearWithMoreMonthsKeepsItsLabelWhenTwoWouldTouch() {
    assertEquals(
        List.of("2025 39,135 start"),
        charts(Lang.EN).months("t", records("2024-12", "2025-10")).labels().stream()
            .map(ChartGeometryTest::label)
            .toList());
    assertEquals(
        List.of("2025 361,135 start"),
        charts(Lang.AR).months("t", records("2024-12", "2025-10")).labels().stream()
            .map(ChartGeometryTest::label)
            .toList());
  }

  // June 2015 to January 2025: 116 slots of 3.45 units, too narrow for month ticks: only the start,
  // each January (2016 to 2025) and the end are marked.

  @Test
  void overManyYearsOnlyYearsAreMarked() {
    ColumnChart chart = charts(Lang.EN).months("t", records("2015-06", "2025-01"));
    assertEquals(116, chart.columns().size());
    assertEquals(12, chart.ticks().size(), chart.ticks().toString());
    assertTrue(chart.ticks().stream().allMatch(t -> t.length() == 7), chart.ticks().toString());
    assertEquals(2, chart.columns().get(0).width(), "70 % of 3.45 units");
    // January 1960 to January 2025: 781 slots of 0.51 units; 70 % of that would round to nothing
    ColumnChart dense = charts(Lang.EN).months("t", records("1960-01", "2025-01"));
    assertEquals(1, dense.columns().get(0).width(), "a column is never thinner than one unit");
  }

  @Test
  void labelWidthsCountEachCharacterAtItsScriptsWidth() {
    assertEquals(0.8 + 0.64 + 0.38 + 0.66 + 0.5, LabelWidth.em("Ab 1,"), 1e-9);
    assertEquals(4 * 0.62, LabelWidth.em("عُمان"), 1e-9, "the vowel mark takes no room");
    assertEquals(1.0, LabelWidth.em("中"), 1e-9);
    assertEquals(1.0, LabelWidth.em("Ω"), 1e-9, "Greek is not Latin");
    assertEquals(1.0, LabelWidth.em("→"), 1e-9, "a symbol past the punctuation blocks");
    assertEquals(0.5, LabelWidth.em("—"), 1e-9);
    assertEquals(0.38, LabelWidth.em("\u00A0"), 1e-9, "a no-break space is a space");
    assertEquals(0.66, LabelWidth.em("\u200F٣"), 1e-9, "a direction mark takes no room");
    assertEquals(0.62, LabelWidth.em("م\u20DD"), 1e-9, "an enclosing mark takes no room");
    assertEquals(1.0, LabelWidth.em("\uD835\uDC00"), 1e-9, "one character outside the BMP");
    assertEquals(20.16, LabelWidth.of("Ab", 14), 1e-9);
  }
}
