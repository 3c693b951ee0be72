package org.briefing.files;

/**
 * One file of the generated site, rendered but not yet written.
 *
 * @param path where it goes, relative to the output folder, with {@code /} separators
 */
public record OutputFile(String path, byte[] content) {}
