package org.briefing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.briefing.bench.CorpusGenerator.Record;
import org.briefing.bench.CorpusGenerator.SourceSpec;
import org.briefing.bench.CorpusGenerator.Text;

/**
 * The generated records as a Hugo 0.111 site, so {@code hugo} and our build can be timed on the
 * same records. Hugo's multilingual layout is used: {@code content/en/} and {@code content/ar/},
 * one leaf bundle per record and language at {@code engagements/<id>/index.md}; taxonomies give the
 * list pages we have.
 *
 * <p>What each side renders, per language (N records, C active countries, P pairs, T types):
 *
 * <table>
 *   <tr><th>ours</th><th>Hugo</th></tr>
 *   <tr><td>{lang}/engagements/{id}/ (N)</td><td>{lang}/engagements/{id}/ (N, single.html)</td></tr>
 *   <tr><td>{lang}/timeline/ (every record by year and month)</td>
 *       <td>{lang}/engagements/ (the section, list.html, same grouping)</td></tr>
 *   <tr><td>{lang}/countries/ and {lang}/countries/{cc}/ (C)</td>
 *       <td>the {@code countries} taxonomy: terms.html and list.html (C)</td></tr>
 *   <tr><td>{lang}/pairs/{a}-{b}/ (P)</td><td>the {@code pairs} taxonomy terms (P) + its index</td></tr>
 *   <tr><td>{lang}/types/{type}/ (T)</td><td>the {@code types} taxonomy terms (T) + its index</td></tr>
 *   <tr><td>{lang}/index.html, {lang}/search/</td><td>{lang}/index.html</td></tr>
 *   <tr><td>/index.html (landing), /404.html</td><td>/index.html (Hugo's redirect to /en/)</td></tr>
 * </table>
 *
 * <p>So Hugo writes about 2 (types and pairs term indexes) + 2 fewer (search, 404) pages: within a
 * handful of pages of ours. Each engagement page shows the same facts (title, date, type, status,
 * countries, organizations, topics, body, sources, related records as cards, previous/next), every
 * list shows the same card per record (date, type, status, title, summary, countries). Not
 * reproduced in Hugo: the partners chart on country pages, the month and type charts on the home
 * page, Hijri dates, the per-country feeds, the data downloads (JSON/CSV) and the search index;
 * Hugo writes one RSS feed per language and a sitemap, and links are root-relative rather than
 * relative.
 */
final class HugoSite {

  private final List<Record> records;

  HugoSite(List<Record> records) {
    this.records = records;
  }

