package org.briefing.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.briefing.content.LoadedContent;
import org.briefing.content.Position;
import org.briefing.content.Problem;
import org.briefing.content.RecordFolder;
import org.briefing.content.ValidatedRecords;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.PublisherName;
import org.briefing.model.Site;
import org.briefing.model.SiteConfig;

/**
 * Turns loaded content into a {@link Site}, checking every rule of the content contract and
 * collecting every problem. Never stops at the first: an editor fixes a pull request in one go.
 */
public final class Validator {

  /**
   * @param strict a missing translation is an error rather than a pending translation
   * @param drafts records marked {@code draft: true} are published too
   */
  public record Options(boolean strict, boolean drafts) {}

  /** The site when there were no problems; otherwise the problems, in file order. */
  public record Result(Optional<Site> site, List<Problem> problems) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * The records a validation read, by the folder object they were read from. The preview keeps it
   * between rebuilds: a folder that is the same object as last time (see {@link
   * org.briefing.content.ContentLoader#reload}) was valid then and has not changed, so its record
   * is taken as it was instead of being read again. Valid only while the shared files and the set
   * of record ids stay the same.
   */
  public static final class Memo {
    private Map<RecordFolder, Engagement> records = new IdentityHashMap<>();
  }

  public Result validate(LoadedContent content, Options options) {
    return validate(content, options, new Memo());
  }

  /**
   * As {@link #validate(LoadedContent, Options)}, taking the records of folders the loader found
   * {@link RecordFolder#validated} as they were, and keeping every record found valid in {@code
   * kept} for the next build.
   */
  public Result validate(LoadedContent content, Options options, ValidatedRecords kept) {
    return validate(content, options, new Memo(), kept);
  }

  /** One record as read, and what was wrong with it. */
  private record Read(Optional<Engagement> record, List<Problem> problems) {}

  /** As {@link #validate(LoadedContent, Options)}, reusing and then updating {@code memo}. */
  public Result validate(LoadedContent content, Options options, Memo memo) {
    return validate(content, options, memo, ValidatedRecords.none());
  }

  private Result validate(
      LoadedContent content, Options options, Memo memo, ValidatedRecords kept) {
    List<Problem> problems = new ArrayList<>(content.problems());
    SharedFilesReader shared = new SharedFilesReader(problems);
    Optional<SiteConfig> config = content.site().flatMap(shared::site);
    List<Country> countries = content.countries().map(shared::countries).orElse(List.of());
    SharedFilesReader.Vocabulary vocabulary =
        content
            .vocabulary()
            .map(shared::vocabulary)
            .orElse(new SharedFilesReader.Vocabulary(List.of(), List.of()));
    List<Actor> actors =
        content
            .actors()
            .map(doc -> new ActorsReader(problems).actors(doc, countries))
            .orElse(List.of());

    Map<String, PublisherName> publishers =
        content.publishers().map(new PublishersReader(problems)::read).orElse(Map.of());
    Set<String> ids = content.records().stream().map(RecordFolder::id).collect(Collectors.toSet());
    RecordReader reader =
        new RecordReader(
            countries, vocabulary.types(), vocabulary.topics(), actors, ids, publishers, problems);
    List<Engagement> all = new ArrayList<>();
    Map<RecordFolder, Engagement> read = new IdentityHashMap<>();
    Map<RecordFolder, Engagement> known = memo.records;
    KeptRecords form = reader.kept();
    List<Read> reads =
        content.records().parallelStream()
            .map(
                folder -> {
                  Engagement earlier = known.get(folder);
                  if (earlier != null) {
                    return new Read(Optional.of(earlier), List.of());
                  }
                  if (folder.validated().isPresent()) {
                    return new Read(Optional.of(form.decode(folder)), List.of());
                  }
                  List<Problem> own = new ArrayList<>();
                  Optional<Engagement> record = reader.reportingTo(own).read(folder);
                  if (own.isEmpty()) {
                    record.ifPresent(e -> kept.keep(folder, e.related(), form.encode(e)));
                  }
                  return new Read(record, own);
                })
            .toList();
    for (int i = 0; i < reads.size(); i++) {
      RecordFolder folder = content.records().get(i);
      Optional<Engagement> record = reads.get(i).record();
      problems.addAll(reads.get(i).problems());
      record.ifPresent(
          e -> {
            all.add(e);
            read.put(folder, e);
          });
      if (options.strict()) {
        for (Lang lang : Lang.values()) {
          if (!folder.texts().containsKey(lang.code())) {
            problems.add(
                Problem.inFile(
                    folder.dir().resolve(lang.code() + ".md"),
                    "is missing;"
                        + " check --strict requires both languages (write the translation, or build"
                        + " without --strict to publish it as pending)"));
          }
        }
      }
    }

    checkAliases(content, read, ids, reader, problems);

    List<Engagement> published =
        all.stream()
            .filter(e -> options.drafts() || !e.draft())
            .sorted(org.briefing.archive.Archive.CHRONOLOGICAL)
            .toList();
    Map<String, Map<Lang, org.briefing.model.Translation>> briefIntros =
        new BriefsReader(problems).read(content.briefs(), published);
    problems.sort(
        java.util.Comparator.comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column));
    if (!problems.isEmpty() || config.isEmpty()) {
      return new Result(Optional.empty(), List.copyOf(problems));
    }
    memo.records = read; // only records of a valid site are worth keeping
    return new Result(
        Optional.of(
            new Site(
                config.get(),
                countries,
                vocabulary.types(),
                vocabulary.topics(),
                actors,
                published,
                briefIntros)),
        List.of());
  }

  /**
   * An alias is an old address that must lead to one record: it may be neither a record's id nor
   * another record's alias. Each problem names both files.
   */
  private static void checkAliases(
      LoadedContent content,
      Map<RecordFolder, Engagement> read,
      Set<String> ids,
      RecordReader reader,
      List<Problem> problems) {
    Map<String, RecordFolder> owners = new java.util.HashMap<>();
    for (RecordFolder folder : content.records()) {
      Engagement e = read.get(folder);
      if (e == null) {
        continue;
      }
      Path facts = folder.dir().resolve("engagement.yaml");
      for (String alias : e.aliases()) {
        Position at = reader.aliasPosition(e.id(), alias).orElse(Position.startOf(facts));
        RecordFolder other = owners.putIfAbsent(alias, folder);
        if (ids.contains(alias)) {
          Path taken =
              content.records().stream()
                  .filter(r -> r.id().equals(alias))
                  .map(RecordFolder::dir)
                  .findFirst()
                  .orElseThrow();
          problems.add(
              Problem.at(
                  at,
                  "alias \""
                      + alias
                      + "\" is the id of the record in "
                      + taken
                      + "/; an old address cannot also be a current one: remove the alias, or"
                      + " rename or remove that record"));
        } else if (other != null) {
          problems.add(
              Problem.at(
                  at,
                  "alias \""
                      + alias
                      + "\" is also an alias in "
                      + other.dir().resolve("engagement.yaml")
                      + "; an old address can lead to one"
                      + " record only: remove it from one of the two"));
        }
      }
    }
  }
}
