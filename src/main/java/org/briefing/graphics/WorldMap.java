package org.briefing.graphics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.model.Lang;

/**
 * The map of the archive, drawn at build time as inline SVG from Natural Earth's country outlines
 * ({@code world-countries.txt}, simplified once by {@code tools/map/simplify.mjs}).
 *
 * <p>The projection is equirectangular with true scale at 30°N over a window from the Atlantic
 * coast of Europe to the Gulf, and from the Horn of Africa to the Baltic: the Middle East and the
 * Horn keep a readable size, where a world map would shrink Qatar to a dot. A country of the
 * archive outside the window (the United States, say) is drawn whole in a small box of its own
 * below the map, as atlases draw Alaska, starting from the page's reading side. Each country of the
 * archive is one link; every other country is part of one grey background path. Coordinates are
 * whole pixels, written relatively, to keep the map light.
 */
public final class WorldMap {

  static final int WIDTH = 600;
  private static final double WEST = -12;
  private static final double EAST = 66;
  private static final double SOUTH = -4;
  private static final double NORTH = 56;
  private static final double SCALE = WIDTH / ((EAST - WEST) * Math.cos(Math.toRadians(30)));
  static final int MAP_HEIGHT = (int) Math.round((NORTH - SOUTH) * SCALE);
  private static final int INSET_WIDTH = 170;
  private static final int INSET_HEIGHT = 70;
  private static final int INSET_GAP = 8;

  /** Shading steps: a country's count as a share of the largest, in five classes. */
  static final int SHADES = 5;

  private static volatile Map<String, List<int[]>> outlines;

  private final boolean rtl;

  public WorldMap(Lang lang) {
    this.rtl = lang == Lang.AR;
  }

  /**
   * The map of {@code counted} (each {@link Counted#code} a country code, with its count). {@code
   * focus} is the country the page is about, drawn apart and not shaded, or null.
   */
  public GraphicViews.MapView draw(
      String title, String description, List<Counted> counted, Counted focus) {
    Map<String, List<int[]>> world = outlines();
    long max = counted.stream().mapToLong(Counted::count).max().orElse(1);
    Set<String> shown = new java.util.HashSet<>();
    counted.forEach(c -> shown.add(c.code()));
    if (focus != null) {
      shown.add(focus.code());
    }
    StringBuilder background = new StringBuilder();
    world.forEach(
        (code, rings) -> {
          if (!shown.contains(code)) {
            for (int[] ring : rings) {
              if (inWindow(ring)) {
                path(background, ring);
              }
            }
          }
        });
    List<GraphicViews.MapCountry> countries = new ArrayList<>();
    List<GraphicViews.MapInset> insets = new ArrayList<>();
    List<Counted> all = new ArrayList<>(counted);
    for (Counted c : all) {
      List<int[]> rings = world.getOrDefault(c.code(), List.of());
      int shade = (int) Math.max(1, Math.ceil((double) SHADES * c.count() / max));
      String cls = "shade-" + shade + (focus != null ? " partner" : "");
      countries.add(country(c, rings, cls, false, insets));
    }
    if (focus != null) {
      countries.add(
          0, country(focus, world.getOrDefault(focus.code(), List.of()), "focus", true, insets));
    }
    int height = MAP_HEIGHT + (insets.isEmpty() ? 0 : INSET_HEIGHT + INSET_GAP);
    return new GraphicViews.MapView(
        title,
        description,
        WIDTH,
        height,
        MAP_HEIGHT,
        background.toString(),
        List.copyOf(countries),
        List.copyOf(insets));
  }

  private GraphicViews.MapCountry country(
      Counted c, List<int[]> rings, String cls, boolean focus, List<GraphicViews.MapInset> insets) {
    int[] largest =
        rings.stream().max(java.util.Comparator.comparingDouble(WorldMap::area)).orElse(null);
    StringBuilder d = new StringBuilder();
    double labelX;
    double labelY;
    boolean inset = false;
    if (largest == null) {
      labelX = WIDTH / 2.0;
      labelY = MAP_HEIGHT / 2.0;
    } else if (inWindow(center(largest))) {
      for (int[] ring : rings) {
        if (inWindow(ring)) {
          path(d, ring);
        }
      }
      double[] at = project(center(largest));
      double[] b = bounds(largest);
      double top = project(new double[] {b[0], b[3]})[1];
      double bottom = project(new double[] {b[0], b[1]})[1];
      labelX = at[0];
      // A small country's name stands above it rather than over it, so it stays visible.
      labelY = bottom - top < 24 ? top - 5 : at[1] + 4;
    } else {
      // Outside the window: the country whole (its main part and what lies near it) in a box.
      double[] box = bounds(largest);
      List<int[]> near = rings.stream().filter(r -> within(center(r), box, 1000)).toList();
      double[] b = near.stream().map(WorldMap::bounds).reduce(WorldMap::union).orElse(box);
      double spanX = (b[2] - b[0]) * Math.cos(Math.toRadians((b[1] + b[3]) / 200.0));
      double spanY = b[3] - b[1];
      double s = Math.min((INSET_WIDTH - 10) / spanX, (INSET_HEIGHT - 22) / spanY);
      int index = insets.size();
      int x0 =
          rtl
              ? WIDTH - (index + 1) * (INSET_WIDTH + INSET_GAP) + INSET_GAP
              : index * (INSET_WIDTH + INSET_GAP);
      int y0 = MAP_HEIGHT + INSET_GAP;
      double cos = Math.cos(Math.toRadians((b[1] + b[3]) / 200.0));
      for (int[] ring : near) {
        int[] px = new int[ring.length];
        for (int i = 0; i < ring.length; i += 2) {
          px[i] = (int) Math.round(x0 + (INSET_WIDTH - spanX * s) / 2 + (ring[i] - b[0]) * cos * s);
          px[i + 1] = (int) Math.round(y0 + 5 + (b[3] - ring[i + 1]) * s);
        }
        pixels(d, px);
      }
      insets.add(new GraphicViews.MapInset(x0, y0, INSET_WIDTH, INSET_HEIGHT));
      inset = true;
      labelX = x0 + INSET_WIDTH / 2.0;
      labelY = y0 + INSET_HEIGHT - 6;
    }
    return new GraphicViews.MapCountry(
        c.code(),
        c.link(),
        c.count(),
        c.countText(),
        cls,
        focus,
        inset,
        d.toString(),
        (int) Math.round(labelX),
        (int) Math.round(labelY));
  }

