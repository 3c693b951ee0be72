package org.briefing.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;
import org.briefing.model.Translation;

/**
 * A record's text file: its front matter and its Markdown body.
 *
 * @param frontMatter the YAML between the {@code ---} fences, when it could be read
 * @param body the Markdown after the closing fence
 */
public record MarkdownFile(Path file, Optional<YamlNode> frontMatter, Translation.Body body) {

  public MarkdownFile(Path file, Optional<YamlNode> frontMatter, String body) {
    this(file, frontMatter, Translation.Body.of(body));
  }

  /**
   * A body left in its file, read again when a page needs it. The file must still hold the bytes
   * read when the content was loaded (same length and checksum): a file saved again in between
   * fails the build rather than publish a page whose body is newer than its facts and the build's
   * record of them.
   *
   * @param offset where the body starts in the file's text, as {@link TextFiles#read} returns it
   */
  record OnDisk(Path file, int length, long checksum, int offset) implements Translation.Body {

    @Override
    public String text() {
      try {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
          bytes = in.readNBytes(length + 1);
        }
        if (bytes.length != length || checksum(bytes) != checksum) {
          throw new IOException(
              file + " changed while the site was being built; build again to publish it");
        }
        List<Problem> problems = new ArrayList<>();
        return TextFiles.decode(file, bytes, problems)
            .orElseThrow(() -> new IOException(file + " could not be read again"))
            .substring(offset);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static long checksum(byte[] bytes) {
      CRC32C crc = new CRC32C();
      crc.update(bytes);
      return crc.getValue();
    }
  }
}
