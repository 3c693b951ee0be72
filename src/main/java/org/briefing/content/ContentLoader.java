package org.briefing.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a content folder (DESIGN §1) into {@link LoadedContent}: the three shared YAML files and
 * one {@link RecordFolder} per engagement. Reading problems (missing files, bad UTF-8, YAML syntax)
 * are collected, never thrown, so the editor sees every one in a single run.
 */
public final class ContentLoader {

  static final String SITE = "site.yaml";
  static final String COUNTRIES = "countries.yaml";
  static final String VOCABULARY = "vocabulary.yaml";
  static final String ACTORS = "actors.yaml";
  static final String PUBLISHERS = "publishers.yaml";
  static final String BRIEFS = "briefs";

  /** Every content file or folder outside the records; a change to one can change any page. */
  public static final List<String> SHARED_FILES =
      List.of(SITE, COUNTRIES, VOCABULARY, ACTORS, PUBLISHERS, BRIEFS);

  static final String ENGAGEMENTS = "engagements";
  static final String FACTS = "engagement.yaml";
  static final List<String> LANGUAGE_FILES = List.of("ar.md", "en.md");

  private final ParsedYaml yaml;

  /** How many language files were read from their front matter alone (see {@link #text}). */
  private final AtomicInteger fromFrontMatter = new AtomicInteger();

  /** A loader that parses every file. */
  public ContentLoader() {
    this(ParsedYaml.none());
  }

  /** A loader that takes YAML text already read from {@code yaml}, parsing only the rest. */
  public ContentLoader(ParsedYaml yaml) {
    this.yaml = yaml;
  }