  void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    CorpusGenerator.write(dir.resolve("config.toml"), CONFIG);
    CorpusGenerator.write(dir.resolve("i18n/en.toml"), I18N_EN);
    CorpusGenerator.write(dir.resolve("i18n/ar.toml"), I18N_AR);
    CorpusGenerator.write(dir.resolve("layouts/_default/baseof.html"), BASEOF);
    CorpusGenerator.write(dir.resolve("layouts/_default/single.html"), SINGLE);
    CorpusGenerator.write(dir.resolve("layouts/_default/list.html"), LIST);
    CorpusGenerator.write(dir.resolve("layouts/_default/terms.html"), TERMS);
    CorpusGenerator.write(dir.resolve("layouts/index.html"), HOME);
    CorpusGenerator.write(dir.resolve("layouts/partials/card.html"), CARD);
    StringBuilder countries = new StringBuilder();
    for (String[] c : CorpusGenerator.COUNTRIES) {
      countries
          .append('"')
          .append(c[0].toLowerCase(Locale.ROOT))
          .append("\": {en: \"")
          .append(c[1])
          .append("\", ar: \"")
          .append(c[2])
          .append("\"}\n");
    }
    CorpusGenerator.write(dir.resolve("data/countries.yaml"), countries.toString());
    StringBuilder types = new StringBuilder();
    for (String[] t : CorpusGenerator.TYPES) {
      types
          .append('"')
          .append(t[0])
          .append("\": {en: \"")
          .append(t[1])
          .append("\", ar: \"")
          .append(t[2])
          .append("\"}\n");
    }
    CorpusGenerator.write(dir.resolve("data/types.yaml"), types.toString());
    CorpusGenerator.write(
        dir.resolve("static/assets/site.css"),
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:auto}\n"
            + ".card{margin-block:1rem}\n");
    for (String lang : List.of("en", "ar")) {
      Path content = dir.resolve("content").resolve(lang);
      boolean en = lang.equals("en");
      CorpusGenerator.write(
          content.resolve("engagements/_index.md"),
          "---\ntitle: \"" + (en ? "Timeline" : "الخط الزمني") + "\"\n---\n");
      CorpusGenerator.write(
          content.resolve("countries/_index.md"),
          "---\ntitle: \"" + (en ? "Countries" : "الدول") + "\"\n---\n");
      for (String[] c : CorpusGenerator.COUNTRIES) {
        CorpusGenerator.write(
            content.resolve("countries/" + c[0].toLowerCase(Locale.ROOT) + "/_index.md"),
            "---\ntitle: \"" + (en ? c[1] : c[2]) + "\"\n---\n");
      }
      for (String[] t : CorpusGenerator.TYPES) {
        CorpusGenerator.write(
            content.resolve("types/" + t[0] + "/_index.md"),
            "---\ntitle: \"" + (en ? t[1] : t[2]) + "\"\n---\n");
      }
    }
    records.parallelStream()
        .forEach(
            r -> {
              try {
                page(
                    dir.resolve("content/en/engagements").resolve(r.id()).resolve("index.md"),
                    r,
                    r.en(),
                    "en");
                page(
                    dir.resolve("content/ar/engagements").resolve(r.id()).resolve("index.md"),
                    r,
                    r.ar(),
                    "ar");
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static void page(Path file, Record r, Text text, String lang) throws IOException {
    StringBuilder y = new StringBuilder("---\n");
    y.append("title: \"").append(text.title()).append("\"\n");
    y.append("description: \"").append(text.summary()).append("\"\n");
    y.append("date: ").append(r.firstDay()).append('\n');
    y.append("dateText: \"").append(r.date()).append("\"\n");
    if (r.endDate() != null) {
      y.append("endDate: \"").append(r.endDate()).append("\"\n");
    }
    y.append("types: [\"").append(r.type()).append("\"]\n");
    List<String> codes = r.countries().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    y.append("countries: [").append(quoted(codes)).append("]\n");
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        pairs.add(codes.get(i) + "-" + codes.get(j));
      }
    }
    if (!pairs.isEmpty()) {
      y.append("pairs: [").append(quoted(pairs)).append("]\n");
    }
    y.append("status: \"").append(r.status()).append("\"\n");
    if (!r.organizations().isEmpty()) {
      y.append("organizations: [")
          .append(
              quoted(r.organizations().stream().map(o -> lang.equals("en") ? o[0] : o[1]).toList()))
          .append("]\n");
    }
    if (!r.topics().isEmpty()) {
      y.append("topics: [")
          .append(
              quoted(
                  r.topics().stream()
                      .map(
                          key -> {
                            for (String[] t : CorpusGenerator.TOPICS) {
                              if (t[0].equals(key)) {
                                return lang.equals("en") ? t[1] : t[2];
                              }
                            }
                            return key;
                          })
                      .toList()))
          .append("]\n");
    }
    y.append("sources:\n");
    for (SourceSpec s : r.sources()) {
      y.append("  - publisher: \"").append(s.publisher()).append("\"\n");
      y.append("    title: \"").append(s.title()).append("\"\n");
      if (s.url() != null) {
        y.append("    url: \"").append(s.url()).append("\"\n");
      }
      if (s.date() != null) {
        y.append("    date: \"").append(s.date()).append("\"\n");
      }
      y.append("    language: \"").append(s.language()).append("\"\n");
    }
    if (!r.related().isEmpty()) {
      y.append("related: [").append(quoted(r.related())).append("]\n");
    }
    if (r.correction() != null) {
      y.append("corrections:\n  - date: \"")
          .append(r.correction()[0])
          .append("\"\n    text: \"")
          .append(lang.equals("en") ? r.correction()[1] : r.correction()[2])
          .append("\"\n");
    }
    y.append("---\n").append(text.body());
    CorpusGenerator.write(file, y.toString());
  }

  private static String quoted(List<String> items) {
    return String.join(", ", items.stream().map(s -> "\"" + s + "\"").toList());
  }

  static final String CONFIG =
      """
      baseURL = "https://example.org/briefing/"
      defaultContentLanguage = "en"
      defaultContentLanguageInSubdir = true
      disableKinds = ["404", "robotsTXT"]
      enableRobotsTXT = false
      summaryLength = 30
      # our feeds carry the newest 50 records; Hugo's default is every page
      rssLimit = 50

      [taxonomies]
        country = "countries"
        type = "types"
        pair = "pairs"

      [outputs]
        home = ["HTML", "RSS"]
        section = ["HTML"]
        taxonomy = ["HTML"]
        term = ["HTML"]
        page = ["HTML"]

      [markup.goldmark.renderer]
        unsafe = false

      [languages.en]
        contentDir = "content/en"
        languageName = "English"
        title = "Security Cooperation Briefing (benchmark)"
        weight = 1
        [languages.en.params]
          dir = "ltr"
          tagline = "Synthetic records for measuring the build"

      [languages.ar]
        contentDir = "content/ar"
        languageName = "العربية"
        title = "موجز التعاون الأمني (قياس الأداء)"
        weight = 2
        [languages.ar.params]
          dir = "rtl"
          tagline = "سجلات مصطنعة لقياس سرعة البناء"
      """;

  static final String I18N_EN =
      """
      home = "Home"
      timeline = "Timeline"
      countries = "Countries"
      date = "Date"
      status = "Status"
      organizations = "Organizations"
      topics = "Topics"
      sources = "Sources"
      related = "Related records"
      previous = "Previous"
      next = "Next"
      corrections = "Corrections"
      latest = "Latest"
      types = "Types"
      skip = "Skip to content"
      """;

  static final String I18N_AR =
      """
      home = "الرئيسية"
      timeline = "الخط الزمني"
      countries = "الدول"
      date = "التاريخ"
      status = "الحالة"
      organizations = "الجهات"
      topics = "المواضيع"
      sources = "المصادر"
      related = "سجلات ذات صلة"
      previous = "السابق"
      next = "التالي"
      corrections = "تصحيحات"
      latest = "الأحدث"
      types = "الأنواع"
      skip = "انتقل إلى المحتوى"
      """;

  static final String BASEOF =
      """
      <!DOCTYPE html>
      <html lang="{{ site.Language.Lang }}" dir="{{ site.Language.Params.dir }}">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
      <meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ site.Params.tagline }}{{ end }}">
      <link rel="canonical" href="{{ .Permalink }}">
      {{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
      {{ end }}<meta property="og:title" content="{{ .Title }}">
      <meta property="og:url" content="{{ .Permalink }}">
      <link rel="stylesheet" href="{{ "assets/site.css" | relURL }}">
      </head>
      <body>
      <a class="skip-link" href="#main">{{ i18n "skip" }}</a>
      <header class="masthead">
        <a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
        <nav><ul>
          <li><a href="{{ site.Home.RelPermalink }}">{{ i18n "home" }}</a></li>
          <li><a href="{{ "engagements/" | relLangURL }}">{{ i18n "timeline" }}</a></li>
          <li><a href="{{ "countries/" | relLangURL }}">{{ i18n "countries" }}</a></li>
        </ul></nav>
        {{ range .Translations }}<a class="lang-switch" href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a>{{ end }}
      </header>
      <main id="main">
      {{ block "main" . }}{{ end }}
      </main>
      <footer><p>{{ site.Title }} · {{ site.Params.tagline }}</p></footer>
      </body>
      </html>
      """;

  /**
   * A record in a list. Names of countries and types come from data files (as ours come from
   * countries.yaml and vocabulary.yaml) rather than from the taxonomy's term pages, which cost Hugo
   * a lookup per call; the card is rendered once per record and language ({@code partialCached}),
   * as our PageBuilder makes each card once.
   */
  static final String CARD =
      """
      {{ $lang := site.Language.Lang }}<article class="card status-{{ .Params.status }}">
        <p class="card-meta"><time datetime="{{ .Params.dateText }}">{{ .Date | time.Format ":date_long" }}</time>
        · {{ range .Params.types }}<a class="type" href="{{ printf "types/%s/" . | relLangURL }}">{{ index site.Data.types . $lang }}</a>{{ end }}
        · <span class="badge">{{ .Params.status }}</span></p>
        <h3 class="card-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
        <p class="card-summary">{{ .Description }}</p>
        <ul class="country-tags">{{ range .Params.countries }}<li><a href="{{ printf "countries/%s/" . | relLangURL }}">{{ index site.Data.countries . $lang }}</a></li>{{ end }}</ul>
      </article>
      """;

  static final String SINGLE =
      """
      {{ define "main" }}{{ $lang := site.Language.Lang }}
      <article class="record status-{{ .Params.status }}">
        <header>
          <p class="record-type">{{ range .Params.types }}<a href="{{ printf "types/%s/" . | relLangURL }}">{{ index site.Data.types . $lang }}</a>{{ end }}</p>
          <h1>{{ .Title }}</h1>
          <p class="record-summary">{{ .Description }}</p>
        </header>
        <dl class="facts">
          <div><dt>{{ i18n "date" }}</dt><dd><time datetime="{{ .Params.dateText }}">{{ .Date | time.Format ":date_long" }}</time>{{ with .Params.endDate }} – {{ . }}{{ end }}</dd></div>
          <div><dt>{{ i18n "status" }}</dt><dd>{{ .Params.status }}</dd></div>
          <div><dt>{{ i18n "countries" }}</dt><dd><ul>{{ range .Params.countries }}<li><a href="{{ printf "countries/%s/" . | relLangURL }}">{{ index site.Data.countries . $lang }}</a></li>{{ end }}</ul></dd></div>
          {{ with .Params.organizations }}<div><dt>{{ i18n "organizations" }}</dt><dd><ul>{{ range . }}<li><bdi>{{ . }}</bdi></li>{{ end }}</ul></dd></div>{{ end }}
          {{ with .Params.topics }}<div><dt>{{ i18n "topics" }}</dt><dd>{{ delimit . ", " }}</dd></div>{{ end }}
        </dl>
        {{ with .Params.corrections }}<section class="corrections"><h2>{{ i18n "corrections" }}</h2><ul>{{ range . }}<li><time>{{ .date }}</time>: {{ .text }}</li>{{ end }}</ul></section>{{ end }}
        <div class="record-body">{{ .Content }}</div>
        <section class="sources"><h2>{{ i18n "sources" }}</h2><ol>
          {{ range .Params.sources }}<li><bdi>{{ .publisher }}</bdi>: {{ if .url }}<a href="{{ .url }}" rel="noopener noreferrer" lang="{{ .language }}">{{ .title }}</a>{{ else }}<cite lang="{{ .language }}">{{ .title }}</cite>{{ end }}{{ with .date }}, {{ . }}{{ end }}</li>
          {{ end }}</ol></section>
        {{ with .Params.related }}<section class="related"><h2>{{ i18n "related" }}</h2>
          {{ range . }}{{ with site.GetPage (printf "/engagements/%s" .) }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}{{ end }}
        </section>{{ end }}
        <nav class="prev-next">
          {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ i18n "previous" }}: {{ .Title }}</a>{{ end }}
          {{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ i18n "next" }}: {{ .Title }}</a>{{ end }}
        </nav>
      </article>
      {{ end }}
      """;

  static final String LIST =
      """
      {{ define "main" }}
      <h1>{{ .Title }}</h1>
      <p class="totals">{{ len .Pages }}</p>
      {{ range .Pages.GroupByDate "2006" }}
      <section class="year"><h2>{{ .Key }}</h2>
        {{ range .Pages.GroupByDate "2006-01" }}
        <section class="month"><h3>{{ .Key }}</h3>
          {{ range .Pages }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}
        </section>
        {{ end }}
      </section>
      {{ end }}
      {{ end }}
      """;

  static final String TERMS =
      """
      {{ define "main" }}
      <h1>{{ .Title }}</h1>
      <ul class="country-grid">
        {{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <span class="count">{{ .Count }}</span></li>
        {{ end }}
      </ul>
      {{ end }}
      """;

  static final String HOME =
      """
      {{ define "main" }}
      <section class="intro"><h1>{{ site.Title }}</h1><p class="lede">{{ site.Params.tagline }}</p>
      <p class="totals">{{ len (where site.RegularPages "Section" "engagements") }}</p></section>
      <section class="latest"><h2>{{ i18n "latest" }}</h2>
        {{ range first 8 (where site.RegularPages "Section" "engagements") }}{{ partialCached "card.html" . .RelPermalink }}{{ end }}
      </section>
      <aside>
        <h2>{{ i18n "countries" }}</h2>
        <ul>{{ range site.Taxonomies.countries.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>
        <h2>{{ i18n "types" }}</h2>
        <ul>{{ range site.Taxonomies.types.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> {{ .Count }}</li>{{ end }}</ul>
      </aside>
      {{ end }}
      """;
}
