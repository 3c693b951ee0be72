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
 */
public record RecordFolder(
    String id,
    Path dir,
    Optional<YamlDocument> facts,
    Map<String, MarkdownFile> texts,
    String hash) {}
