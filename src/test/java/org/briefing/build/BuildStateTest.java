package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.briefing.files.RecordPieces;
import org.briefing.publish.FolderTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a build keeps beside its output reads back as it was written, or not at all: a cut,
 * damaged or foreign manifest only costs the next build its reuse (a full build), never a wrong
 * one.
 */
class BuildStateTest {

  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("site-output");
  }

  private Path manifest() {
    return tmp.resolve(".site-output.state/manifest.bin");
  }

  /** Three records, one a draft without a footprint, the way a build of a small site keeps them. */
  static BuildState state() {
    Map<String, String> records = new TreeMap<>();
    records.put("2024-05-joint-exercise", "9f0c1a");
    records.put("2023-11-port-visit", "44be07");
    records.put("2025-01-draft", "d1d1d1");
    Map<String, Set<String>> footprints = new TreeMap<>();
    footprints.put(
        "2024-05-joint-exercise",
        Set.of(
            "en/engagements/2024-05-joint-exercise/index.html",
            "ar/engagements/2024-05-joint-exercise/index.html",
            "en/engagements/2023-11-port-visit/index.html",
            "en/countries/eg/index.html",
            "ar/countries/eg/index.html"));
    footprints.put(
        "2023-11-port-visit",
        Set.of(
            "en/engagements/2023-11-port-visit/index.html",
            "ar/engagements/2023-11-port-visit/index.html",
            "en/engagements/2024-05-joint-exercise/index.html",
            "en/countries/eg/index.html",
            "en/countries/sa/index.html",
            "old/address/index.html")); // a path no output file has (a former address)
    Map<String, BuildState.Output> files = new TreeMap<>();
    long millis = 1_764_480_000_123L;
    for (Set<String> paths : footprints.values()) {
      for (String path : paths) {
        if (!path.startsWith("old/")) {
          files.put(
              path,
              new BuildState.Output(
                  path.length() * 100L, millis + path.length(), 3_000_000L - path.length()));
        }
      }
    }
    files.put("en/data/engagements.csv", new BuildState.Output(8_000_000_000L, millis, 1L << 40));
    files.put("ar/عن/index.html", new BuildState.Output(2048, millis - 1000));
    Map<String, Map<String, RecordPieces.Piece>> pieces = new TreeMap<>();
    pieces.put(
        "en/data/engagements.csv",
        new TreeMap<>(
            Map.of(
                "2023-11-port-visit", new RecordPieces.Piece(120, 300),
                "2024-05-joint-exercise", new RecordPieces.Piece(5_000_000_000L, 280))));
    pieces.put(
        "en/data/engagements.json",
        new TreeMap<>(Map.of("2024-05-joint-exercise", new RecordPieces.Piece(2, 900))));
    Map<String, Long> folders = new TreeMap<>();
    folders.put("", 1_764_480_000_000L);
    folders.put("en", 1_764_480_000_123L);
    folders.put("en/data", FolderTimes.UNKNOWN); // changed as it was looked at
    return new BuildState(
        "key-of-templates-and-program", records, footprints, files, pieces, folders);
  }

  @Test
  void aStateReadsBackAsItWasWritten() throws IOException {
    BuildState written = state();
    written.write(out());
    assertTrue(Files.isRegularFile(manifest()), "kept beside the output");
    assertFalse(Files.exists(out()), "never inside it");

    BuildState read = BuildState.read(out()).orElseThrow();
    assertEquals(written, read);
    assertEquals("key-of-templates-and-program", read.key());
    assertEquals(
        Set.of("2024-05-joint-exercise", "2023-11-port-visit"), read.footprints().keySet());
    assertEquals(
        new TreeSet<>(written.footprints().get("2023-11-port-visit")),
        new TreeSet<>(read.footprints().get("2023-11-port-visit")));
    assertEquals(
        new BuildState.Output(8_000_000_000L, 1_764_480_000_123L, 1L << 40),
        read.files().get("en/data/engagements.csv"),
        "its size, its time and where the file system keeps it");
    assertEquals(
        new RecordPieces.Piece(5_000_000_000L, 280),
        read.pieces().get("en/data/engagements.csv").get("2024-05-joint-exercise"));
    assertEquals(1_764_480_000_123L, read.folders().get("en"));
    assertEquals(FolderTimes.UNKNOWN, read.folders().get("en/data"));
    assertEquals(1_764_480_000_000L, read.folders().get(""), "the top, named by no name");
  }

  /**
   * A kept file is trusted only while it has the size and time the state recorded: one written
   * since, gone, or never recorded is rendered again rather than kept.
   */
  @Test
  void aFileIsAsRecordedOnlyWhileItsSizeAndTimeAre() throws IOException {
    Path page = out().resolve("en/index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "<p>kept</p>");
    Map<String, BuildState.Output> files = new TreeMap<>();
    files.put("en/index.html", BuildState.output(page));
    files.put("en/gone/index.html", new BuildState.Output(9, 1_764_480_000_000L));
    BuildState built = state();
    BuildState state =
        new BuildState(
            built.key(), built.records(), built.footprints(), files, built.pieces(), Map.of());
    assertTrue(state.unchanged(out(), List.of("en/index.html")), "as written");
    assertFalse(state.unchanged(out(), List.of("en/index.html", "en/other/index.html")), "unknown");
    assertFalse(state.unchanged(out(), List.of("en/gone/index.html")), "recorded, then removed");
    Files.writeString(page, "<p>written by hand</p>");
    assertFalse(state.unchanged(out(), List.of("en/index.html")), "written since");
  }

  /** A time cut to whole seconds (as a restored cache keeps it) is the time recorded. */
  @Test
  void aFileLookedAtGivesItsPlaceAndThePlaceIsNotPartOfItsSameness() throws IOException {
    Path page = out().resolve("en/index.html");
    Files.createDirectories(page.getParent());
    Files.writeString(page, "<!doctype html>");

    BuildState.Output now = BuildState.output(page);
    assertEquals(Files.getAttribute(page, "unix:ino"), now.place(), "its inode number");
    assertEquals(15, now.size());
    BuildState.Output elsewhere = new BuildState.Output(now.size(), now.millis(), now.place() + 1);
    assertTrue(elsewhere.same(now), "a copy with the same size and time, as before places");
  }

  @Test
  void aTimeCutToWholeSecondsIsTheSameTime() {
    BuildState.Output recorded = new BuildState.Output(10, 1_764_480_000_123L);
    assertTrue(recorded.same(new BuildState.Output(10, 1_764_480_000_123L)));
    assertTrue(recorded.same(new BuildState.Output(10, 1_764_480_000_000L)), "cut to the second");
    assertFalse(recorded.same(new BuildState.Output(10, 1_764_480_001_000L)), "a second later");
    assertFalse(recorded.same(new BuildState.Output(10, 1_764_480_000_124L)), "a moment later");
    assertFalse(recorded.same(new BuildState.Output(11, 1_764_480_000_123L)), "another size");
  }

  @Test
  void aStateIsFoundOnlyWhileItsManifestIsThere() throws IOException {
    assertFalse(StateFolder.holdsManifest(out()), "no build yet: a build renders the whole site");
    state().write(out());
    assertTrue(
        StateFolder.holdsManifest(out()), "a build will find it, and may reuse the last one");
    BuildState.forget(out());
    assertFalse(StateFolder.holdsManifest(out()), "set aside while a build changes the folder");
  }

  @Test
  void aStateReadBackWritesTheSameBytesAgain() throws IOException {
    state().write(out());
    byte[] first = Files.readAllBytes(manifest());
    // As a failed build does: it puts back the state it read.
    BuildState.read(out()).orElseThrow().write(out());
    assertArrayEquals(first, Files.readAllBytes(manifest()));
    state().write(out());
    assertArrayEquals(first, Files.readAllBytes(manifest()), "the same state, the same bytes");
  }

  @Test
  void theBytesDoNotDependOnTheOrderTheStateWasMadeIn() throws IOException {
    BuildState sorted = state();
    sorted.write(out());
    byte[] first = Files.readAllBytes(manifest());

    BuildState shuffled =
        new BuildState(
            sorted.key(),
            reversed(sorted.records()),
            reversed(sorted.footprints(), paths -> reversed(paths)),
            new HashMap<>(sorted.files()),
            reversed(sorted.pieces(), byId -> reversed(byId)),
            reversed(sorted.folders()));
    shuffled.write(out());
    assertArrayEquals(first, Files.readAllBytes(manifest()));
  }

  @Test
  void theOrderOfTheStateReadDoesNotChangeTheBytes() throws IOException {
    // A build writes its state in the order of the one it read: paths gained and lost since, or
    // an order that is not sorted at all, still give the bytes of a state written on its own.
    BuildState now = state();
    now.write(out());
    byte[] alone = Files.readAllBytes(manifest());

    Map<String, BuildState.Output> before = new TreeMap<>(now.files());
    before.remove("ar/عن/index.html");
    before.put("en/gone/index.html", new BuildState.Output(1, 2));
    before.put("a/first/index.html", new BuildState.Output(1, 2));
    Map<String, Long> foldersBefore = new TreeMap<>(now.folders());
    foldersBefore.put("zz", 7L);
    BuildState earlier =
        new BuildState(
            "another key",
            now.records(),
            now.footprints(),
            before,
            now.pieces(),
            reversed(foldersBefore));
    now.write(out(), Optional.of(earlier));
    assertArrayEquals(alone, Files.readAllBytes(manifest()), "the state read, rewritten");

    earlier.write(out());
    now.write(out(), BuildState.read(out()));
    assertArrayEquals(alone, Files.readAllBytes(manifest()), "the state read from its bytes");
  }

  @Test
  void anyPathIsKeptAsItIsATabOrALineBreakIncluded() throws IOException {
    BuildState plain = state();
    String odd = "en/a\tpath\nwith\r\nbreaks/index.html";
    Map<String, BuildState.Output> files = new TreeMap<>(plain.files());
    files.put(odd, new BuildState.Output(7, 8));
    Map<String, Set<String>> footprints = new TreeMap<>(plain.footprints());
    footprints.put("2025-01-draft", Set.of(odd, "id\twith a tab"));
    Map<String, Long> folders = new TreeMap<>(plain.folders());
    folders.put("en/a\tpath\nwith\r\nbreaks", 9L);
    BuildState state =
        new BuildState("a\tkey", plain.records(), footprints, files, plain.pieces(), folders);
    state.write(out());
    BuildState read = BuildState.read(out()).orElseThrow();
    assertEquals(state, read);
    assertEquals(new BuildState.Output(7, 8), read.files().get(odd));
    assertTrue(read.footprints().get("2025-01-draft").contains(odd));
    assertEquals(9L, read.folders().get("en/a\tpath\nwith\r\nbreaks"));
  }

  @Test
  void aCutManifestReadsAsNoState() throws IOException {
    state().write(out());
    byte[] whole = Files.readAllBytes(manifest());
    for (int length : new int[] {0, 8, 12, whole.length / 2, whole.length - 8, whole.length - 1}) {
      Files.write(manifest(), Arrays.copyOf(whole, length));
      assertEquals(Optional.empty(), BuildState.read(out()), "cut to " + length + " bytes");
    }
  }

  @Test
  void aDamagedManifestReadsAsNoState() throws IOException {
    state().write(out());
    byte[] whole = Files.readAllBytes(manifest());
    for (int at = 0; at < whole.length; at += 7) {
      byte[] damaged = whole.clone();
      damaged[at] ^= 0x20;
      Files.write(manifest(), damaged);
      assertEquals(Optional.empty(), BuildState.read(out()), "byte " + at + " changed");
    }
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    Files.write(manifest(), longer);
    assertEquals(Optional.empty(), BuildState.read(out()), "a byte added at the end");
  }

  @Test
  void aManifestOfAnotherFormatReadsAsNoState() throws IOException {
    Files.createDirectories(manifest().getParent());
    String text = "briefing build state 1\nkey\tabc\nrecord\t2024-05-x\t9f0c1a\n";
    Files.writeString(manifest(), text);
    assertEquals(Optional.empty(), BuildState.read(out()), "the earlier text format");
    Files.writeString(manifest(), "BRFSTATE and then something else entirely");
    assertEquals(Optional.empty(), BuildState.read(out()), "the marker, then not a manifest");
    Files.write(manifest(), "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(Optional.empty(), BuildState.read(out()), "a zip");
  }

  @Test
  void anOldTextManifestIsNeitherReadNorLeftBehind() throws IOException {
    Path old = tmp.resolve(".site-output.state/manifest.tsv");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "briefing build state 1\nkey\tabc\n");
    assertEquals(Optional.empty(), BuildState.read(out()));

    state().write(out());
    BuildState.forget(out());
    assertFalse(Files.exists(manifest()), "forgetting deletes the manifest");
    assertFalse(Files.exists(old), "and the older one with it");
    assertEquals(Optional.empty(), BuildState.read(out()));
  }

  @Test
  void writingLeavesNoPartialFileBehind() throws IOException {
    state().write(out());
    state().write(out());
    try (var names = Files.list(manifest().getParent())) {
      assertEquals(List.of("manifest.bin"), names.map(p -> p.getFileName().toString()).toList());
    }
  }

  private static <V> Map<String, V> reversed(Map<String, V> map) {
    return reversed(map, v -> v);
  }

  private static <V, W> Map<String, W> reversed(
      Map<String, V> map, java.util.function.Function<V, W> each) {
    List<String> keys = new ArrayList<>(map.keySet());
    Collections.reverse(keys);
    Map<String, W> copy = new LinkedHashMap<>();
    for (String key : keys) {
      copy.put(key, each.apply(map.get(key)));
    }
    return copy;
  }

  private static Set<String> reversed(Set<String> set) {
    List<String> items = new ArrayList<>(new TreeSet<>(set));
    Collections.reverse(items);
    return new LinkedHashSet<>(items);
  }
}
