package org.briefing.render;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.briefing.i18n.Localizer;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.render.PageViews.Bar;
import org.briefing.render.PageViews.BarChart;
import org.briefing.render.PageViews.Column;
import org.briefing.render.PageViews.ColumnChart;
import org.briefing.render.PageViews.Counted;

/**
 * The geometry of the charts drawn as inline SVG at build time. Every coordinate is worked out
 * here, so templates only place shapes. In Arabic the charts are mirrored as the page reads:
 * bar labels on the right with bars growing leftwards, and time running from right to left.
 */
final class Charts {

  private static final int TRACK_WIDTH = 200;
  private static final int VALUE_WIDTH = 32;
  /** A generous average advance of a 14 px interface font, Latin or Arabic. */
  private static final double CHAR_WIDTH = 7.6;
  private static final int ROW = 30;
  private static final int BAR = 18;

  static final int COLUMN_CHART_WIDTH = 400;
  static final int COLUMN_CHART_HEIGHT = 140;
  private static final int AXIS = 24;
  private static final int TOP = 16;

  private final Localizer l;
  private final boolean rtl;

  Charts(Localizer l) {
    this.l = l;
    this.rtl = l.lang() == Lang.AR;
  }

  /** Horizontal bars, one per item, the longest for the largest count. */
  BarChart bars(String title, List<Counted> items) {
    long max = items.stream().mapToLong(Counted::count).max().orElse(1);
    // The label column is as wide as the longest label needs, so no name is cut off.
    int longest = items.stream().mapToInt(i -> i.link().text().length()).max().orElse(8);
    int labelWidth = (int) Math.ceil(longest * CHAR_WIDTH) + 10;
    int chartWidth = labelWidth + TRACK_WIDTH + VALUE_WIDTH;
    int track = TRACK_WIDTH;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Counted item = items.get(i);
      int width = (int) Math.max(4, Math.round((double) track * item.count() / max));
      int y = i * ROW;
      int barX = rtl ? chartWidth - labelWidth - width : labelWidth;
      int labelX = rtl ? chartWidth : labelWidth - 8;
      int valueX = rtl ? barX - 6 : barX + width + 6;
      // The SVG inherits the page's direction, so "start" is the right edge in Arabic.
      bars.add(new Bar(item.link().text(), l.n(item.count()), item.link().url(), y, barX, width,
          BAR, labelX, rtl ? "start" : "end", valueX, "start"));
    }
    String description = items.stream().map(i -> i.link().text() + ": " + i.countText())
        .reduce((a, b) -> a + l.t("list_separator") + b).orElse(l.t("no_records"));
    return new BarChart(title, description, chartWidth, Math.max(ROW, items.size() * ROW),
        List.copyOf(bars), List.copyOf(items));
  }

  /**
   * One column per month from the first recorded month to the last, empty months included so
   * the time axis is honest. Records known only to the year cannot be placed on it; the chart
   * says how many were left out.
   */
  ColumnChart months(String title, List<Engagement> engagements) {
    Map<YearMonth, Integer> counts = new TreeMap<>();
    int yearOnly = 0;
    for (Engagement e : engagements) {
      PartialDate d = e.date();
      if (d.precision() == PartialDate.Precision.YEAR) {
        yearOnly++;
      } else {
        counts.merge(YearMonth.of(d.year(), d.month()), 1, Integer::sum);
      }
    }
    List<Column> columns = new ArrayList<>();
    if (!counts.isEmpty()) {
      YearMonth first = ((TreeMap<YearMonth, Integer>) counts).firstKey();
      YearMonth last = ((TreeMap<YearMonth, Integer>) counts).lastKey();
      int n = (int) (first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
      double step = (double) COLUMN_CHART_WIDTH / n;
      int plot = COLUMN_CHART_HEIGHT - AXIS - TOP;
      YearMonth month = first;
      for (int i = 0; i < n; i++, month = month.plusMonths(1)) {
        int count = counts.getOrDefault(month, 0);
        int height = count == 0 ? 0 : Math.max(2, (int) Math.round((double) plot * count / max));
        double slot = rtl ? COLUMN_CHART_WIDTH - (i + 1) * step : i * step;
        int x = (int) Math.round(slot + step * 0.15);
        int width = Math.max(1, (int) Math.round(step * 0.7));
        boolean yearStart = i == 0 || month.getMonthValue() == 1;
        columns.add(new Column(l.dates().monthHeading(month.getYear(), month.getMonthValue()),
            count, l.n(count), x, TOP + plot - height, width, height,
            yearStart ? l.n(month.getYear()) : null, x + width / 2, COLUMN_CHART_HEIGHT - 6));
      }
    }
    String note = yearOnly == 0 ? null
        : l.t("chart_year_only_note").replace("{n}", l.count(yearOnly, "engagements_count"));
    String description = columns.stream().filter(c -> c.count() > 0)
        .map(c -> c.label() + ": " + c.valueText())
        .reduce((a, b) -> a + l.t("list_separator") + b).orElse(l.t("no_records"));
    return new ColumnChart(title, description, COLUMN_CHART_WIDTH, COLUMN_CHART_HEIGHT,
        COLUMN_CHART_HEIGHT - AXIS, List.copyOf(columns), note);
  }
}
