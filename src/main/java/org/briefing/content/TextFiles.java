package org.briefing.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Reads content files as strict UTF-8 text, within a size limit, and only when they are regular
 * files inside the content folder: records come from pull requests, and a symbolic link in one
 * could otherwise publish any file the build machine can read.
 */
public final class TextFiles {

  /**
   * Far above any real record (the largest seed file is 3 KB); a bigger file is a mistake (a pasted
   * PDF, a binary). The slowest Markdown body this size can hold renders in a few seconds (see the
   * security tests).
   */
  public static final long MAX_BYTES = 512 * 1024;

  private TextFiles() {}

  /**
   * Returns the text with a leading byte-order mark removed and CRLF line ends made LF, or empty
   * after adding a problem. {@code root} is the content folder: a file whose real location is
   * outside it (through a symbolic link) is refused, and so is anything that is not a regular file
   * (a folder, a named pipe, a device).
   */
  static Optional<String> read(Path root, Path file, List<Problem> problems) {
    return bytes(root, file, problems).flatMap(bytes -> decode(file, bytes, problems));
  }

  /**
   * The file's bytes, as {@link #read} takes them, or empty after adding a problem: refused as
   * {@link #read} refuses.
   */
  static Optional<byte[]> bytes(Path root, Path file, List<Problem> problems) {
    return bytes(new Folders(root), file, problems);
  }

  /** As {@link #bytes(Path, Path, List)}, with the real places of folders found once. */
  static Optional<byte[]> bytes(Folders folders, Path file, List<Problem> problems) {
    return bytes(folders, file, Optional.empty(), problems);
  }

