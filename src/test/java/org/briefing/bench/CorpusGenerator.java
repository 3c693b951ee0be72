package org.briefing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

/**
 * Writes a deterministic synthetic corpus of N engagement records in the content contract
 * (DESIGN.md §1), for benchmarks: {@code site.yaml}, {@code countries.yaml} (30 countries), {@code
 * vocabulary.yaml} (5 types, 8 topics) and {@code engagements/<id>/{engagement.yaml, ar.md,
 * en.md}}, each language file with a title, a summary and a body of about 400 words (Arabic words
 * in {@code ar.md}, English in {@code en.md}) using headings, lists, emphasis and links. Dates are
 * mostly to the day, some to the month or the year; records have one to three countries (a few
 * countries are much commoner than the rest, as in the real archive), one to three sources, and
 * some have related records, organizations, an end date or a correction.
 *
 * <p>Record {@code i} depends only on the seed and {@code i}, so the 1,000-record corpus is a
 * prefix of the 10,000-record one with the same seed. The same input always gives the same bytes.
 *
 * <p>With {@code --hugo DIR} it also writes the same records as a Hugo (0.111) site: one page per
 * record and language, a list page per country, per type and per pair of countries, the timeline
 * (the {@code engagements} section) and a home page per language, with minimal layouts that show
 * what our templates show (see {@link HugoSite}).
 *
 * <pre>
 * java -cp target/test-classes org.briefing.bench.CorpusGenerator 10000 /tmp/corpus [seed] [--hugo /tmp/hugo-site]
 * </pre>
 */
public final class CorpusGenerator {

  /** The default seed, so that "the 10k corpus" means the same records everywhere. */
  public static final long DEFAULT_SEED = 20250120L;

  /** About how many words each body has. */
  static final int BODY_WORDS = 400;

  /** ISO code, English name, Arabic name; commonest first (see {@link #pickCountry}). */
  static final String[][] COUNTRIES = {
    {"SY", "Syria", "سوريا"},
    {"QA", "Qatar", "قطر"},
    {"TR", "Turkey", "تركيا"},
    {"US", "United States", "الولايات المتحدة"},
    {"SA", "Saudi Arabia", "السعودية"},
    {"AE", "United Arab Emirates", "الإمارات العربية المتحدة"},
    {"JO", "Jordan", "الأردن"},
    {"IQ", "Iraq", "العراق"},
    {"EG", "Egypt", "مصر"},
    {"FR", "France", "فرنسا"},
    {"GB", "United Kingdom", "المملكة المتحدة"},
    {"SO", "Somalia", "الصومال"},
    {"LB", "Lebanon", "لبنان"},
    {"KW", "Kuwait", "الكويت"},
    {"BH", "Bahrain", "البحرين"},
    {"OM", "Oman", "عُمان"},
    {"RU", "Russia", "روسيا"},
    {"DE", "Germany", "ألمانيا"},
    {"IT", "Italy", "إيطاليا"},
    {"YE", "Yemen", "اليمن"},
    {"LY", "Libya", "ليبيا"},
    {"SD", "Sudan", "السودان"},
    {"MA", "Morocco", "المغرب"},
    {"DZ", "Algeria", "الجزائر"},
    {"TN", "Tunisia", "تونس"},
    {"PK", "Pakistan", "باكستان"},
    {"CN", "China", "الصين"},
    {"IN", "India", "الهند"},
    {"ES", "Spain", "إسبانيا"},
    {"NO", "Norway", "النرويج"}
  };

  /** Key, English label, Arabic label. */
  static final String[][] TYPES = {
    {"agreement", "Agreement", "اتفاقية"}, {"call", "Phone call", "اتصال هاتفي"},
    {"meeting", "Meeting", "اجتماع"}, {"visit", "Visit", "زيارة"},
    {"joint-operation", "Joint operation", "عملية مشتركة"}
  };

  static final String[][] TOPICS = {
    {"counter-terrorism", "Counter-terrorism", "مكافحة الإرهاب"},
    {"training", "Training", "التدريب"},
    {"intelligence-sharing", "Intelligence sharing", "تبادل المعلومات الاستخباراتية"},
    {"equipment", "Equipment and technology", "المعدات والتقنيات"},
    {"border-security", "Border security", "أمن الحدود"},
    {"maritime-security", "Maritime security", "الأمن البحري"},
    {"cyber-security", "Cyber security", "الأمن السيبراني"},
    {"search-and-rescue", "Search and rescue", "البحث والإنقاذ"}
  };

  static final String[] STATUSES = {"confirmed", "reported", "unverified"};

