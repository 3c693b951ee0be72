package org.briefing.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Record folders that a build reusing the last one need not read: the folder and each of its files
 * have the size and time they had when the last build read them without a problem, so they hold the
 * same bytes, and the record is what the last build's memory says (its YAML, where each body
 * starts, its hash). Four lookups of a folder's and its files' times replace listing the folder and
 * opening, reading and checking three files: at 10,000 records, most of the time loading took.
 *
 * <p>A time is trusted only when it was already {@link #SETTLED_NANOS} old when looked at, as Git
 * trusts its index: a file system's clock ticks coarsely, so a file saved again within the tick it
 * was read in could keep its time. A file that keeps its size and has its time set back by hand is
 * not seen to change; anything that saves it (an editor, {@code git checkout}) gives it a new time.
 * A fresh clone gives every file a new time, so there the first build reads them all.
 */
final class UnchangedRecords {

  /** How old a time must be when looked at to be trusted. */
  static final long SETTLED_NANOS = TimeUnit.SECONDS.toNanos(2);

  private UnchangedRecords() {}

  /**
   * The record in {@code folder} as the last build read it, when the folder and its files are as
   * they were then; else empty, and the folder is read.
   */
  static Optional<RecordFolder> take(
      ParsedYaml yaml, TextFiles.Folders root, Path folder, Set<String> ids) {
    Optional<ParsedYaml.Seen> remembered = yaml.seen(folder);
    if (remembered.isEmpty()) {
      return Optional.empty();
    }
    ParsedYaml.Seen seen = remembered.get();
    try {
      BasicFileAttributes dir = attributes(folder);
      if (!dir.isDirectory()
          || nanos(dir.lastModifiedTime()) != seen.folderTime()
          || !root.real(folder).startsWith(root.root())) {
        return Optional.empty();
      }
      for (int i = 0; i < seen.names().size(); i++) {
        BasicFileAttributes file = attributes(folder.resolve(seen.names().get(i)));
        if (!file.isRegularFile()
            || file.size() != seen.sizes()[i]
            || nanos(file.lastModifiedTime()) != seen.times()[i]) {
          return Optional.empty();
        }
      }
    } catch (IOException e) {
      return Optional.empty(); // gone, or unreadable: reading it says which
    }
    // A record found valid as it is needs no YAML, nor does the next build, which takes it the same
    // way or, after a change to the program or a shared file, renders everything again anyway:
    // the texts are forgotten, which leaves the memory a third of the size, and its reading and
    // collecting as much shorter.
    Optional<byte[]> validated = yaml.validated().take(folder, seen.hash(), ids);
    boolean decode = validated.isEmpty();
    Optional<YamlDocument> facts = Optional.empty();
    boolean sawFacts = false;
    Map<String, MarkdownFile> texts = new TreeMap<>();
    for (int i = 0; i < seen.names().size(); i++) {
      String name = seen.names().get(i);
      Path file = folder.resolve(name);
      if (name.equals(ContentLoader.FACTS)) {
        if (decode) {
          Optional<YamlNode> node = yaml.remembered(file, 0);
          if (node.isEmpty()) {
            return Optional.empty();
          }
          facts = Optional.of(new YamlDocument(file, node.get()));
        }
        sawFacts = true;
      } else {
        Optional<ParsedYaml.Whole> whole = yaml.whole(file);
        Optional<YamlNode> front =
            decode ? yaml.remembered(file, FrontMatter.LINE_OFFSET) : Optional.empty();
        if (whole.isEmpty()
            || (decode && front.isEmpty())
            || whole.get().length() != seen.sizes()[i]) {
          return Optional.empty(); // a memory older than the folder's: read it
        }
        ParsedYaml.Whole w = whole.get();
        yaml.keepWhole(w);
        MarkdownFile.OnDisk body =
            new MarkdownFile.OnDisk(file, w.length(), w.checksum(), w.bodyChars());
        texts.put(name.substring(0, 2), new MarkdownFile(file, front, body));
      }
    }
    if (!sawFacts) {
      return Optional.empty();
    }
    yaml.saw(seen);
    return Optional.of(
        new RecordFolder(
            folder.getFileName().toString(),
            folder,
            facts,
            Map.copyOf(texts),
            seen.hash(),
            validated));
  }

  /**
   * Looks at {@code folder}'s time now, before it is listed and its files read, when {@code yaml}
   * remembers for the next build; a reader that does not (the preview's, {@code check}'s) looks at
   * the files only as reading them needs.
   */
  static Look look(ParsedYaml yaml, Path folder) {
    return new Look(folder, yaml.remembering());
  }

  /**
   * A folder's and its files' sizes and times, each looked at before it was read, so that a change
   * made while the build reads them shows as a time the next build does not find.
   */
  static final class Look {
    private final Path folder;
    private final long settled;
    private long folderTime;
    private boolean trusted;
    private final List<String> names = new ArrayList<>();
    private final List<Long> sizes = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();

    private Look(Path folder, boolean remembering) {
      this.folder = folder;
      Instant now = Instant.now();
      settled = now.getEpochSecond() * 1_000_000_000L + now.getNano() - SETTLED_NANOS;
      if (!remembering) {
        return; // never trusted: nothing is kept
      }
      try {
        BasicFileAttributes dir = attributes(folder);
        folderTime = nanos(dir.lastModifiedTime());
        trusted = dir.isDirectory() && folderTime < settled;
      } catch (IOException e) {
        trusted = false;
      }
    }

    /**
     * Notes {@code file}'s size and time, before it is read, and gives its attributes for the
     * reading (not following links); empty when they could not be read, which reading reports.
     */
    Optional<BasicFileAttributes> file(Path file) {
      try {
        BasicFileAttributes attributes = attributes(file);
        long time = nanos(attributes.lastModifiedTime());
        trusted &= attributes.isRegularFile() && time < settled;
        names.add(file.getFileName().toString());
        sizes.add(attributes.size());
        times.add(time);
        return Optional.of(attributes);
      } catch (IOException e) {
        trusted = false;
        return Optional.empty();
      }
    }

    /** How the folder was seen, with the record's {@code hash}, if every time can be trusted. */
    Optional<ParsedYaml.Seen> seen(String hash) {
      if (!trusted) {
        return Optional.empty();
      }
      long[] s = new long[sizes.size()];
      long[] t = new long[times.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = sizes.get(i);
        t[i] = times.get(i);
      }
      return Optional.of(
          new ParsedYaml.Seen(folder.toString(), folderTime, List.copyOf(names), s, t, hash));
    }
  }

  private static BasicFileAttributes attributes(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }
}