  /**
   * As {@link #bytes(Folders, Path, List)}, with the file's attributes, not following links, when
   * they were just read: each file is looked at once.
   */
  static Optional<byte[]> bytes(
      Folders folders, Path file, Optional<BasicFileAttributes> known, List<Problem> problems) {
    try {
      BasicFileAttributes attributes =
          known.isPresent()
              ? known.get()
              : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      Path real =
          attributes.isSymbolicLink() || file.getParent() == null
              ? file.toRealPath()
              : folders.real(file.getParent()).resolve(file.getFileName());
      if (!real.startsWith(folders.root())) {
        problems.add(
            Problem.inFile(
                file,
                "is a link to a file outside the content folder;"
                    + " replace the link with the file itself"));
        return Optional.empty();
      }
      if (attributes.isSymbolicLink() ? !Files.isRegularFile(real) : !attributes.isRegularFile()) {
        problems.add(
            Problem.inFile(
                file, "is not a regular file; content files are plain" + " UTF-8 text files"));
        return Optional.empty();
      }
      // Read the checked path, never the link again, and never more than the limit allows.
      byte[] bytes;
      try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ)) {
        bytes = readAll(channel, attributes.isSymbolicLink() ? -1 : attributes.size());
      }
      if (bytes.length > MAX_BYTES) {
        long size = Math.max(Files.size(real), bytes.length);
        problems.add(
            Problem.inFile(
                file,
                "is "
                    + size / 1024
                    + " KiB; content files are"
                    + " limited to "
                    + MAX_BYTES / 1024
                    + " KiB, so shorten it or split the record"));
        return Optional.empty();
      }
      return Optional.of(bytes);
    } catch (IOException e) {
      problems.add(Problem.inFile(file, "could not be read: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /**
   * The bytes of {@code channel}, at most one more than the limit. A file that gives in one read
   * the {@code size} it had when looked at is taken as whole, without a second read to find its
   * end: at 10,000 records those second reads were 30,000 calls to the system.
   */
  private static byte[] readAll(FileChannel channel, long size) throws IOException {
    int limit = (int) MAX_BYTES + 1;
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(limit, Math.max(size, 0) + 1));
    int first = channel.read(buffer);
    if (first == size) {
      return Arrays.copyOf(buffer.array(), first);
    }
    while (true) { // it changed since, or is read through a link: read to its end
      if (!buffer.hasRemaining()) {
        if (buffer.capacity() == limit) {
          break;
        }
        ByteBuffer larger = ByteBuffer.allocate((int) Math.min(limit, buffer.capacity() * 2L));
        larger.put(buffer.flip());
        buffer = larger;
      }
      if (channel.read(buffer) < 0) {
        break;
      }
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /**
   * The text of {@code bytes} read from {@code file}, as {@link #read} returns it, or empty after
   * adding a problem.
   */
  static Optional<String> decode(Path file, byte[] bytes, List<Problem> problems) {
    try {
      // The lenient decoder is several times faster and marks each malformed sequence with
      // U+FFFD; only text holding one (malformed, or a real U+FFFD) is decoded again strictly.
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      }
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return Optional.of(text.replace("\r\n", "\n"));
    } catch (CharacterCodingException e) {
      problems.add(
          Problem.inFile(file, "is not valid UTF-8 text; save it as UTF-8 in your editor"));
    }
    return Optional.empty();
  }

  /**
   * The entries of {@code folder}, by name. Listed the plain way, which asks the system half as
   * many times as a directory stream: at 10,000 records, 30,000 calls fewer.
   */
  static List<Path> entries(Path folder) throws IOException {
    String[] names = folder.toFile().list();
    if (names == null) {
      throw new IOException("not a readable folder");
    }
    Arrays.sort(names);
    List<Path> files = new ArrayList<>(names.length);
    for (String name : names) {
      files.add(folder.resolve(name));
    }
    return files;
  }

  /** Whether {@code bytes} start with UTF-8's byte order mark, which {@link #decode} drops. */
  static boolean hasByteOrderMark(byte[] bytes) {
    return bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf;
  }

  /** Whether {@code bytes} hold a carriage return, which {@link #decode} may drop. */
  static boolean hasCarriageReturn(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\r') {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the folders that content files are read from really are, each found once: resolving every
   * part of the path of each of 30,000 files (10,000 records) took some 200,000 lookups of links. A
   * folder that is not a link is where its parent really is, under its own name; only links are
   * resolved in full. One per load: a folder may be replaced by a link between two.
   */
  static final class Folders {
    private final Path given;
    private final Map<Path, Path> real = new ConcurrentHashMap<>();
    private volatile Path root;

    /** The folders under {@code root}, the content folder. */
    Folders(Path root) {
      this.given = root;
    }

    /** Where the content folder really is. */
    Path root() throws IOException {
      if (root == null) {
        root = given.toRealPath();
      }
      return root;
    }

    /**
     * Notes that {@code dir} was just seen, without following links, to be a folder: it is where
     * its parent really is, and need not be looked at again (10,000 record folders, 10,000 calls).
     */
    void seenAsFolder(Path dir) throws IOException {
      if (dir.getParent() != null && dir.getFileName() != null) {
        real.putIfAbsent(dir, real(dir.getParent()).resolve(dir.getFileName()));
      }
    }

    /** Where {@code dir} really is. */
    Path real(Path dir) throws IOException {
      Path known = real.get(dir);
      if (known != null) {
        return known;
      }
      Path name = dir.getFileName();
      Path found =
          dir.getParent() == null
                  || name == null
                  || name.toString().equals(".")
                  || name.toString().equals("..")
                  || Files.isSymbolicLink(dir)
              ? dir.toRealPath()
              : real(dir.getParent()).resolve(name);
      real.put(dir, found);
      return found;
    }
  }

  /**
   * Two different 32-bit checksums of the same bytes, which the JVM computes with the processor's
   * own instructions even before it optimizes anything (a cryptographic hash of the program's jar
   * and 10,000 records took a second of a build that reuses the last one). It tells a build which
   * records changed; it is no defence against bytes made to collide, which would only keep the last
   * build's pages of a record.
   */
  public static final class Hash {
    private final CRC32C first = new CRC32C();
    private final CRC32 second = new CRC32();

    public void update(byte[] bytes) {
      first.update(bytes);
      second.update(bytes);
    }

    public void update(byte b) {
      first.update(b);
      second.update(b);
    }

    /** A label: its length (up to 255 bytes counted), its UTF-8 bytes, and a zero byte. */
    public void label(String text) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      update((byte) bytes.length);
      update(bytes);
      update((byte) 0);
    }

    public String hex() {
      return HexFormat.of().toHexDigits((first.getValue() << 32) | second.getValue());
    }
  }
}
