package org.briefing.build;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefing.content.FileBytes;
import org.briefing.files.RecordPieces;
import org.briefing.files.RecordTerms;
import org.briefing.publish.FolderTimes;

/**
 * What the last {@code build} made its output from, kept in a hidden folder beside the output
 * ({@code .site-output.state/} for {@code site-output/}), never inside it, so never published: the
 * inputs every file depends on (program, templates, shared content files, options) as one key; each
 * record's hash and the files that showed it; each output file's size and time. The next build
 * renders again only what changed since, and takes the rest over as it is.
 *
 * <p>The manifest is binary (see {@link StateManifest}): each path is written once and named by a
 * number elsewhere, and any path is kept as it is, a tab or a line break in it included.
 *
 * <p>A state only describes the folder as that build left it. Anything that writes the folder
 * otherwise (the preview, a hand edit) changes a file's time or size, and the next build then
 * renders everything.
 *
 * @param key the hash of every input all files depend on
 * @param records each record's hash, by id (drafts and records not built included)
 * @param footprints for each built record, the files that showed it besides the site-wide ones
 * @param files each output file's size and modification time, by path
 * @param pieces where each record's part of the files that carry every record lies, by file
 * @param folders each output folder's modification time in milliseconds, or {@link
 *     FolderTimes#UNKNOWN} for one to list next time (see {@link FolderTimes})
 */