  /** Publisher and the language it writes in. */
  static final String[][] PUBLISHERS = {
    {"Reuters", "en"}, {"Al Jazeera", "ar"}, {"Anadolu Agency", "en"},
    {"Al-Khaleej Online", "ar"}, {"Asharq Al-Awsat", "ar"}, {"Qatar News Agency", "ar"},
    {"The National", "en"}, {"Middle East Eye", "en"}, {"Al-Monitor", "en"},
    {"Enab Baladi", "ar"}, {"Syrian Arab News Agency", "ar"}, {"Middle East Institute", "en"}
  };

  static final String[][] ORGANIZATIONS = {
    {"Ministry of Interior", "وزارة الداخلية"},
    {"Ministry of Defence", "وزارة الدفاع"},
    {"General Intelligence Directorate", "إدارة المخابرات العامة"},
    {"Civil Defence", "الدفاع المدني"},
    {"Coast Guard", "خفر السواحل"},
    {"Internal Security Forces", "قوى الأمن الداخلي"},
    {"National Guard", "الحرس الوطني"},
    {"Police Academy", "أكاديمية الشرطة"}
  };

  static final String[] EN_WORDS =
      ("the ministers discussed security cooperation between both"
              + " countries during a meeting in the capital and agreed to expand training programmes"
              + " for police officers border guards and civil defence teams officials said the"
              + " agreement covers intelligence sharing counter terrorism operations maritime patrols"
              + " equipment transfers and joint exercises next year delegation visited headquarters"
              + " reviewed progress signed memorandum understanding regional stability partners"
              + " announced statement interior defence forces support capacity building crisis"
              + " response emergency coordination units specialists experts advisers technical"
              + " assistance funding framework implementation committee oversight reports sources"
              + " confirmed according officials ministry spokesman press conference state news agency"
              + " added that would continue work closely further steps future talks bilateral"
              + " relations strengthen institutions reform sector governance accountability human"
              + " rights standards detention facilities camps returnees families humanitarian"
              + " corridors airport seaport customs smuggling networks organised crime narcotics"
              + " weapons explosives devices cells arrested suspects operation raid village"
              + " province district desert mountains coast river city region week month earlier"
              + " later previously recently first second third new senior deputy commander chief"
              + " general colonel minister president prime envoy ambassador embassy consulate")
          .split(" ");

  static final String[] AR_WORDS =
      ("بحث الوزيران التعاون الأمني بين البلدين خلال اجتماع في"
              + " العاصمة واتفقا على توسيع برامج التدريب لضباط الشرطة وحرس الحدود وفرق الدفاع المدني"
              + " وقال المسؤولون إن الاتفاقية تشمل تبادل المعلومات ومكافحة الإرهاب والدوريات البحرية"
              + " ونقل المعدات والتمارين المشتركة العام المقبل وزار الوفد المقر واستعرض التقدم ووقع"
              + " مذكرة تفاهم حول الاستقرار الإقليمي مع الشركاء وأعلن في بيان أن قوات الداخلية والدفاع"
              + " ستدعم بناء القدرات والاستجابة للأزمات والطوارئ وتنسيق الوحدات والمتخصصين والخبراء"
              + " والمستشارين والمساعدة الفنية والتمويل والإطار والتنفيذ واللجنة والرقابة والتقارير"
              + " والمصادر وأكدت بحسب المسؤولين والوزارة والمتحدث في مؤتمر صحفي لوكالة الأنباء"
              + " الرسمية وأضاف أن العمل سيستمر عن قرب مع خطوات أخرى ومحادثات مستقبلية لتعزيز"
              + " العلاقات الثنائية والمؤسسات وإصلاح القطاع والحوكمة والمساءلة وحقوق الإنسان"
              + " والمعايير ومراكز الاحتجاز والمخيمات والعائدين والأسر والممرات الإنسانية والمطار"
              + " والميناء والجمارك وشبكات التهريب والجريمة المنظمة والمخدرات والأسلحة والمتفجرات"
              + " والخلايا واعتقال المشتبه بهم في عملية مداهمة قرية ومحافظة ومنطقة وصحراء وجبال"
              + " وساحل ونهر ومدينة وأسبوع وشهر سابقا لاحقا مؤخرا أول ثاني ثالث جديد كبير نائب قائد"
              + " رئيس لواء عقيد وزير مبعوث سفير سفارة قنصلية")
          .split(" ");

  private final long seed;

