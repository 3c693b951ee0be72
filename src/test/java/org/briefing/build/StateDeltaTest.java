package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.briefing.files.RecordPieces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state kept as the changes since its manifest was written whole: read back, manifest and changes
 * make the state the build left; changes that do not belong to the manifest there, or are damaged,
 * make no state at all (a full build), never the manifest alone, which would describe a folder that
 * is no longer there.
 */
class StateDeltaTest {

  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("site-output");
  }

  private Path state(String name) {
    return tmp.resolve(".site-output.state").resolve(name);
  }

  /** The base's state with a record added, one edited, one removed, and their files. */
  private static StateDelta changes(StateDelta base) {
    StateDelta changes = StateDelta.none(base.baseLength(), base.baseChecksum());
    changes.records().set().put("2026-02-new", "abcdef");
    changes.records().set().put("2024-05-joint-exercise", "123456");
    changes.records().removed().add("2025-01-draft");
    changes.footprints().set().put("2026-02-new", Set.of("en/engagements/2026-02-new/index.html"));
    changes.footprints().removed().add("2023-11-port-visit");
    changes
        .files()
        .set()
        .put("en/engagements/2026-02-new/index.html", new BuildState.Output(9, 10));
    changes.files().set().put("en/countries/eg/index.html", new BuildState.Output(11, 12));
    changes.files().removed().add("ar/عن/index.html");
    changes.pieces().set().put("en/data/engagements.csv", Map.of("2026-02-new", piece(7, 8)));
    changes.pieces().removed().add("en/data/engagements.json");
    changes.folders().set().put("en/engagements/2026-02-new", 13L);
    changes.folders().removed().add("en/data");
    return changes;
  }

  private static RecordPieces.Piece piece(long offset, int length) {
    return new RecordPieces.Piece(offset, length);
  }

  /** What {@link #changes} make of {@code state}, made by hand. */
  private static BuildState applied(BuildState state) {
    Map<String, String> records = new TreeMap<>(state.records());
    records.put("2026-02-new", "abcdef");
    records.put("2024-05-joint-exercise", "123456");
    records.remove("2025-01-draft");
    Map<String, Set<String>> footprints = new TreeMap<>(state.footprints());
    footprints.put("2026-02-new", Set.of("en/engagements/2026-02-new/index.html"));
    footprints.remove("2023-11-port-visit");
    Map<String, BuildState.Output> files = new TreeMap<>(state.files());
    files.put("en/engagements/2026-02-new/index.html", new BuildState.Output(9, 10));
    files.put("en/countries/eg/index.html", new BuildState.Output(11, 12));
    files.remove("ar/عن/index.html");
    Map<String, Map<String, RecordPieces.Piece>> pieces = new TreeMap<>(state.pieces());
    pieces.put("en/data/engagements.csv", Map.of("2026-02-new", piece(7, 8)));
    pieces.remove("en/data/engagements.json");
    Map<String, Long> folders = new TreeMap<>(state.folders());
    folders.put("en/engagements/2026-02-new", 13L);
    folders.remove("en/data");
    return new BuildState(state.key(), records, footprints, files, pieces, folders);
  }

  /** Compares footprints as sets of paths, whatever kind of set each was read into. */
  private static void assertSameState(BuildState expected, BuildState actual) {
    assertEquals(expected.key(), actual.key());
    assertEquals(expected.records(), actual.records());
    assertEquals(expected.footprints().keySet(), actual.footprints().keySet());
    expected
        .footprints()
        .forEach(
            (id, paths) ->
                assertEquals(new TreeSet<>(paths), new TreeSet<>(actual.footprints().get(id))));
    assertEquals(expected.files(), actual.files());
    assertEquals(expected.pieces(), actual.pieces());
    assertEquals(expected.folders(), actual.folders());
  }

  /**
   * As a build does: the manifest set aside, then the changes written and the manifest put back.
   */
  private StateDelta written(StateDelta delta) throws IOException {
    BuildState.forget(out());
    assertEquals(Optional.empty(), BuildState.read(out()), "no state while the folder changes");
    assertTrue(BuildState.writeDelta(out(), delta));
    return delta;
  }

  @Test
  void theManifestAndTheChangesBesideItReadAsTheStateTheyMake() throws IOException {
    BuildStateTest.state().write(out());
    byte[] manifest = Files.readAllBytes(state("manifest.bin"));
    BuildState.Layered read = BuildState.readLayered(out()).orElseThrow();
    assertEquals(0, read.delta().weight(), "no changes yet");
    assertFalse(Files.exists(state("manifest.delta")));

    StateDelta changes = changes(read.delta());
    // 3 records, 2 footprints and their 1 path, 3 files, 2 export files and their 1 piece, 2
    // folders: counted as the manifest's entries are.
    assertEquals(14, changes.weight());
    written(read.delta().then(changes));

    assertArrayEquals(manifest, Files.readAllBytes(state("manifest.bin")), "left as it was");
    assertTrue(Files.exists(state("manifest.delta")));
    assertFalse(Files.exists(state("manifest.base")));
    assertSameState(applied(BuildStateTest.state()), BuildState.read(out()).orElseThrow());
  }

  @Test
  void laterChangesAreAddedToTheEarlierOnesAndAKeyRemovedCanComeBack() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta first = BuildState.readLayered(out()).orElseThrow().delta();
    first = written(first.then(changes(first)));

    StateDelta later = StateDelta.none(first.baseLength(), first.baseChecksum());
    later.records().set().put("2025-01-draft", "back");
    later.records().removed().add("2026-02-new");
    later.files().set().put("en/countries/eg/index.html", new BuildState.Output(21, 22));
    BuildState.Layered read = BuildState.readLayered(out()).orElseThrow();
    assertEquals(first, read.delta(), "the changes read back as written");
    written(read.delta().then(later));

    BuildState expected = applied(BuildStateTest.state());
    expected.records().put("2025-01-draft", "back");
    expected.records().remove("2026-02-new");
    expected.files().put("en/countries/eg/index.html", new BuildState.Output(21, 22));
    assertSameState(expected, BuildState.read(out()).orElseThrow());
  }

  @Test
  void changesForAnotherManifestOrDamagedOnesAreNoState() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta none = BuildState.readLayered(out()).orElseThrow().delta();
    written(none.then(changes(none)));
    byte[] delta = Files.readAllBytes(state("manifest.delta"));

    for (int at = 0; at < delta.length; at += 5) {
      byte[] damaged = delta.clone();
      damaged[at] ^= 0x10;
      Files.write(state("manifest.delta"), damaged);
      assertEquals(Optional.empty(), BuildState.read(out()), "byte " + at + " changed");
    }
    for (int length : new int[] {0, 8, delta.length / 2, delta.length - 1}) {
      Files.write(state("manifest.delta"), Arrays.copyOf(delta, length));
      assertEquals(Optional.empty(), BuildState.read(out()), "cut to " + length);
    }

    // Another manifest written whole since, with the old changes put back beside it.
    applied(BuildStateTest.state()).write(out());
    assertFalse(Files.exists(state("manifest.delta")), "writing whole takes the changes away");
    Files.write(state("manifest.delta"), delta);
    assertEquals(Optional.empty(), BuildState.read(out()), "changes to another manifest");
  }

  @Test
  void changesAreNotWrittenWhenTheirManifestIsGone() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta none = BuildState.readLayered(out()).orElseThrow().delta();
    BuildState.forget(out());
    Files.delete(state("manifest.base"));
    assertFalse(BuildState.writeDelta(out(), none.then(changes(none))));
    assertEquals(Optional.empty(), BuildState.read(out()));
    try (var names = Files.list(state("manifest.bin").getParent())) {
      assertEquals(List.of(), names.toList(), "nothing written");
    }
  }

  @Test
  void aFailedBuildPutsBackTheStateItRead() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta none = BuildState.readLayered(out()).orElseThrow().delta();
    written(none.then(changes(none)));
    byte[] manifest = Files.readAllBytes(state("manifest.bin"));
    byte[] delta = Files.readAllBytes(state("manifest.delta"));
    BuildState.Layered read = BuildState.readLayered(out()).orElseThrow();

    BuildState.forget(out());
    assertEquals(Optional.empty(), BuildState.read(out()));
    BuildState.restore(out(), read);

    assertArrayEquals(manifest, Files.readAllBytes(state("manifest.bin")));
    assertArrayEquals(delta, Files.readAllBytes(state("manifest.delta")));
    assertSameState(applied(BuildStateTest.state()), BuildState.read(out()).orElseThrow());

    // With the manifest gone meanwhile, the whole state is written again.
    BuildState.forget(out());
    Files.move(state("manifest.base"), tmp.resolve("elsewhere"), StandardCopyOption.ATOMIC_MOVE);
    BuildState.restore(out(), read);
    assertFalse(Files.exists(state("manifest.delta")));
    assertSameState(applied(BuildStateTest.state()), BuildState.read(out()).orElseThrow());
  }

  @Test
  void changesGrownPastAnEighthOfTheManifestAreWrittenWholeInstead() throws IOException {
    BuildStateTest.state().write(out());
    BuildState.Layered read = BuildState.readLayered(out()).orElseThrow();
    long manifest = StateDelta.weightOf(read.state());
    StateDelta few = StateDelta.none(0, 0);
    few.records().set().put("2026-02-new", "abcdef");
    BuildState.forget(out());
    assertTrue(few.weight() * 8 <= manifest);
    assertTrue(BuildState.writeAsChanges(out(), read, few), "few changes: written as such");
    assertTrue(Files.exists(state("manifest.delta")));

    StateDelta many = StateDelta.none(0, 0);
    for (int i = 0; many.weight() * 8 <= manifest; i++) {
      many.folders().set().put("en/new-folder-" + i, 1L);
    }
    BuildState.forget(out());
    assertFalse(BuildState.writeAsChanges(out(), read, many), "too many: the caller writes whole");
    assertFalse(Files.exists(state("manifest.delta")), "nothing written");
    assertFalse(Files.exists(state("manifest.bin")), "the state stays forgotten");
  }

  @Test
  void changesAreNotWrittenBesideAnotherManifest() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta none = BuildState.readLayered(out()).orElseThrow().delta();
    for (StateDelta other :
        List.of(
            StateDelta.none(none.baseLength() + 1, none.baseChecksum()),
            StateDelta.none(none.baseLength(), none.baseChecksum() + 1),
            StateDelta.none(4, none.baseChecksum()))) {
      other.records().set().put("2026-02-new", "abcdef");
      assertFalse(BuildState.writeDelta(out(), other), other.toString());
      assertFalse(Files.exists(state("manifest.delta")));
    }
    assertTrue(BuildState.readLayered(out()).isPresent(), "the manifest still the state");
  }

  @Test
  void changesThatBothSetAndRemoveAKeyAreNoState() throws IOException {
    BuildStateTest.state().write(out());
    StateDelta none = BuildState.readLayered(out()).orElseThrow().delta();
    StateDelta both = StateDelta.none(none.baseLength(), none.baseChecksum());
    both.records().set().put("2023-11-port-visit", "abcdef");
    both.records().removed().add("2023-11-port-visit");
    Files.write(state("manifest.delta"), both.encode());
    assertEquals(Optional.empty(), BuildState.read(out()));
    assertEquals(Optional.empty(), StateDelta.decode(both.encode()));
  }
}