record BuildState(
    String key,
    Map<String, String> records,
    Map<String, Set<String>> footprints,
    Map<String, Output> files,
    Map<String, Map<String, RecordPieces.Piece>> pieces,
    Map<String, Long> folders) {

  /**
   * The size and modification time of a file, in milliseconds, and where the file system keeps it
   * (its inode number, or 0 where it has none): the next build looks at the files in that order,
   * which from a disk that has not cached them reads the inode table in runs rather than at random.
   */
  record Output(long size, long millis, long place) {

    /** A file's size and time, its place not known. */
    Output(long size, long millis) {
      this(size, millis, 0);
    }

    /**
     * Whether {@code now} is this file as it was; a time cut to whole seconds (as some archives
     * keep it, and so a cache restored between CI runs) counts as the same.
     */
    boolean same(Output now) {
      return size == now.size && (millis == now.millis || millis / 1000 * 1000 == now.millis);
    }
  }

  /** No state: nothing to take an order from. */
  private static final BuildState NONE =
      new BuildState("", Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

  private static final String MANIFEST = StateFolder.MANIFEST;

  /** The changes since the manifest was written whole (see {@link StateDelta}). */
  private static final String DELTA = "manifest.delta";

  /** The manifest, set aside while a build changes the folder (see {@link #forget}). */
  private static final String BASE = "manifest.base";

  /** The text manifest of earlier versions, deleted when met. */
  private static final String OLD_MANIFEST = "manifest.tsv";

  private static final String TERMS = "terms.bin";
  private static final String YAML = "yaml.bin";

  /**
   * The state of {@code out}'s last build, when there is a readable one: a manifest of another
   * format, an older one (the text {@code manifest.tsv} included), a cut or damaged one is none.
   */
  static Optional<BuildState> read(Path out) {
    return readLayered(out).map(Layered::state);
  }

  /**
   * A state as read, and the changes since its manifest was written whole: those the next build
   * adds its own to (see {@link #writeDelta}).
   */
  record Layered(BuildState state, StateDelta delta) {}

  /**
   * As {@link #read}, with the changes since the manifest was written whole. Changes written for
   * another manifest than the one there, or damaged, make no state at all: the manifest alone would
   * describe a folder that is no longer there.
   */
  static Optional<Layered> readLayered(Path out) {
    try {
      byte[] manifest = FileBytes.read(StateFolder.of(out).resolve(MANIFEST));
      Optional<BuildState> base = StateManifest.decode(manifest);
      if (base.isEmpty()) {
        return Optional.empty();
      }
      StateDelta none = StateDelta.none(manifest.length, checksum(manifest));
      Path deltaFile = StateFolder.of(out).resolve(DELTA);
      if (!Files.exists(deltaFile)) {
        return Optional.of(new Layered(base.get(), none));
      }
      return StateDelta.decode(FileBytes.read(deltaFile))
          .filter(delta -> sameBase(delta, none))
          .map(delta -> new Layered(delta.applyTo(base.get()), delta));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged state only costs a full build
    }
  }

  private static boolean sameBase(StateDelta a, StateDelta b) {
    return a.baseLength() == b.baseLength() && a.baseChecksum() == b.baseChecksum();
  }

  /** A manifest's checksum: its last eight bytes (see {@link StateManifest}). */
  private static long checksum(byte[] manifest) {
    return ByteBuffer.wrap(manifest, manifest.length - Long.BYTES, Long.BYTES).getLong();
  }

  /**
   * Whether each of {@code paths} in {@code out} is still the file this state recorded: same size
   * and time, so neither the preview nor anyone else has written it since.
   */
  boolean unchanged(Path out, Collection<String> paths) {
    for (String path : paths) {
      Output recorded = files.get(path);
      if (recorded == null) {
        return false;
      }
      try {
        if (!recorded.same(sizeAndTime(out.resolve(path)))) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** Whether the file system gives each file's inode number ("unix" view: Linux, macOS). */
  private static final boolean PLACES =
      FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

  /** The size, time and place of the file at {@code file}, from one look. */
  static Output output(Path file) throws IOException {
    if (PLACES) {
      Map<String, Object> seen = Files.readAttributes(file, "unix:size,lastModifiedTime,ino");
      return new Output(
          (Long) seen.get("size"),
          ((FileTime) seen.get("lastModifiedTime")).toMillis(),
          (Long) seen.get("ino"));
    }
    return sizeAndTime(file);
  }

  /**
   * The size and time of the file at {@code file}, its place not asked for: enough to compare with
   * what was recorded, and cheaper to ask than the place (no map of attributes made per file).
   */
  private static Output sizeAndTime(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new Output(attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /** Writes this state beside {@code out}, whole or not at all. */
  void write(Path out) throws IOException {
    write(out, Optional.of(this));
  }

  /**
   * As {@link #write(Path)}; {@code earlier}, the state this build read, gives most of the order
   * its paths are written in (see {@link StateManifest#encode}).
   */
  void write(Path out, Optional<BuildState> earlier) throws IOException {
    byte[] bytes = StateManifest.encode(this, earlier.orElse(NONE));
    Path folder = StateFolder.of(out);
    Files.createDirectories(folder);
    forget(out); // the changes written beside the manifest would no longer match
    replace(folder, MANIFEST, bytes);
    Files.deleteIfExists(folder.resolve(BASE));
  }

  /**
   * Writes the state as {@code delta}, the changes since its manifest was written whole, beside
   * that manifest, when it is still there ({@link #forget} set it aside): a few hundred entries
   * where the manifest holds some 600,000 at 10,000 records. False, writing nothing, when the
   * manifest the changes are to is gone or another.
   */
  static boolean writeDelta(Path out, StateDelta delta) throws IOException {
    Path folder = StateFolder.of(out);
    Path aside = folder.resolve(BASE);
    Path base = Files.exists(aside) ? aside : folder.resolve(MANIFEST);
    if (delta.baseLength() < Long.BYTES) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(base, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(Long.BYTES);
      if (channel.size() != delta.baseLength()
          || channel.read(last, delta.baseLength() - Long.BYTES) != Long.BYTES
          || last.getLong(0) != delta.baseChecksum()) {
        return false;
      }
    } catch (NoSuchFileException e) {
      return false;
    }
    if (delta.weight() == 0) {
      Files.deleteIfExists(folder.resolve(DELTA)); // the manifest alone is the state
    } else {
      replace(folder, DELTA, delta.encode());
    }
    if (base.equals(aside)) { // the manifest and its changes make the state again only now
      Files.move(
          aside,
          folder.resolve(MANIFEST),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    return true;
  }

  /**
   * Writes the state as {@code changes} added to those already beside the manifest last written
   * whole, while they stay few: an eighth of the manifest's entries (some 80,000 of 643,000 at
   * 10,000 records, where the first record added changes some 30,600, mostly the exports' record
   * parts, and each later one some 70 more). False, writing nothing, when they have grown past
   * that, or the manifest is gone: the state is then written whole.
   */
  static boolean writeAsChanges(Path out, Layered read, StateDelta changes) throws IOException {
    StateDelta all = read.delta().then(changes);
    return all.weight() * 8 <= StateDelta.weightOf(read.state()) && writeDelta(out, all);
  }

  /** Replaces {@code name} in {@code folder} with {@code bytes}, whole or not at all. */
  private static void replace(Path folder, String name, byte[] bytes) throws IOException {
    Path temporary = Files.createTempFile(folder, name, ".part");
    try {
      FileBytes.write(temporary, bytes);
      Files.move(
          temporary,
          folder.resolve(name),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Where the search terms of {@code out}'s last build are kept (see {@link RecordTerms}). */
  static Path terms(Path out) {
    return StateFolder.of(out).resolve(TERMS);
  }

  /**
   * Where the YAML the last build into {@code out} read is kept (see {@link
   * org.briefing.content.ParsedYaml}); like the terms, it stands on its own.
   */
  static Path yaml(Path out) {
    return StateFolder.of(out).resolve(YAML);
  }

  /**
   * Keeps {@code terms} beside {@code out} for the next build, whole or not at all. The file stands
   * on its own: each entry carries its record's hash, so a file older or newer than the manifest is
   * never wrong, only less useful.
   */
  static void writeTerms(Path out, RecordTerms terms) throws IOException {
    Path folder = StateFolder.of(out);
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, TERMS, ".part");
    try {
      terms.write(temporary);
      Files.move(
          temporary,
          terms(out),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Takes the manifest of {@code out} out of use, so that a build stopped from here on leaves a
   * full one to the next. It is set aside rather than removed, for {@link #writeDelta} to put back
   * with this build's changes. The search terms stay: each is taken only for a record whose hash is
   * still its own, whatever the folder holds, and a build that fails to publish then leaves the
   * state as it found it.
   */
  static void forget(Path out) throws IOException {
    Path folder = StateFolder.of(out);
    // The manifest first: its changes alone are no state, where the manifest alone would be a
    // wrong one.
    if (Files.exists(folder.resolve(MANIFEST))) {
      Files.move(
          folder.resolve(MANIFEST),
          folder.resolve(BASE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    }
    Files.deleteIfExists(folder.resolve(DELTA));
    Files.deleteIfExists(folder.resolve(OLD_MANIFEST));
  }

  /**
   * Puts back the state {@code read} as it was, for a build that failed to publish: its changes
   * beside the manifest set aside, or, when that is gone, the whole state written again.
   */
  static void restore(Path out, Layered read) throws IOException {
    if (!writeDelta(out, read.delta())) {
      read.state().write(out);
    }
  }
}
