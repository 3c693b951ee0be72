package org.briefing.build;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.briefing.files.RecordPieces;
import org.briefing.files.RecordTerms;

/**
 * What the last {@code build} made its output from, kept in a hidden folder beside the output
 * ({@code .site-output.state/} for {@code site-output/}), never inside it, so never published: the
 * inputs every file depends on (program, templates, shared content files, options) as one key; each
 * record's hash and the files that showed it; each output file's size and time. The next build
 * renders again only what changed since, and takes the rest over as it is.
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
 */
record BuildState(
    String key,
    Map<String, String> records,
    Map<String, Set<String>> footprints,
    Map<String, Output> files,
    Map<String, Map<String, RecordPieces.Piece>> pieces) {

  /** The size and modification time of a file, in milliseconds. */
  record Output(long size, long millis) {

    /**
     * Whether {@code now} is this file as it was; a time cut to whole seconds (as some archives
     * keep it, and so a cache restored between CI runs) counts as the same.
     */
    boolean same(Output now) {
      return size == now.size && (millis == now.millis || millis / 1000 * 1000 == now.millis);
    }
  }

  private static final String FORMAT = "briefing build state 1";
  private static final String MANIFEST = "manifest.tsv";
  private static final String TERMS = "terms.bin";
  private static final String YAML = "yaml.bin";

  /** Where the state of the output folder {@code out} is kept. */
  static Path folder(Path out) {
    Path target = out.toAbsolutePath().normalize();
    return target.resolveSibling("." + target.getFileName() + ".state");
  }

  /** The state of {@code out}'s last build, when there is a readable one. */
  static Optional<BuildState> read(Path out) {
    Path manifest = folder(out).resolve(MANIFEST);
    // Hash maps: at 10,000 records the manifest holds some 400,000 paths, and nothing read here
    // needs them in order (write sorts what it writes).
    Map<String, String> records = new HashMap<>();
    Map<String, Set<String>> footprints = new HashMap<>();
    Map<String, Output> files = new HashMap<>();
    Map<String, Map<String, RecordPieces.Piece>> pieces = new TreeMap<>();
    String key = null;
    try (BufferedReader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
      if (!FORMAT.equals(in.readLine())) {
        return Optional.empty();
      }
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "key" -> key = f[1];
          case "record" -> {
            records.put(f[1], f[2]);
            if (f.length > 3) {
              footprints.put(f[1], new HashSet<>(Arrays.asList(f).subList(3, f.length)));
            }
          }
          case "file" -> files.put(f[3], new Output(Long.parseLong(f[1]), Long.parseLong(f[2])));
          case "piece" ->
              pieces
                  .computeIfAbsent(f[1], file -> new TreeMap<>())
                  .put(f[2], new RecordPieces.Piece(Long.parseLong(f[3]), Integer.parseInt(f[4])));
          default -> {
            return Optional.empty();
          }
        }
      }
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged state only costs a full build
    }
    return key == null
        ? Optional.empty()
        : Optional.of(new BuildState(key, records, footprints, files, pieces));
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
        if (!recorded.same(output(out.resolve(path)))) {
          return false;
        }
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** The size and time of the file at {@code file}. */
  static Output output(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new Output(attributes.size(), attributes.lastModifiedTime().toMillis());
  }

  /**
   * Writes this state beside {@code out}, whole or not at all. A path that a line cannot hold (a
   * tab or a line break in it) leaves no state: the next build is a full one.
   */
  void write(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(FORMAT);
    lines.add("key\t" + key);
    for (Map.Entry<String, String> record : new TreeMap<>(records).entrySet()) {
      StringBuilder line =
          new StringBuilder("record\t")
              .append(record.getKey())
              .append('\t')
              .append(record.getValue());
      for (String path : new TreeSet<>(footprints.getOrDefault(record.getKey(), Set.of()))) {
        line.append('\t').append(path);
      }
      lines.add(line.toString());
    }
    for (Map.Entry<String, Output> file : new TreeMap<>(files).entrySet()) {
      lines.add(
          "file\t"
              + file.getValue().size()
              + "\t"
              + file.getValue().millis()
              + "\t"
              + file.getKey());
    }
    pieces.forEach(
        (file, byId) ->
            byId.forEach(
                (id, piece) ->
                    lines.add(
                        "piece\t"
                            + file
                            + "\t"
                            + id
                            + "\t"
                            + piece.offset()
                            + "\t"
                            + piece.length())));
    for (String line : lines) {
      if (line.indexOf('\n') >= 0
          || line.indexOf('\r') >= 0
          || (line.startsWith("file\t") && tabs(line) != 3)) {
        forget(out);
        return;
      }
    }
    Path folder = folder(out);
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, MANIFEST, ".part");
    try {
      try (BufferedWriter writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        for (String line : lines) {
          writer.write(line);
          writer.write('\n');
        }
      }
      Files.move(
          temporary,
          folder.resolve(MANIFEST),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static int tabs(String line) {
    int count = 0;
    for (int i = line.indexOf('\t'); i >= 0; i = line.indexOf('\t', i + 1)) {
      count++;
    }
    return count;
  }

  /** Where the search terms of {@code out}'s last build are kept (see {@link RecordTerms}). */
  static Path terms(Path out) {
    return folder(out).resolve(TERMS);
  }

  /**
   * Where the YAML the last build into {@code out} read is kept (see {@link
   * org.briefing.content.ParsedYaml}); like the terms, it stands on its own.
   */
  static Path yaml(Path out) {
    return folder(out).resolve(YAML);
  }

  /**
   * Keeps {@code terms} beside {@code out} for the next build, whole or not at all. The file stands
   * on its own: each entry carries its record's hash, so a file older or newer than the manifest is
   * never wrong, only less useful.
   */
  static void writeTerms(Path out, RecordTerms terms) throws IOException {
    Path folder = folder(out);
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
   * Removes the manifest of {@code out}, so that the next build is a full one. The search terms
   * stay: each is taken only for a record whose hash is still its own, whatever the folder holds,
   * and a build that fails to publish then leaves the state as it found it.
   */
  static void forget(Path out) throws IOException {
    Files.deleteIfExists(folder(out).resolve(MANIFEST));
  }
}
