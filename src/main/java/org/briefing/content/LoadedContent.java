package org.briefing.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The content folder as read from disk, before any rule is checked. Files that could not be
 * read are absent here and explained in {@code problems}.
 *
 * @param publishers {@code publishers.yaml}, which a content folder may leave out
 */
public record LoadedContent(Path root, Optional<YamlDocument> site,
    Optional<YamlDocument> countries, Optional<YamlDocument> vocabulary,
    List<RecordFolder> records, List<Problem> problems, Optional<YamlDocument> publishers) {

  /** Content without a publishers file. */
  public LoadedContent(Path root, Optional<YamlDocument> site, Optional<YamlDocument> countries,
      Optional<YamlDocument> vocabulary, List<RecordFolder> records, List<Problem> problems) {
    this(root, site, countries, vocabulary, records, problems, Optional.empty());
  }
}