  public CorpusGenerator(long seed) {
    this.seed = seed;
  }

  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    Path hugo = null;
    int flag = rest.indexOf("--hugo");
    if (flag >= 0) {
      if (flag + 1 >= rest.size()) {
        usage("--hugo needs a folder");
      }
      hugo = Path.of(rest.get(flag + 1));
      rest.remove(flag + 1);
      rest.remove(flag);
    }
    if (rest.size() < 2 || rest.size() > 3) {
      usage("expected N and an output folder");
    }
    int n;
    long seed;
    try {
      n = Integer.parseInt(rest.get(0));
      seed = rest.size() == 3 ? Long.parseLong(rest.get(2)) : DEFAULT_SEED;
    } catch (NumberFormatException e) {
      usage("N and the seed are whole numbers");
      return;
    }
    if (n < 1) {
      usage("N must be at least 1");
    }
    Path out = Path.of(rest.get(1));
    CorpusGenerator generator = new CorpusGenerator(seed);
    List<Record> records = generator.records(n);
    generator.writeContent(records, out);
    System.out.println("wrote " + n + " records into " + out);
    if (hugo != null) {
      new HugoSite(records).write(hugo);
      System.out.println("wrote the same records as a Hugo site into " + hugo);
    }
  }

  private static void usage(String problem) {
    System.err.println("error: " + problem);
    System.err.println("usage: CorpusGenerator N OUT_DIR [SEED] [--hugo HUGO_DIR]");
    System.exit(2);
  }

  // ---- the records ---------------------------------------------------------------------------

  /** A source as engagement.yaml lists it. */
  record SourceSpec(String publisher, String title, String url, String date, String language) {}

  /** One language's text. */
  record Text(String title, String summary, String body) {}

  /** Everything about one generated record, in both languages. */
  record Record(
      String id,
      String date,
      String endDate,
      String type,
      List<String> countries,
      List<String[]> organizations,
      List<String> topics,
      String status,
      List<SourceSpec> sources,
      List<String> related,
      String[] correction,
      Text en,
      Text ar) {

    /** The date's first day, for tools that need a full date (Hugo). */
    LocalDate firstDay() {
      String[] parts = date.split("-");
      return LocalDate.of(
          Integer.parseInt(parts[0]),
          parts.length > 1 ? Integer.parseInt(parts[1]) : 1,
          parts.length > 2 ? Integer.parseInt(parts[2]) : 1);
    }
  }

  /** The first {@code n} records of this seed. */
  public List<Record> records(int n) {
    List<Record> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(record(i, out));
    }
    return out;
  }

  private Random random(int i, int stream) {
    return new Random(seed * 1_000_003L + i * 31L + stream);
  }

  private Record record(int i, List<Record> earlier) {
    Random r = random(i, 0);
    int year = 2000 + r.nextInt(26);
    int month = 1 + r.nextInt(12);
    int day = 1 + r.nextInt(28);
    int precision = r.nextInt(100);
    String date;
    String endDate = null;
    if (precision < 84) {
      date = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
      if (r.nextInt(10) == 0) {
        endDate = LocalDate.of(year, month, day).plusDays(1 + r.nextInt(4)).toString();
      }
    } else if (precision < 96) {
      date = String.format(Locale.ROOT, "%04d-%02d", year, month);
    } else {
      date = String.format(Locale.ROOT, "%04d", year);
    }
    int howMany = pickOf(r, 20, 60, 20) + 1;
    TreeSet<String> codes = new TreeSet<>();
    while (codes.size() < howMany) {
      codes.add(COUNTRIES[pickCountry(r)][0]);
    }
    List<String> countries = List.copyOf(codes);
    String type = TYPES[r.nextInt(TYPES.length)][0];
    String status = STATUSES[pickOf(r, 50, 40, 10)];
    String id =
        date
            + "-"
            + String.join("-", countries).toLowerCase(Locale.ROOT)
            + "-"
            + type
            + "-"
            + String.format(Locale.ROOT, "%05d", i);

    List<String[]> organizations = new ArrayList<>();
    if (r.nextInt(10) < 3) {
      int count = 1 + r.nextInt(2);
      TreeSet<Integer> picked = new TreeSet<>();
      while (picked.size() < count) {
        picked.add(r.nextInt(ORGANIZATIONS.length));
      }
      picked.forEach(k -> organizations.add(ORGANIZATIONS[k]));
    }
    TreeSet<String> topicSet = new TreeSet<>();
    int topicCount = r.nextInt(4);
    while (topicSet.size() < topicCount) {
      topicSet.add(TOPICS[r.nextInt(TOPICS.length)][0]);
    }
    List<SourceSpec> sources = new ArrayList<>();
    int sourceCount = 1 + pickOf(r, 60, 30, 10);
    for (int s = 0; s < sourceCount; s++) {
      String[] publisher = PUBLISHERS[r.nextInt(PUBLISHERS.length)];
      String language = publisher[1];
      String title =
          sentence(r, language.equals("ar") ? AR_WORDS : EN_WORDS, 5 + r.nextInt(6), false);
      String url =
          r.nextInt(4) == 0
              ? null
              : "https://news.example.org/" + language + "/" + id + "-" + (s + 1);
      String sourceDate = r.nextInt(10) < 6 ? date : null;
      sources.add(new SourceSpec(publisher[0], title, url, sourceDate, language));
    }
    TreeSet<String> related = new TreeSet<>();
    if (i > 0 && r.nextInt(10) < 3) {
      int count = 1 + r.nextInt(2);
      for (int k = 0; k < count; k++) {
        related.add(earlier.get(r.nextInt(i)).id());
      }
    }
    String[] correction = null;
    if (r.nextInt(33) == 0) {
      correction =
          new String[] {
            String.format(Locale.ROOT, "%04d-%02d-%02d", year + 1, month, day),
            "The date of the meeting was corrected.",
            "صُحّح تاريخ الاجتماع."
          };
    }
    Text en = text(random(i, 1), EN_WORDS, id, "en");
    Text ar = text(random(i, 2), AR_WORDS, id, "ar");
    return new Record(
        id,
        date,
        endDate,
        type,
        countries,
        organizations,
        List.copyOf(topicSet),
        status,
        sources,
        List.copyOf(related),
        correction,
        en,
        ar);
  }

  /** Index of a country: the first few are far commoner than the rest (roughly Zipf). */
  static int pickCountry(Random r) {
    double u = r.nextDouble();
    return Math.min(COUNTRIES.length - 1, (int) Math.floor(Math.pow(u, 2.2) * COUNTRIES.length));
  }

  /** An index chosen with the given percentages (which add up to 100). */
  private static int pickOf(Random r, int... percents) {
    int x = r.nextInt(100);
    for (int k = 0; k < percents.length; k++) {
      x -= percents[k];
      if (x < 0) {
        return k;
      }
    }
    return percents.length - 1;
  }

  private Text text(Random r, String[] words, String id, String lang) {
    String title = sentence(r, words, 6 + r.nextInt(5), false);
    String summary = sentence(r, words, 18 + r.nextInt(10), true);
    return new Text(title, summary, body(r, words, id, lang));
  }

  /** A Markdown body of about {@value #BODY_WORDS} words. */
  static String body(Random r, String[] words, String id, String lang) {
    StringBuilder md = new StringBuilder();
    int written = 0;
    int paragraph = 0;
    while (written < BODY_WORDS) {
      if (paragraph == 1) {
        md.append("## ").append(sentence(r, words, 3, false)).append("\n\n");
        written += 3;
      }
      if (paragraph == 2) {
        for (int k = 0; k < 3; k++) {
          md.append("- ").append(sentence(r, words, 8, true)).append('\n');
          written += 8;
        }
        md.append('\n');
      }
      int size = Math.min(70 + r.nextInt(20), Math.max(10, BODY_WORDS - written));
      StringBuilder p = new StringBuilder();
      int inParagraph = 0;
      while (inParagraph < size) {
        int length = Math.min(8 + r.nextInt(9), size - inParagraph);
        if (length < 3) {
          length = 3;
        }
        String s = sentence(r, words, length, true);
        if (paragraph == 0 && inParagraph == 0) {
          s = "**" + s.substring(0, s.length() - 1) + "**.";
        }
        if (paragraph == 3 && inParagraph == 0) {
          s =
              "["
                  + s.substring(0, s.length() - 1)
                  + "](https://example.org/"
                  + lang
                  + "/"
                  + id
                  + ").";
        }
        p.append(p.length() == 0 ? "" : " ").append(s);
        inParagraph += length;
      }
      md.append(p).append("\n\n");
      written += inParagraph;
      paragraph++;
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** {@code count} words; English sentences start with a capital; ends with a full stop. */
  static String sentence(Random r, String[] words, int count, boolean stop) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < count; k++) {
      String w = words[r.nextInt(words.length)];
      if (k == 0 && Character.isLowerCase(w.charAt(0))) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      s.append(k == 0 ? "" : " ").append(w);
    }
    return stop ? s.append('.').toString() : s.toString();
  }

  // ---- the content folder --------------------------------------------------------------------

  /** Writes the records as a content folder that {@code check} accepts. */
  public void writeContent(List<Record> records, Path out) throws IOException {
    Files.createDirectories(out.resolve("engagements"));
    write(
        out.resolve("site.yaml"),
        "base_url: https://example.org/briefing/\n"
            + "title: {en: Security Cooperation Briefing (benchmark), ar: موجز التعاون الأمني (قياس الأداء)}\n"
            + "tagline: {en: \"Synthetic records for measuring the build\","
            + " ar: \"سجلات مصطنعة لقياس سرعة البناء\"}\n"
            + "languages: [ar, en]\n"
            + "arabic_digits: western\n");
    StringBuilder countries =
        new StringBuilder("# generated by org.briefing.bench.CorpusGenerator\n");
    for (String[] c : COUNTRIES) {
      countries
          .append(c[0])
          .append(": {en: \"")
          .append(c[1])
          .append("\", ar: \"")
          .append(c[2])
          .append("\"}\n");
    }
    write(out.resolve("countries.yaml"), countries.toString());
    StringBuilder vocabulary = new StringBuilder("types:\n");
    for (String[] t : TYPES) {
      vocabulary
          .append("  ")
          .append(t[0])
          .append(": {en: \"")
          .append(t[1])
          .append("\", ar: \"")
          .append(t[2])
          .append("\"}\n");
    }
    vocabulary.append("topics:\n");
    for (String[] t : TOPICS) {
      vocabulary
          .append("  ")
          .append(t[0])
          .append(": {en: \"")
          .append(t[1])
          .append("\", ar: \"")
          .append(t[2])
          .append("\"}\n");
    }
    write(out.resolve("vocabulary.yaml"), vocabulary.toString());
    StringBuilder actors = new StringBuilder();
    for (String[] o : ORGANIZATIONS) {
      actors
          .append(actorKey(o))
          .append(": {kind: institution, en: \"")
          .append(o[0])
          .append("\", ar: \"")
          .append(o[1])
          .append("\"}\n");
    }
    write(out.resolve("actors.yaml"), actors.toString());
    records.parallelStream()
        .forEach(
            record -> {
              try {
                writeRecord(record, out.resolve("engagements").resolve(record.id()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** The actors.yaml key of an institution: its English name in lowercase with hyphens. */
  static String actorKey(String[] organization) {
    return organization[0].toLowerCase(Locale.ROOT).replace(' ', '-');
  }

  private static void writeRecord(Record e, Path dir) throws IOException {
    Files.createDirectories(dir);
    StringBuilder y = new StringBuilder();
    y.append("date: ").append(e.date()).append('\n');
    if (e.endDate() != null) {
      y.append("end_date: ").append(e.endDate()).append('\n');
    }
    y.append("type: ").append(e.type()).append('\n');
    y.append("countries: [").append(String.join(", ", e.countries())).append("]\n");
    if (!e.organizations().isEmpty()) {
      y.append("actors: [")
          .append(
              String.join(", ", e.organizations().stream().map(CorpusGenerator::actorKey).toList()))
          .append("]\n");
    }
    if (!e.topics().isEmpty()) {
      y.append("topics: [").append(String.join(", ", e.topics())).append("]\n");
    }
    y.append("status: ").append(e.status()).append('\n');
    y.append("sources:\n");
    for (SourceSpec s : e.sources()) {
      y.append("  - publisher: \"").append(s.publisher()).append("\"\n");
      y.append("    title: \"").append(s.title()).append("\"\n");
      if (s.url() != null) {
        y.append("    url: ").append(s.url()).append('\n');
      }
      if (s.date() != null) {
        y.append("    date: ").append(s.date()).append('\n');
      }
      y.append("    language: ").append(s.language()).append('\n');
    }
    if (!e.related().isEmpty()) {
      y.append("related: [").append(String.join(", ", e.related())).append("]\n");
    }
    if (e.correction() != null) {
      y.append("corrections:\n  - date: ")
          .append(e.correction()[0])
          .append("\n    en: \"")
          .append(e.correction()[1])
          .append("\"\n    ar: \"")
          .append(e.correction()[2])
          .append("\"\n");
    }
    write(dir.resolve("engagement.yaml"), y.toString());
    write(dir.resolve("en.md"), markdown(e.en()));
    write(dir.resolve("ar.md"), markdown(e.ar()));
  }

  private static String markdown(Text t) {
    return "---\ntitle: \"" + t.title() + "\"\nsummary: \"" + t.summary() + "\"\n---\n" + t.body();
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
