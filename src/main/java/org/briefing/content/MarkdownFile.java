package org.briefing.content;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A record's text file: its front matter and its Markdown body.
 *
 * @param frontMatter the YAML between the {@code ---} fences, when it could be read
 * @param body the Markdown after the closing fence
 */
public record MarkdownFile(Path file, Optional<YamlNode> frontMatter, String body) {}
