package org.briefing.build;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.briefing.content.ContentLoader;
import org.briefing.content.FileBytes;
import org.briefing.content.LoadedContent;
import org.briefing.content.RecordFolder;
import org.briefing.content.TextFiles;

/**
 * Hashes of what a build reads, for {@link BuildState}: everything all files depend on as one key,
 * and each record folder on its own.
 */
final class BuildInputs {

  /** The content files outside the records, which the content loader reads. */
  private static final List<String> SHARED_FILES = ContentLoader.SHARED_FILES;

  private BuildInputs() {}

  /**
   * What the output files depend on, as text. Its first line is the hash of what every file depends
   * on: the program (its classes and the libraries it runs with), the templates folder but for its
   * {@link TemplateSources sources} (the strings, say), the content folder's shared files, and the
   * options. Each line after it is a source's hash, a space and its name, in name order: a page
   * template or an asset, on which only some files depend ({@link #sourcesEdited}).
   */
  static String key(SiteBuilder.Options options) throws IOException {
    return key(options, program());
  }

  /** As {@link #key(SiteBuilder.Options)}, for the program whose {@link #program} is given. */
  static String key(SiteBuilder.Options options, String program) throws IOException {
    TextFiles.Hash digest = new TextFiles.Hash();
    digest.label("program " + program);
    digest.label(
        "options "
            + options.baseUrl().orElse("-")
            + " "
            + options.drafts()
            + " "
            + options.strict());
    tree(digest, "templates", options.templates(), name -> !TemplateSources.isSource(name));
    for (String shared : SHARED_FILES) {
      tree(digest, shared, options.content().resolve(shared), name -> true);
    }
    StringBuilder key = new StringBuilder(digest.hex());
    TemplateSources.hashes(options.templates())
        .forEach((name, hash) -> key.append('\n').append(hash).append(' ').append(name));
    return key.toString();
  }

  /**
   * The sources edited between the {@link #key}s {@code last} and {@code now}: none when they are
   * the same. Empty when anything else differs, a source added or removed included: then every file
   * may differ.
   */
  static Optional<Set<String>> sourcesEdited(String last, String now) {
    if (last.equals(now)) {
      return Optional.of(Set.of());
    }
    String[] before = last.split("\n", -1);
    String[] after = now.split("\n", -1);
    if (before.length != after.length || !before[0].equals(after[0])) {
      return Optional.empty();
    }
    Set<String> edited = new TreeSet<>();
    for (int i = 1; i < before.length; i++) {
      String name = before[i].substring(before[i].indexOf(' ') + 1);
      if (!name.equals(after[i].substring(after[i].indexOf(' ') + 1))) {
        return Optional.empty(); // one source gone, another come
      }
      if (!before[i].equals(after[i])) {
        edited.add(name);
      }
    }
    return Optional.of(edited);
  }

  /** The hash of the program: its classes and the libraries it runs with. */
  static String program() throws IOException {
    TextFiles.Hash digest = new TextFiles.Hash();
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
    return digest.hex();
  }

  /** The hash of one place the program is loaded from, a jar or a folder of classes, alone. */
  static String programAt(Path location) throws IOException {
    TextFiles.Hash digest = new TextFiles.Hash();
    tree(digest, "program", location, name -> true);
    return digest.hex();
  }

  /** Each record folder's hash, by id, as the content loader took it from the bytes it read. */
  static Map<String, String> records(LoadedContent content) {
    Map<String, String> hashes = new TreeMap<>();
    for (RecordFolder folder : content.records()) {
      hashes.put(folder.id(), folder.hash());
    }
    return hashes;
  }

  /** Where {@code type} was loaded from: its jar's bytes, or the classes under its folder. */
  private static void program(TextFiles.Hash digest, Class<?> type) throws IOException {
    var source = type.getProtectionDomain().getCodeSource();
    if (source == null) {
      digest.label("program " + type.getName());
      return;
    }
    Path location;
    try {
      location = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      digest.label("program " + source.getLocation());
      return;
    }
    tree(digest, "program", location, name -> true);
  }

  /**
   * Every regular file under {@code root} (or {@code root} itself when it is a file), sorted, with
   * its path below {@code root} and its bytes. A file on its own is its bytes alone: the same jar
   * copied or renamed is the same program.
   */
  private static void tree(
      TextFiles.Hash digest, String label, Path root, Predicate<String> included)
      throws IOException {
    digest.label(label);
    if (Files.isRegularFile(root)) {
      file(digest, "", root);
      return;
    }
    if (!Files.isDirectory(root)) {
      digest.label("missing");
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path path : files) {
      String name = root.relativize(path).toString().replace('\\', '/');
      if (included.test(name)) {
        file(digest, name, path);
      }
    }
  }

  private static void file(TextFiles.Hash digest, String name, Path path) throws IOException {
    byte[] bytes = FileBytes.read(path);
    digest.label(name + " " + bytes.length);
    digest.update(bytes);
  }
}
