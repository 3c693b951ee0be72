package org.briefing.graphics;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.briefing.graphics.GraphicViews.AxisLabel;
import org.briefing.graphics.GraphicViews.Bar;
import org.briefing.graphics.GraphicViews.BarChart;
import org.briefing.graphics.GraphicViews.Column;
import org.briefing.graphics.GraphicViews.ColumnChart;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Tick;
import org.briefing.i18n.Localizer;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;

/**
 * The geometry of the charts drawn as inline SVG at build time. Every coordinate is worked out
 * here, so templates only place shapes. In Arabic the charts are mirrored as the page reads: bar
 * labels on the right with bars growing leftwards, and time running from right to left.
 *
 * <p>Room for text comes from {@link LabelWidth}, which overestimates every common font, so no
 * label is cut off or runs into another whichever font the reader's browser uses. The stylesheet
 * draws chart text at {@link #FONT} units (see {@code .chart svg} in site.css).
 */
public final class Charts {

  /** The size of chart text in SVG units; site.css sets the same. */
  static final int FONT = 14;

  private static final int TRACK_WIDTH = 200;
  private static final int LABEL_GAP = 10;
  private static final int VALUE_GAP = 6;
  private static final int ROW = 30;
  private static final int BAR = 18;

  static final int COLUMN_CHART_WIDTH = 400;
  static final int COLUMN_CHART_HEIGHT = 140;
  private static final int AXIS = 26;
  private static final int TOP = 16;
  private static final int YEAR_TICK = 7;
  private static final int MONTH_TICK = 3;

  /** Month ticks closer than this (in SVG units) would blur into a bar; only years are marked. */
  private static final double MIN_MONTH_STEP = 6;

  /** Space between a year's tick and its label, and between two labels. */
  private static final int LABEL_PAD = 3;

  private final Localizer l;
  private final boolean rtl;

  public Charts(Localizer l) {
    this.l = l;
    this.rtl = l.lang() == Lang.AR;
  }

