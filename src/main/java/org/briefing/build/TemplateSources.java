package org.briefing.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefing.content.FileBytes;
import org.briefing.content.TextFiles;

/**
 * The files of the templates folder that each make only some of the site's files: a page template
 * ({@code .ftlh}) makes the pages rendered with it, and with every template that imports or
 * includes it; an asset makes its copy. After an edit to some of them, a build that reuses the last
 * one renders again only those files. The other files of the folder (the strings) are in the key
 * every file depends on ({@link BuildInputs#key}).
 */
final class TemplateSources {

  private TemplateSources() {}

  /**
   * Whether the file at {@code name} below the templates folder is a source: an asset, or a page
   * template outside the assets. A name with a line break stays in the key, whose lines list the
   * sources.
   */
  static boolean isSource(String name) {
    if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
      return false;
    }
    return name.startsWith(ASSETS) || name.endsWith(".ftlh");
  }

  private static final String ASSETS = "assets/";

  /** Each source of {@code templates} by name, with the hash of its bytes. */
  static SortedMap<String, String> hashes(Path templates) throws IOException {
    SortedMap<String, String> hashes = new TreeMap<>();
    for (Map.Entry<String, Path> source : sources(templates).entrySet()) {
      TextFiles.Hash digest = new TextFiles.Hash();
      digest.update(FileBytes.read(source.getValue()));
      hashes.put(source.getKey(), digest.hex());
    }
    return hashes;
  }

  /**
   * The sources whose files an edit to {@code edited} changes: those, and every template that
   * imports or includes one of them, directly or through another. Empty when a template names the
   * one it imports or includes by an expression, which cannot be followed without running it.
   */
  static Optional<Set<String>> touchedBy(Path templates, Set<String> edited) throws IOException {
    Map<String, Set<String>> users = new HashMap<>(); // each template, and those that name it
    for (Map.Entry<String, Path> source : sources(templates).entrySet()) {
      String name = source.getKey();
      if (name.startsWith(ASSETS)) {
        continue;
      }
      Optional<Set<String>> named = named(name, Files.readString(source.getValue()));
      if (named.isEmpty()) {
        return Optional.empty();
      }
      for (String used : named.get()) {
        users.computeIfAbsent(used, k -> new HashSet<>()).add(name);
      }
    }
    Set<String> touched = new HashSet<>(edited);
    List<String> next = List.copyOf(edited);
    while (!next.isEmpty()) {
      List<String> found = new ArrayList<>();
      for (String name : next) {
        for (String user : users.getOrDefault(name, Set.of())) {
          if (touched.add(user)) {
            found.add(user);
          }
        }
      }
      next = found;
    }
    return Optional.of(touched);
  }

  /**
   * The templates that the template {@code name} imports or includes, as names below the folder:
   * Freemarker looks a relative name up beside the template, and one that starts with {@code /} at
   * the folder's top. Empty when one is named by an expression or by a pattern ({@code *}).
   */
  static Optional<Set<String>> named(String name, String text) {
    Set<String> named = new HashSet<>();
    Matcher m = DIRECTIVE.matcher(text);
    while (m.find()) {
      String quoted = m.group(2) != null ? m.group(2) : m.group(3);
      if (quoted == null || quoted.contains("*") || quoted.contains("${")) {
        return Optional.empty();
      }
      named.add(resolve(name, quoted));
    }
    return Optional.of(named);
  }

  /** What may follow a name that stands alone: the tag's end, {@code as}, or an option. */
  private static final String ALONE = "(?=\\s*[>\\]/A-Za-z_])";

  /**
   * An import or include, in either of Freemarker's tag syntaxes; its name when that is a quoted
   * text alone (followed by the tag's end, {@code as} or an option), not part of an expression.
   */
  private static final Pattern DIRECTIVE =
      Pattern.compile(
          "[<\\[]#(import|include)\\s+(?:\"([^\"]*)\"" + ALONE + "|'([^']*)'" + ALONE + ")?");

  private static String resolve(String from, String name) {
    if (name.startsWith("/")) {
      return Path.of(name.substring(1)).normalize().toString().replace('\\', '/');
    }
    int slash = from.lastIndexOf('/');
    String folder = slash < 0 ? "" : from.substring(0, slash + 1);
    return Path.of(folder + name).normalize().toString().replace('\\', '/');
  }

  /** The sources below {@code templates}, by name. */
  private static SortedMap<String, Path> sources(Path templates) throws IOException {
    SortedMap<String, Path> sources = files(templates);
    sources.keySet().removeIf(name -> !isSource(name));
    return sources;
  }

  /**
   * Every regular file below {@code templates}, by its name there ({@code /}-separated); none when
   * there is no such folder.
   */
  static SortedMap<String, Path> files(Path templates) throws IOException {
    SortedMap<String, Path> files = new TreeMap<>();
    if (!Files.isDirectory(templates)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(templates)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        files.put(name(templates, path), path);
      }
    }
    return files;
  }

  /** The name of {@code path} below {@code templates}, {@code /}-separated. */
  static String name(Path templates, Path path) {
    return templates.relativize(path).toString().replace('\\', '/');
  }
}