  // ---- geometry ------------------------------------------------------------------------------

  /** Lon/lat in hundredths of a degree to pixels of the main map. */
  private static double[] project(double[] lonLat) {
    return new double[] {
      (lonLat[0] / 100.0 - WEST) * SCALE * Math.cos(Math.toRadians(30)),
      (NORTH - lonLat[1] / 100.0) * SCALE
    };
  }

  private static void path(StringBuilder d, int[] ring) {
    int[] px = new int[ring.length];
    double cos = Math.cos(Math.toRadians(30));
    for (int i = 0; i < ring.length; i += 2) {
      px[i] = (int) Math.round((ring[i] / 100.0 - WEST) * SCALE * cos);
      px[i + 1] = (int) Math.round((NORTH - ring[i + 1] / 100.0) * SCALE);
    }
    pixels(d, px);
  }

  /** A closed ring of pixel points as {@code M x y l dx dy ... z}, repeated points left out. */
  private static void pixels(StringBuilder d, int[] px) {
    int count = 0;
    int lastX = px[0];
    int lastY = px[1];
    StringBuilder ring =
        new StringBuilder().append('M').append(lastX).append(' ').append(lastY).append('l');
    for (int i = 2; i < px.length; i += 2) {
      int dx = px[i] - lastX;
      int dy = px[i + 1] - lastY;
      if (dx == 0 && dy == 0) {
        continue;
      }
      if (count > 0 && dx >= 0) {
        ring.append(' ');
      }
      ring.append(dx);
      if (dy >= 0) {
        ring.append(' ');
      }
      ring.append(dy);
      lastX = px[i];
      lastY = px[i + 1];
      count++;
    }
    if (count >= 2) {
      d.append(ring).append('z');
    }
  }

  private static boolean inWindow(int[] ring) {
    double[] b = bounds(ring);
    return b[2] / 100.0 > WEST
        && b[0] / 100.0 < EAST
        && b[3] / 100.0 > SOUTH
        && b[1] / 100.0 < NORTH;
  }

  private static boolean inWindow(double[] point) {
    return point[0] / 100.0 > WEST
        && point[0] / 100.0 < EAST
        && point[1] / 100.0 > SOUTH
        && point[1] / 100.0 < NORTH;
  }

  /** minLon, minLat, maxLon, maxLat. */
  private static double[] bounds(int[] ring) {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < ring.length; i += 2) {
      b[0] = Math.min(b[0], ring[i]);
      b[1] = Math.min(b[1], ring[i + 1]);
      b[2] = Math.max(b[2], ring[i]);
      b[3] = Math.max(b[3], ring[i + 1]);
    }
    return b;
  }

  private static double[] union(double[] a, double[] b) {
    return new double[] {
      Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])
    };
  }

  private static double[] center(int[] ring) {
    double[] b = bounds(ring);
    return new double[] {(b[0] + b[2]) / 2, (b[1] + b[3]) / 2};
  }

  private static boolean within(double[] point, double[] box, double margin) {
    return point[0] >= box[0] - margin
        && point[0] <= box[2] + margin
        && point[1] >= box[1] - margin
        && point[1] <= box[3] + margin;
  }

  private static double area(int[] ring) {
    double s = 0;
    for (int i = 0, j = ring.length - 2; i < ring.length; j = i, i += 2) {
      s += (double) (ring[j] + ring[i]) * (ring[j + 1] - ring[i + 1]);
    }
    return Math.abs(s / 2);
  }

  // ---- data ----------------------------------------------------------------------------------

  /** Country code → outer rings as lon,lat pairs in hundredths of a degree. Read once. */
  static Map<String, List<int[]>> outlines() {
    Map<String, List<int[]>> read = outlines;
    if (read == null) {
      synchronized (WorldMap.class) {
        read = outlines;
        if (read == null) {
          read = load();
          outlines = read;
        }
      }
    }
    return read;
  }

  private static Map<String, List<int[]>> load() {
    Map<String, List<int[]>> out = new TreeMap<>();
    try (InputStream in = WorldMap.class.getResourceAsStream("world-countries.txt")) {
      if (in == null) {
        throw new IllegalStateException("world-countries.txt is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        List<int[]> rings = new ArrayList<>();
        for (String ring : line.substring(tab + 1).split(";")) {
          String[] points = ring.split(" ");
          int[] coords = new int[points.length * 2];
          for (int i = 0; i < points.length; i++) {
            int comma = points[i].indexOf(',');
            coords[2 * i] = Integer.parseInt(points[i].substring(0, comma));
            coords[2 * i + 1] = Integer.parseInt(points[i].substring(comma + 1));
          }
          rings.add(coords);
        }
        out.put(line.substring(0, tab), List.copyOf(rings));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Collections.unmodifiableMap(out);
  }
}