  /** Horizontal bars, one per item, the longest for the largest count. */
  public BarChart bars(String title, List<Counted> items) {
    long max = items.stream().mapToLong(Counted::count).max().orElse(1);
    // The label column is as wide as the longest label may be drawn, so no name is cut off;
    // the same for the counts written past the bars' ends.
    double longest =
        items.stream().mapToDouble(i -> LabelWidth.of(i.link().text(), FONT)).max().orElse(0);
    double longestValue =
        items.stream().mapToDouble(i -> LabelWidth.of(l.n(i.count()), FONT)).max().orElse(0);
    int labelWidth = (int) Math.ceil(longest) + LABEL_GAP;
    int valueWidth = (int) Math.ceil(longestValue) + VALUE_GAP + 2;
    int chartWidth = labelWidth + TRACK_WIDTH + valueWidth;
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Counted item = items.get(i);
      int width = (int) Math.max(4, Math.round((double) TRACK_WIDTH * item.count() / max));
      int y = i * ROW;
      int barX = rtl ? chartWidth - labelWidth - width : labelWidth;
      int labelX = rtl ? chartWidth - 2 : labelWidth - 8;
      int valueX = rtl ? barX - VALUE_GAP : barX + width + VALUE_GAP;
      // The SVG inherits the page's direction, so "start" is the right edge in Arabic.
      bars.add(
          new Bar(
              item.link().text(),
              l.n(item.count()),
              item.link().url(),
              y,
              barX,
              width,
              BAR,
              labelX,
              rtl ? "start" : "end",
              valueX,
              "start"));
    }
    String description =
        items.stream()
            .map(i -> i.link().text() + ": " + i.countText())
            .reduce((a, b) -> a + l.t("list_separator") + b)
            .orElse(l.t("no_records"));
    return new BarChart(
        title,
        description,
        chartWidth,
        Math.max(ROW, items.size() * ROW),
        List.copyOf(bars),
        List.copyOf(items));
  }

  /**
   * One column per month from the first recorded month to the last, empty months included so the
   * time axis is honest. Records known only to the year cannot be placed on it; the chart says how
   * many were left out. Below the axis a long tick marks where each year starts and a short one
   * each month (when months leave room); each year is written from its tick onwards in the reading
   * direction, as many years as fit without touching, the years with the most months first.
   */
  public ColumnChart months(String title, List<Engagement> engagements) {
    TreeMap<YearMonth, Integer> counts = new TreeMap<>();
    int yearOnly = 0;
    for (Engagement e : engagements) {
      PartialDate d = e.date();
      if (d.precision() == PartialDate.Precision.YEAR) {
        yearOnly++;
      } else {
        counts.merge(YearMonth.of(d.year(), d.month()), 1, Integer::sum);
      }
    }
    int axisY = COLUMN_CHART_HEIGHT - AXIS;
    List<Column> columns = new ArrayList<>();
    List<Tick> ticks = new ArrayList<>();
    List<AxisLabel> labels = new ArrayList<>();
    if (!counts.isEmpty()) {
      YearMonth first = counts.firstKey();
      int n = (int) (first.until(counts.lastKey(), ChronoUnit.MONTHS) + 1);
      int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(1);
      double step = (double) COLUMN_CHART_WIDTH / n;
      int plot = axisY - TOP;
      Map<Integer, double[]> years = new TreeMap<>();
      YearMonth month = first;
      for (int i = 0; i < n; i++, month = month.plusMonths(1)) {
        int count = counts.getOrDefault(month, 0);
        int height = count == 0 ? 0 : Math.max(2, (int) Math.round((double) plot * count / max));
        double slot = rtl ? COLUMN_CHART_WIDTH - (i + 1) * step : i * step;
        int x = (int) Math.round(slot + step * 0.15);
        int width = Math.max(1, (int) Math.round(step * 0.7));
        columns.add(
            new Column(
                l.dates().monthHeading(month.getYear(), month.getMonthValue()),
                count,
                l.n(count),
                x,
                axisY - height,
                width,
                height));
        boolean yearStart = i == 0 || month.getMonthValue() == 1;
        if (yearStart || step >= MIN_MONTH_STEP) {
          ticks.add(new Tick(at(i * step), yearStart ? YEAR_TICK : MONTH_TICK));
        }
        years.computeIfAbsent(month.getYear(), y -> new double[] {0, 0});
        double[] span = years.get(month.getYear());
        if (span[1] == 0) {
          span[0] = i * step;
        }
        span[1] = (i + 1) * step;
      }
      ticks.add(new Tick(at(n * step), YEAR_TICK));
      labels.addAll(yearLabels(years, axisY + YEAR_TICK + FONT));
    }
    String note =
        yearOnly == 0
            ? null
            : l.t("chart_year_only_note").replace("{n}", l.count(yearOnly, "engagements_count"));
    String description =
        columns.stream()
            .filter(c -> c.count() > 0)
            .map(c -> c.label() + ": " + c.valueText())
            .reduce((a, b) -> a + l.t("list_separator") + b)
            .orElse(l.t("no_records"));
    return new ColumnChart(
        title,
        description,
        COLUMN_CHART_WIDTH,
        COLUMN_CHART_HEIGHT,
        axisY,
        List.copyOf(columns),
        List.copyOf(ticks),
        List.copyOf(labels),
        note);
  }

  /**
   * The year labels that fit, worked out along time (0 at the earliest edge): each label starts
   * just after its year's first tick, or ends at the chart's latest edge when it would run past it;
   * a label that would come closer than {@link #LABEL_PAD} to one already placed is left out,
   * placing the years with the most months first (then the latest).
   */
  private List<AxisLabel> yearLabels(Map<Integer, double[]> years, int y) {
    record Candidate(int year, double span, double from, double to, boolean atEnd) {}
    List<Candidate> candidates = new ArrayList<>();
    double end = COLUMN_CHART_WIDTH - 1;
    years.forEach(
        (year, span) -> {
          double w = LabelWidth.of(l.n(year), FONT);
          double from = span[0] + LABEL_PAD;
          boolean atEnd = from + w > end;
          if (atEnd) {
            from = end - w;
          }
          candidates.add(new Candidate(year, span[1] - span[0], from, from + w, atEnd));
        });
    candidates.sort(
        Comparator.comparingDouble(Candidate::span)
            .reversed()
            .thenComparing(Comparator.comparingInt(Candidate::year).reversed()));
    List<Candidate> placed = new ArrayList<>();
    for (Candidate c : candidates) {
      boolean clear =
          c.from() >= 0
              && placed.stream()
                  .allMatch(p -> c.to() + LABEL_PAD <= p.from() || c.from() >= p.to() + LABEL_PAD);
      if (clear) {
        placed.add(c);
      }
    }
    placed.sort(Comparator.comparingInt(Candidate::year));
    return placed.stream()
        .map(
            c ->
                new AxisLabel(
                    l.n(c.year()),
                    c.atEnd() ? at(c.to()) : at(c.from()),
                    y,
                    c.atEnd() ? "end" : "start"))
        .toList();
  }

  /** The x coordinate of a point {@code t} units along time from the earliest edge. */
  private int at(double t) {
    return (int) Math.round(rtl ? COLUMN_CHART_WIDTH - t : t);
  }

  /**
   * How wide a chart label may be drawn, in ems, whatever font the reader's browser ends up using.
   * Every character counts at a generous advance for its script, wider than in the site's own fonts
   * and in the wide faces readers fall back to (DejaVu Sans, Verdana, Tahoma), so room worked out
   * from it holds for any of them. Marks that sit on a letter (Arabic vowel signs, shadda) and
   * invisible controls take no room.
   */
  static final class LabelWidth {

    static final double DIGIT = 0.66;
    static final double SPACE = 0.38;
    static final double LATIN_CAPITAL = 0.8;
    static final double LATIN_SMALL = 0.64;
    static final double ARABIC = 0.62;
    static final double PUNCTUATION = 0.5;

    /** Anything else (CJK, symbols): a full em. */
    static final double OTHER = 1.0;

    private LabelWidth() {}

    /** The width of {@code text} in ems, at most what any common font needs. */
    static double em(String text) {
      double width = 0;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        width += em(c);
      }
      return width;
    }

    /** The width of {@code text} in units of a font {@code size} units high. */
    static double of(String text, double size) {
      return em(text) * size;
    }

    private static double em(int c) {
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.FORMAT) {
        return 0;
      }
      if (Character.isDigit(c)) {
        return DIGIT;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return SPACE;
      }
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      if (script == Character.UnicodeScript.ARABIC) {
        return ARABIC;
      }
      if (script == Character.UnicodeScript.LATIN) {
        return Character.isUpperCase(c) ? LATIN_CAPITAL : LATIN_SMALL;
      }
      if (script == Character.UnicodeScript.COMMON && c < 0x2100) {
        return PUNCTUATION;
      }
      return OTHER;
    }
  }
}
