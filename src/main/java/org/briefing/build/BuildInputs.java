package org.briefing.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.briefing.content.ContentLoader;
import org.briefing.content.LoadedContent;
import org.briefing.content.RecordFolder;

/**
 * Hashes of what a build reads, for {@link BuildState}: everything all files depend on as one key,
 * and each record folder on its own.
 */
final class BuildInputs {

  /** The content files outside the records, which the content loader reads. */
  private static final List<String> SHARED_FILES = ContentLoader.SHARED_FILES;

  private BuildInputs() {}

  /**
   * The hash of what every output file depends on: the program (its classes and the libraries it
   * runs with), the templates folder whole (strings and assets included), the content folder's
   * shared files, and the options.
   */
  static String key(SiteBuilder.Options options) throws IOException {
    Hash digest = new Hash();
    text(
        digest,
        "options "
            + options.baseUrl().orElse("-")
            + " "
            + options.drafts()
            + " "
            + options.strict());
    Set<String> seen = new HashSet<>(); // one shaded jar holds them all
    for (Class<?> type :
        List.of(
            BuildInputs.class,
            freemarker.template.Template.class,
            org.commonmark.parser.Parser.class,
            com.fasterxml.jackson.dataformat.yaml.YAMLFactory.class)) {
      var source = type.getProtectionDomain().getCodeSource();
      if (seen.add(source == null ? type.getName() : source.getLocation().toString())) {
        program(digest, type);
      }
    }
    tree(digest, "templates", options.templates());
    for (String shared : SHARED_FILES) {
      tree(digest, shared, options.content().resolve(shared));
    }
    return digest.hex();
  }

  /** Each record folder's hash (its file names and bytes), by id, read in parallel. */
  static Map<String, String> records(LoadedContent content) {
    Map<String, String> hashes = new ConcurrentHashMap<>();
    content.records().parallelStream()
        .forEach(
            folder -> {
              try {
                hashes.put(folder.id(), record(folder));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return new TreeMap<>(hashes);
  }

  private static String record(RecordFolder folder) throws IOException {
    Hash digest = new Hash();
    tree(digest, folder.id(), folder.dir());
    return digest.hex();
  }

  /** Where {@code type} was loaded from: its jar's bytes, or the classes under its folder. */
  private static void program(Hash digest, Class<?> type) throws IOException {
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      text(digest, "program " + type.getName());
      return;
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      text(digest, "program " + source.getLocation());
      return;
    }
    tree(digest, "program", location);
  }

  /**
   * Every regular file under {@code root} (or {@code root} itself when it is a file), sorted, with
   * its path and bytes.
   */
  private static void tree(Hash digest, String label, Path root) throws IOException {
    text(digest, label);
    if (Files.isRegularFile(root)) {
      file(digest, root.getFileName().toString(), root);
      return;
    }
    if (!Files.isDirectory(root)) {
      text(digest, "missing");
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path path : files) {
      file(digest, root.relativize(path).toString().replace('\\', '/'), path);
    }
  }

  private static void file(Hash digest, String name, Path path) throws IOException {
    byte[] bytes = Files.readAllBytes(path);
    text(digest, name + " " + bytes.length);
    digest.update(bytes);
  }

  private static void text(Hash digest, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    digest.update((byte) bytes.length);
    digest.update(bytes);
    digest.update((byte) 0);
  }

  /**
   * Two different 32-bit checksums of the same bytes, which the JVM computes with the processor's
   * own instructions even before it optimizes anything (a cryptographic hash of the program's jar
   * and 10,000 records took a second of a build that reuses the last one). It detects changes; it
   * is no defence against bytes made to collide, which would only keep the last build's pages of a
   * record.
   */
  private static final class Hash {
    private final CRC32C first = new CRC32C();
    private final CRC32 second = new CRC32();

    void update(byte[] bytes) {
      first.update(bytes);
      second.update(bytes);
    }

    void update(byte b) {
      first.update(b);
      second.update(b);
    }

    String hex() {
      return HexFormat.of().toHexDigits((first.getValue() << 32) | second.getValue());
    }
  }
}
