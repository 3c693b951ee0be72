package org.briefing.outputs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.briefing.archive.Archive;
import org.briefing.files.PlannedFile;
import org.briefing.i18n.Strings;
import org.briefing.model.Actor;
import org.briefing.model.Correction;
import org.briefing.model.Country;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Localized;
import org.briefing.model.PartialDate;
import org.briefing.model.Site;
import org.briefing.model.SiteConfig;
import org.briefing.model.Source;
import org.briefing.model.Status;
import org.briefing.model.Term;
import org.briefing.model.Translation;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Records built in memory by a test, and the files the outputs make of them, without building a
 * site: each test of the feeds, sitemap and exports runs in milliseconds, so the mutation run
 * (README, "Mutation testing") can rerun them against every planted bug.
 */
final class HandBuiltArchive {

  static final String BASE = "https://example.org/briefing/";
  static final Strings STRINGS = Strings.load(Path.of("templates", "strings.yaml"));

  static final Country QA = new Country("QA", new Localized("Qatar", "قطر"));
  static final Country SY = new Country("SY", new Localized("Syria", "سوريا"));
  static final Country TR = new Country("TR", new Localized("Turkey", "تركيا"));
  static final Term VISIT = new Term("visit", new Localized("Visit", "زيارة"));
  static final Term AGREEMENT = new Term("agreement", new Localized("Agreement", "اتفاقية"));
  static final Term TRAINING = new Term("training", new Localized("Training", "التدريب"));

  private HandBuiltArchive() {}

  /** A record builder: confirmed, one source, English text unless told otherwise. */
  static final class Rec {
    final String id;
    PartialDate date;
    Optional<PartialDate> end = Optional.empty();
    Term type = VISIT;
    List<Country> countries = List.of(QA);
    List<Actor> actors = List.of();
    List<Term> topics = List.of();
    List<Source> sources =
        List.of(new Source("Example News", "A report", Optional.empty(), Optional.empty(), "en"));
    List<String> related = List.of();
    List<Correction> corrections = new ArrayList<>();
    Map<Lang, Translation> texts = new LinkedHashMap<>();

    Rec(String id, String date) {
      this.id = id;
      this.date = PartialDate.parse(date);
      texts.put(Lang.EN, new Translation(Lang.EN, "Title " + id, "Summary " + id, "Body."));
    }

    Rec countries(Country... c) {
      countries = List.of(c);
      return this;
    }

    Rec type(Term t) {
      type = t;
      return this;
    }

    Rec arabic(String title, String summary) {
      texts.put(Lang.AR, new Translation(Lang.AR, title, summary, "نص."));
      return this;
    }

    Rec english(String title, String summary) {
      texts.put(Lang.EN, new Translation(Lang.EN, title, summary, "Body."));
      return this;
    }

    Rec onlyArabic(String title, String summary) {
      texts.clear();
      return arabic(title, summary);
    }

    /** Corrections are given newest first, as records keep them. */
    Rec correction(String date, String en, String ar) {
      corrections.add(new Correction(PartialDate.parse(date), new Localized(en, ar)));
      return this;
    }

    Engagement build() {
      return new Engagement(
          id,
          date,
          end,
          type,
          countries,
          actors,
          topics,
          Status.CONFIRMED,
          sources,
          related,
          List.copyOf(corrections),
          false,
          Map.copyOf(texts));
    }
  }

  static Rec rec(String id, String date) {
    return new Rec(id, date);
  }

  /** An archive of {@code records} (given oldest first, as the site model keeps them). */
  static Archive archive(String tagline, List<Actor> actors, Rec... records) {
    SiteConfig config =
        new SiteConfig(
            BASE, new Localized("Briefing", "موجز"), new Localized(tagline, tagline), false);
    List<Engagement> engagements = new ArrayList<>();
    for (Rec r : records) {
      engagements.add(r.build());
    }
    return new Archive(
        new Site(
            config,
            List.of(QA, SY, TR),
            List.of(AGREEMENT, VISIT),
            List.of(TRAINING),
            actors,
            engagements));
  }

  static Archive archive(Rec... records) {
    return archive("", List.of(), records);
  }

  /** Every planned file made into text, by path in plan order. */
  static Map<String, String> make(List<PlannedFile> files) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (PlannedFile f : files) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      f.body().writeTo(bytes);
      out.put(f.path(), bytes.toString(StandardCharsets.UTF_8));
    }
    return out;
  }

  /** XML as a feed reader or a search engine parses it: namespaces on, no outside entities. */
  static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }
}