  public LoadedContent load(Path root) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      problems.add(
          Problem.inFile(
              root,
              "content folder not found; run from the repository's top"
                  + " folder or pass --content DIR"));
      return new LoadedContent(
          root,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          problems,
          Optional.empty());
    }
    TextFiles.Hash shared = new TextFiles.Hash();
    Optional<YamlDocument> site = readRequiredYaml(root, root.resolve(SITE), shared, problems);
    Optional<YamlDocument> countries =
        readRequiredYaml(root, root.resolve(COUNTRIES), shared, problems);
    Optional<YamlDocument> vocabulary =
        readRequiredYaml(root, root.resolve(VOCABULARY), shared, problems);
    Path actorsFile = root.resolve(ACTORS);
    Optional<YamlDocument> actors =
        Files.exists(actorsFile) ? readYaml(root, actorsFile, shared, problems) : Optional.empty();
    Path publishersFile = root.resolve(PUBLISHERS);
    Optional<YamlDocument> publishers =
        Files.exists(publishersFile)
            ? readYaml(root, publishersFile, shared, problems)
            : Optional.empty();
    // Records are checked against these files: the records the last build found valid hold only
    // if it read the very same text.
    yaml.validated().sharedFilesRead(shared.hex());
    List<RecordFolder> records = readRecords(root, problems);
    Map<String, Map<String, MarkdownFile>> briefs = BriefFolders.read(root, yaml, problems);
    return new LoadedContent(
        root, site, countries, vocabulary, actors, records, problems, publishers, briefs);
  }

  /**
   * {@code previous} with the record folders named in {@code ids} read again from disk; every other
   * folder is the very object it was, so later stages can tell it has not changed. The folders must
   * exist, as they did in {@code previous}: a record added or removed needs {@link #load}. Problems
   * are those of the folders read again.
   */
  public LoadedContent reload(LoadedContent previous, Set<String> ids) {
    Path root = previous.root();
    List<Problem> problems = new ArrayList<>();
    List<RecordFolder> records =
        previous.records().stream()
            .map(
                folder ->
                    ids.contains(folder.id())
                        ? readRecord(new TextFiles.Folders(root), folder.dir(), Set.of(), problems)
                        : folder)
            .toList();
    return new LoadedContent(
        root,
        previous.site(),
        previous.countries(),
        previous.vocabulary(),
        previous.actors(),
        records,
        problems,
        previous.publishers(),
        previous.briefs());
  }

  private Optional<YamlDocument> readRequiredYaml(
      Path root, Path file, TextFiles.Hash shared, List<Problem> problems) {
    if (!Files.exists(file)) {
      problems.add(
          Problem.inFile(file, "is missing; every content folder needs " + file.getFileName()));
      return Optional.empty();
    }
    return required(file, readYaml(root, file, shared, problems), problems);
  }

  /**
   * A file that must hold keys but held none, and was not reported (only comments or blank lines,
   * say), is reported: left silent, its record would vanish from the site without a word.
   */
  private static Optional<YamlDocument> required(
      Path file, Optional<YamlDocument> read, List<Problem> problems) {
    if (read.isEmpty() && problems.stream().noneMatch(p -> file.equals(p.file()))) {
      problems.add(
          Problem.inFile(
              file,
              "holds no `key: value` lines, only comments or blank lines;"
                  + " see CONTRIBUTING.md for what it holds"));
    }
    return read;
  }

  /** A shared file, its name and text added to {@code shared}. */
  private Optional<YamlDocument> readYaml(
      Path root, Path file, TextFiles.Hash shared, List<Problem> problems) {
    Optional<String> text = TextFiles.read(root, file, problems);
    text.ifPresent(
        read -> {
          shared.label(file.getFileName().toString());
          shared.update(read.getBytes(StandardCharsets.UTF_8));
        });
    return text.flatMap(read -> yaml(file, read, problems));
  }

  /** The YAML document {@code text} holds; an empty file is reported. */
  private Optional<YamlDocument> yaml(Path file, String text, List<Problem> problems) {
    Optional<YamlNode> node = yaml.read(file, text, 0, problems);
    if (node.isEmpty() && text.isBlank()) {
      problems.add(Problem.inFile(file, "is empty; see CONTRIBUTING.md for what it holds"));
    }
    return node.map(read -> new YamlDocument(file, read));
  }

  /**
   * The threads that read record folders, or look at their files' sizes and times when the last
   * build read them: more than a small machine's cores, as a record read from a disk that has not
   * cached it is mostly waiting for the disk, which serves several reads at once. Reading 10,000
   * records' 30,000 files from such a disk (cat) took 2.25 s two at a time and 1.41 s eight at a
   * time; sixteen took no less. One record added to 10,000, in the order the disk keeps them
   * ({@link DiskOrder}): 4.68 s against 5.18 s on the common pool's two threads from a cold cache
   * (medians of 5 pairs in turn), and no slower from a warm one (2.13 s against 2.30 s, 5 pairs).
   */
  static final int READERS = Math.max(8, Runtime.getRuntime().availableProcessors());

  private List<RecordFolder> readRecords(Path root, List<Problem> problems) {
    Path dir = root.resolve(ENGAGEMENTS);
    if (!Files.isDirectory(dir)) {
      problems.add(Problem.inFile(dir, "folder is missing; records live in " + dir + "/<id>/"));
      return List.of();
    }
    List<Path> folders = new ArrayList<>();
    Map<Path, Long> places = new HashMap<>();
    try (Stream<Path> children = Files.list(dir)) {
      children
          .sorted()
          .forEach(
              child -> {
                Optional<Long> place = DiskOrder.folder(child);
                if (place.isPresent()) {
                  folders.add(child);
                  places.put(child, place.get());
                } else if (!child.getFileName().toString().startsWith(".")) {
                  problems.add(
                      Problem.inFile(
                          child,
                          "is not a record folder; each record is a folder"
                              + " engagements/<id>/ holding engagement.yaml, ar.md and en.md"));
                }
              });
    } catch (IOException e) {
      problems.add(Problem.inFile(dir, "could not be listed: " + e.getMessage()));
      return List.of();
    }
    // Records are independent: read them in parallel, in the order the disk keeps them
    // (DiskOrder); the result keeps the folders' order.
    TextFiles.Folders real = new TextFiles.Folders(root);
    Set<String> ids = new HashSet<>();
    for (Path folder : folders) {
      ids.add(folder.getFileName().toString());
      try {
        real.seenAsFolder(folder);
      } catch (IOException e) {
        // looked at again when its files are read, and reported then
      }
    }
    ForkJoinPool readers = new ForkJoinPool(Math.max(1, Math.min(READERS, folders.size())));
    try {
      return readers
          .submit(
              () ->
                  DiskOrder.each(
                      folders, places, folder -> readRecord(real, folder, ids, problems)))
          .join();
    } finally {
      readers.shutdown();
    }
  }

  /** One record folder; {@code ids} are every folder's name, which its related records must be. */
  private RecordFolder readRecord(
      TextFiles.Folders root, Path folder, Set<String> ids, List<Problem> sharedProblems) {
    Optional<RecordFolder> unread = UnchangedRecords.take(yaml, root, folder, ids);
    if (unread.isPresent()) {
      yaml.tookUnread();
      return unread.get();
    }
    UnchangedRecords.Look look = UnchangedRecords.look(yaml, folder); // before anything is read
    List<Problem> problems = new ArrayList<>();
    Optional<YamlDocument> facts = Optional.empty();
    Map<String, MarkdownFile> texts = new TreeMap<>();
    boolean sawFacts = false;
    String id = folder.getFileName().toString();
    TextFiles.Hash hash = new TextFiles.Hash();
    hash.label(id);
    try {
      for (Path file : TextFiles.entries(folder)) {
        String name = file.getFileName().toString();
        if (name.equals(FACTS) || LANGUAGE_FILES.contains(name)) {
          Optional<byte[]> bytes = TextFiles.bytes(root, file, look.file(file), problems);
          bytes.ifPresent(
              read -> {
                hash.label(name + " " + read.length);
                hash.update(read);
              });
          if (name.equals(FACTS)) {
            Optional<String> text = bytes.flatMap(read -> TextFiles.decode(file, read, problems));
            sawFacts = true;
            facts = required(file, text.flatMap(read -> yaml(file, read, problems)), problems);
          } else if (bytes.isPresent()) {
            String lang = name.substring(0, 2);
            text(file, bytes.get(), problems).ifPresent(read -> texts.put(lang, read));
          }
        } else if (!name.startsWith(".")) {
          problems.add(
              Problem.inFile(
                  file,
                  "is not part of a record; a record folder holds only "
                      + FACTS
                      + ", ar.md and en.md"
                      + suggestion(name)));
        }
      }
    } catch (IOException e) {
      problems.add(Problem.inFile(folder, "could not be listed: " + e.getMessage()));
    }
    if (!sawFacts) {
      problems.add(
          Problem.inFile(
              folder.resolve(FACTS),
              "is missing; every record needs its facts" + " file (run `new` to scaffold one)"));
    }
    if (problems.isEmpty()) {
      look.seen(hash.hex()).ifPresent(yaml::saw);
    }
    synchronized (sharedProblems) {
      sharedProblems.addAll(problems);
    }
    return new RecordFolder(id, folder, facts, Map.copyOf(texts), hash.hex());
  }

  /**
   * A record's language file, or empty after adding a problem. The body of one that the last build
   * read too is left on disk (see {@link MarkdownFile.OnDisk}): a build that reuses the last one
   * renders few of those pages. Of a file whose very bytes the last build read whole without a
   * problem, only the front matter is decoded: decoding 10,000 records' bodies was a fifth of
   * loading them.
   */
  private Optional<MarkdownFile> text(Path file, byte[] bytes, List<Problem> problems) {
    long checksum = MarkdownFile.OnDisk.checksum(bytes);
    OptionalInt known = yaml.bodyStart(file, bytes.length, checksum);
    if (known.isPresent() && known.getAsInt() <= bytes.length) {
      List<Problem> none = new ArrayList<>(); // none for these bytes last time, so none now
      Optional<String> head = TextFiles.decode(file, Arrays.copyOf(bytes, known.getAsInt()), none);
      MarkdownFile read = head.map(text -> FrontMatter.split(file, text, yaml, none)).orElse(null);
      if (read != null
          && none.isEmpty()
          && read.frontMatter().isPresent()
          && read.body().text().isEmpty()) {
        yaml.readWhole(file, bytes.length, checksum, known.getAsInt(), head.get().length());
        fromFrontMatter.incrementAndGet();
        return Optional.of(
            new MarkdownFile(
                file,
                read.frontMatter(),
                new MarkdownFile.OnDisk(file, bytes.length, checksum, head.get().length())));
      }
    }
    Optional<String> text = TextFiles.decode(file, bytes, problems);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    int before = problems.size();
    MarkdownFile read = FrontMatter.split(file, text.get(), yaml, problems);
    if (read.frontMatter().isEmpty()) {
      return Optional.of(read);
    }
    int offset = text.get().length() - read.body().text().length(); // the body ends the text
    if (problems.size() == before && !TextFiles.hasCarriageReturn(bytes)) {
      // Without carriage returns, the text is the bytes decoded as they are, after a mark.
      int mark = TextFiles.hasByteOrderMark(bytes) ? 3 : 0;
      int start = mark + text.get().substring(0, offset).getBytes(StandardCharsets.UTF_8).length;
      yaml.readWhole(file, bytes.length, checksum, start, offset);
    }
    if (!yaml.remembers(file, FrontMatter.LINE_OFFSET)) {
      return Optional.of(read);
    }
    return Optional.of(
        new MarkdownFile(
            file,
            read.frontMatter(),
            new MarkdownFile.OnDisk(file, bytes.length, checksum, offset)));
  }

  /** How many language files this loader read from their front matter alone. */
  int readFromFrontMatter() {
    return fromFrontMatter.get();
  }

  private static String suggestion(String name) {
    for (String known : List.of(FACTS, "ar.md", "en.md")) {
      if (Suggestions.close(name, known)) {
        return " (did you mean " + known + "?)";
      }
    }
    return "";
  }
}
