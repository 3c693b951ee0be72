package org.briefing.content;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One folder under {@code engagements/}, as read from disk.
 *
 * @param id the folder's name, which is the record's id
 * @param facts {@code engagement.yaml}, when present and readable
 * @param texts the language files present, by language code ({@code ar}, {@code en})
 * @param hash a checksum of the folder's id and of the names and bytes of the files read from it,
 *     which changes when any of them does
 * @param validated the record as the last build found it valid, encoded by the validator, when it
 *     still holds ({@link ValidatedRecords}); its YAML is then left undecoded: {@code facts} is
 *     empty, and so is each text's front matter
 */
public record RecordFolder(
    String id,
    Path dir,
    Optional<YamlDocument> facts,
    Map<String, MarkdownFile> texts,
    String hash,
    Optional<byte[]> validated) {

  /** A folder read from its files. */
  public RecordFolder(
      String id,
      Path dir,
      Optional<YamlDocument> facts,
      Map<String, MarkdownFile> texts,
      String hash) {
    this(id, dir, facts, texts, hash, Optional.empty());
  }
}
