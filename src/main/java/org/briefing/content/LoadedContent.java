package org.briefing.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The content folder as read from disk, before any rule is checked. Files that could not be read
 * are absent here and explained in {@code problems}.
 *
 * @param actors {@code actors.yaml}, which a site without actors may leave out
 * @param publishers {@code publishers.yaml}, which a content folder may leave out
 */
public record LoadedContent(
    Path root,
    Optional<YamlDocument> site,
    Optional<YamlDocument> countries,
    Optional<YamlDocument> vocabulary,
    Optional<YamlDocument> actors,
    List<RecordFolder> records,
    List<Problem> problems,
    Optional<YamlDocument> publishers) {

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
