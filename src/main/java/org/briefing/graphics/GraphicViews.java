package org.briefing.graphics;

import java.util.List;

/**
 * What the charts and the map are drawn from and into, as plain values ready to print: a link with
 * its count goes in, shapes with whole coordinates come out. Pages carry these records; templates
 * place them without computing anything.
 */
public final class GraphicViews {

  private GraphicViews() {}

  /** A link: where it goes, its text, and the language and direction of that text. */
  public record Link(String url, String text, String lang, String dir) {}

  public record Counted(Link link, String code, long count, String countText) {}

  /**
   * A horizontal bar chart drawn as inline SVG; coordinates are worked out in Java. {@code rows}
   * are the same numbers, for the table that accompanies the chart.
   */
  public record BarChart(
      String title,
      String description,
      int width,
      int height,
      List<Bar> bars,
      List<Counted> rows) {}

  public record Bar(
      String label,
      String value,
      String url,
      int y,
      int barX,
      int barWidth,
      int barHeight,
      int labelX,
      String labelAnchor,
      int valueX,
      String valueAnchor) {}

  /**
   * Engagements per month as columns; {@code axisY} is the baseline, {@code note} says what the
   * chart cannot show (records known only to the year), or is null.
   */
  public record ColumnChart(
      String title,
      String description,
      int width,
      int height,
      int axisY,
      List<Column> columns,
      List<Tick> ticks,
      List<AxisLabel> labels,
      String note) {}

  /** One month's column. */
  public record Column(
      String label, long count, String valueText, int x, int y, int width, int height) {}

  /** A mark below the time axis at {@code x}: long where a year starts, short between months. */
  public record Tick(int x, int length) {}

  /**
   * A year written below the time axis, running from the start of its months in the reading
   * direction ({@code anchor} "start"), or held back from the chart's far edge ("end").
   */
  public record AxisLabel(String text, int x, int y, String anchor) {}

  /**
   * The archive's map (see {@link WorldMap}): {@code background} is every other country as one
   * path; {@code countries} are the linked ones, whose numbers the table beside it repeats.
   */
  public record MapView(
      String title,
      String description,
      int width,
      int height,
      int mapHeight,
      String background,
      List<MapCountry> countries,
      List<MapInset> insets) {}

  /**
   * A country of the map: {@code shade} is its CSS classes, {@code focus} marks the page's own
   * country (not in the table), {@code inset} one drawn in a box below the map; the label stands at
   * ({@code labelX}, {@code labelY}).
   */
  public record MapCountry(
      String code,
      Link link,
      long count,
      String countText,
      String shade,
      boolean focus,
      boolean inset,
      String path,
      int labelX,
      int labelY) {}

  /** The box of a country drawn apart from the map because it lies outside its window. */
  public record MapInset(int x, int y, int width, int height) {}
}
