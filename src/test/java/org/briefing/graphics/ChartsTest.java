package org.briefing.graphics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefing.graphics.Charts.LabelWidth;
import org.briefing.graphics.GraphicViews.AxisLabel;
import org.briefing.graphics.GraphicViews.BarChart;
import org.briefing.graphics.GraphicViews.ColumnChart;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The charts' geometry, before any browser draws it: the month chart's time axis reads in the
 * page's direction and writes years where they cannot touch, and bar labels get the room they may
 * need. (ReaderBrowserTest measures the drawn labels, with the site's fonts and without.)
 */
class ChartsTest {

  private static final Strings STRINGS = Strings.load(Path.of("templates", "strings.yaml"));
  private static final Term TYPE = new Term("visit", new Localized("Visit", "زيارة"));
  private static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));

  private static Charts charts(Lang lang, boolean arabicIndic) {
    return new Charts(new Localizer(lang, STRINGS, arabicIndic));
  }

  /** One record in each of the given months (YYYY-MM). */
  private static List<Engagement> records(String... months) {
    List<Engagement> records = new ArrayList<>();
    for (String month : months) {
      records.add(
          new Engagement(
              "r-" + month,
              PartialDate.parse(month),
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

  /** Where a label may reach, as [left, right], at the generous widths charts plan with. */
  private static double[] extent(AxisLabel label, boolean rtl) {
    double w = LabelWidth.of(label.text(), Charts.FONT);
    boolean startsLeft = rtl == "end".equals(label.anchor());
    return startsLeft
        ? new double[] {label.x(), label.x() + w}
        : new double[] {label.x() - w, label.x()};
  }

  @ParameterizedTest(name = "{0} to {1}, {2}, Arabic-Indic digits {3}")
  @CsvSource({
    "2024-12, 2025-10, EN, false",
    "2024-12, 2025-10, AR, false",
    "2024-12, 2025-10, AR, true",
    "2024-11, 2026-02, EN, false",
    "2024-11, 2026-02, AR, true",
    "2015-06, 2025-01, EN, false",
    "2015-06, 2025-01, AR, false",
    "2025-03, 2025-04, EN, false",
    "2025-03, 2025-04, AR, false"
  })
  void yearsUnderTheMonthAxisStayInsideTheChartAndNeverTouch(
      String from, String to, Lang lang, boolean arabicIndic) {
    ColumnChart chart = charts(lang, arabicIndic).months("t", records(from, to));
    boolean rtl = lang == Lang.AR;
    List<AxisLabel> labels = chart.labels();
    assertTrue(!labels.isEmpty(), "no year is written under the axis");
    List<double[]> extents = labels.stream().map(l -> extent(l, rtl)).toList();
    for (int i = 0; i < extents.size(); i++) {
      double[] a = extents.get(i);
      assertTrue(a[0] >= 0 && a[1] <= chart.width(), labels.get(i) + " leaves the chart");
      for (int j = i + 1; j < extents.size(); j++) {
        double[] b = extents.get(j);
        assertTrue(
            a[1] + 3 <= b[0] || b[1] + 3 <= a[0],
            labels.get(i) + " and " + labels.get(j) + " would touch");
      }
    }
    assertTrue(
        labels.stream().allMatch(l -> l.y() > chart.axisY() && l.y() <= chart.height()),
        "years are written below the axis, inside the chart: " + labels);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EN", "AR"})
  void timeRunsInTheReadingDirection(Lang lang) {
    ColumnChart chart = charts(lang, false).months("t", records("2023-01", "2024-06", "2025-12"));
    List<Integer> xs = chart.labels().stream().map(AxisLabel::x).toList();
    assertEquals(3, xs.size(), "three whole years, each written: " + chart.labels());
    List<String> years = chart.labels().stream().map(AxisLabel::text).toList();
    assertEquals(List.of("2023", "2024", "2025"), years);
    boolean ascending = xs.get(0) < xs.get(1) && xs.get(1) < xs.get(2);
    boolean descending = xs.get(0) > xs.get(1) && xs.get(1) > xs.get(2);
    assertTrue(
        lang == Lang.AR ? descending : ascending, lang + ": years from left to right at " + xs);
    int firstColumn = chart.columns().get(0).x();
    int lastColumn = chart.columns().get(chart.columns().size() - 1).x();
    assertTrue(
        lang == Lang.AR ? firstColumn > lastColumn : firstColumn < lastColumn,
        lang + ": January 2023 is drawn at " + firstColumn + ", December 2025 at " + lastColumn);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EN", "AR"})
  void aBarLabelHasRoomForItsLongestName(Lang lang) {
    String longName =
        lang == Lang.AR ? "جمهورية الكونغو الديمقراطية" : "Democratic Republic of the Congo";
    List<Counted> items =
        List.of(
            new Counted(new Link("a", longName, lang.code(), lang.dir()), "cd", 1234, "1234"),
            new Counted(new Link("b", "Qatar", lang.code(), lang.dir()), "qa", 3, "3"));
    BarChart chart = charts(lang, false).bars("t", items);
    for (GraphicViews.Bar bar : chart.bars()) {
      double w = LabelWidth.of(bar.label(), Charts.FONT);
      double v = LabelWidth.of(bar.value(), Charts.FONT);
      if (lang == Lang.AR) {
        // the label runs leftwards from the right edge, the count leftwards from the bar's end
        assertTrue(bar.labelX() - w >= bar.barX() + bar.barWidth(), bar + ": label over the bar");
        assertTrue(bar.valueX() - v >= 0, bar + ": count cut at the left edge");
        assertTrue(bar.labelX() <= chart.width(), bar + ": label past the right edge");
      } else {
        assertTrue(bar.labelX() - w >= 0, bar + ": label cut at the left edge");
        assertTrue(bar.labelX() <= bar.barX(), bar + ": label over the bar");
        assertTrue(bar.valueX() + v <= chart.width(), bar + ": count cut at the right edge");
      }
    }
  }
}
