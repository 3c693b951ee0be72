package org.briefing.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The editors' introductions to monthly briefs, as the {@link ContentLoader} reads them. */
final class BriefFolders {

  /** A brief's folder: its month, {@code 2025-04}. */
  private static final java.util.regex.Pattern MONTH =
      java.util.regex.Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");

  private BriefFolders() {}

  /**
   * The introductions to monthly briefs: {@code briefs/<yyyy-mm>/ar.md} and {@code en.md}, each
   * Markdown with an optional front matter. No folder, or a month without a file, is fine.
   */
  static Map<String, Map<String, MarkdownFile>> read(
      Path root, ParsedYaml yaml, List<Problem> problems) {
    Path dir = root.resolve(ContentLoader.BRIEFS);
    if (!Files.isDirectory(dir)) {
      return Map.of();
    }
    Map<String, Map<String, MarkdownFile>> out = new TreeMap<>();
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.sorted().toList()) {
        String name = child.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (!Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          problems.add(
              Problem.inFile(
                  child,
                  "is not a brief's folder; an introduction to a monthly brief goes in "
                      + ContentLoader.BRIEFS
                      + "/<yyyy-mm>/en.md or ar.md"));
        } else if (!MONTH.matcher(name).matches()) {
          problems.add(
              Problem.inFile(
                  child,
                  "is not a month; name a brief's folder by its month as yyyy-mm, such as"
                      + " 2025-04"));
        } else {
          out.put(name, readBrief(root, child, yaml, problems));
        }
      }
    } catch (IOException e) {
      problems.add(Problem.inFile(dir, "could not be listed: " + e.getMessage()));
    }
    return Map.copyOf(out);
  }

  private static Map<String, MarkdownFile> readBrief(
      Path root, Path folder, ParsedYaml yaml, List<Problem> problems) throws IOException {
    Map<String, MarkdownFile> texts = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (ContentLoader.LANGUAGE_FILES.contains(name)) {
          TextFiles.read(root, file, problems)
              .ifPresent(
                  text ->
                      texts.put(
                          name.substring(0, 2),
                          text.startsWith("---\n")
                              ? FrontMatter.split(file, text, yaml, problems)
                              : new MarkdownFile(file, Optional.empty(), text)));
        } else if (!name.startsWith(".")) {
          problems.add(
              Problem.inFile(
                  file,
                  "is not part of a brief's introduction; its folder holds only ar.md and en.md"
                      + briefSuggestion(name)));
        }
      }
    }
    return Map.copyOf(texts);
  }

  private static String briefSuggestion(String name) {
    for (String known : ContentLoader.LANGUAGE_FILES) {
      if (Suggestions.close(name, known)) {
        return " (did you mean " + known + "?)";
      }
    }
    return "";
  }
}
