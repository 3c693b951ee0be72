package org.briefing.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content folder as read from disk, before any rule is checked. Files that could not be read
 * are absent here and explained in {@code problems}.
 *
 * @param actors {@code actors.yaml}, which a site without actors may leave out
 * @param publishers {@code publishers.yaml}, which a content folder may leave out
 * @param briefs the editors' introductions to monthly briefs, {@code briefs/2025-04/en.md}, by
 *     month folder and then language code ({@code en}); folders not named as a month are left out
 */
public record LoadedContent(
    Path root,
    Optional<YamlDocument> site,
    Optional<YamlDocument> countries,
    Optional<YamlDocument> vocabulary,
    Optional<YamlDocument> actors,
    List<RecordFolder> records,
    List<Problem> problems,
    Optional<YamlDocument> publishers,
    Map<String, Map<String, MarkdownFile>> briefs) {

  /** Content without introductions to monthly briefs. */
  public LoadedContent(
      Path root,
      Optional<YamlDocument> site,
      Optional<YamlDocument> countries,
      Optional<YamlDocument> vocabulary,
      Optional<YamlDocument> actors,
      List<RecordFolder> records,
      List<Problem> problems,
      Optional<YamlDocument> publishers) {
    this(root, site, countries, vocabulary, actors, records, problems, publishers, Map.of());
  }

  /** Content without an actors or a publishers file. */
  public LoadedContent(
      Path root,
      Optional<YamlDocument> site,
      Optional<YamlDocument> countries,
      Optional<YamlDocument> vocabulary,
      List<RecordFolder> records,
      List<Problem> problems) {
    this(root, site, countries, vocabulary, Optional.empty(), records, problems, Optional.empty());
  }
}
