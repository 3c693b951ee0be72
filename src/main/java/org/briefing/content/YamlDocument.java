package org.briefing.content;

import java.nio.file.Path;

/** A parsed YAML file: its path and its root value. */
public record YamlDocument(Path file, YamlNode root) {}
