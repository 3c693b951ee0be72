package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.model.Actor;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.model.Site;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The actors' pages as the build writes them from the seed records: the index, one page per actor
 * in both languages, and the links between actors and records, both ways. Expected numbers are
 * counted here from the validated records, not taken from the code under test.
 */
class ActorPagesTest {

  private static Site site() {
    return RenderedSite.seed().site();
  }

  private static Document page(String path) {
    return Jsoup.parse(RenderedSite.seed().text(path), "https://site.test/" + path);
  }

  /** A link's target as a path from the site's root. */
  private static String target(Element a) {
    return URI.create("https://site.test/").relativize(URI.create(a.absUrl("href"))).getPath();
  }

  /** The records that name {@code actor}, counted from the records themselves. */
  private static List<Engagement> recordsOf(Actor actor) {
    return site().engagements().stream()
        .filter(e -> e.actors().stream().anyMatch(a -> a.id().equals(actor.id())))
        .toList();
  }

  @Test
  void theSeedNamesItsPeopleAndInstitutionsOnceEach() {
    List<Actor> actors = site().actors();
    assertTrue(actors.size() >= 15 && actors.size() <= 25, actors.size() + " actors");
    for (Actor a : actors) {
      assertTrue(!recordsOf(a).isEmpty(), a.id() + " is named by a record");
    }
    assertTrue(actors.stream().anyMatch(a -> a.kind() == Actor.Kind.PERSON));
    assertTrue(actors.stream().anyMatch(a -> a.kind() == Actor.Kind.INSTITUTION));
  }

  @Test
  void everyActorHasAPageInBothLanguagesWithItsNameInBothScripts() {
    for (Actor actor : site().actors()) {
      for (Lang lang : Lang.values()) {
        String path = Routes.actor(lang, actor);
        Document doc = page(path);
        assertEquals(lang.code(), doc.selectFirst("html").attr("lang"), path);
        assertEquals(lang.dir(), doc.selectFirst("html").attr("dir"), path);
        assertEquals(actor.name().get(lang), doc.selectFirst("h1").text(), path + ": the name");
        Element other = doc.selectFirst(".other-name a");
        assertNotNull(other, path + ": the name in the other language");
        assertEquals(actor.name().get(lang.other()), other.text(), path);
        assertEquals(
            lang.other().code(), other.attr("lang"), path + ": marked as the other language");
        assertEquals(lang.other().dir(), other.attr("dir"), path);
        assertEquals(Routes.actor(lang.other(), actor), target(other), path);
        assertEquals(
            Routes.actor(lang.other(), actor),
            target(doc.selectFirst("a.lang-switch")),
            path + ": the language switch leads to the same actor");
        for (Actor.Role role : actor.roles()) {
          assertTrue(
              doc.select(".roles li").text().contains(role.title().get(lang)),
              path + ": role " + role.title().get(lang));
        }
      }
    }
  }

  @Test
  void anActorsRecordsArePagedByYearNewestFirstAndEachRecordLinksBack() {
    for (Actor actor : site().actors()) {
      for (Lang lang : Lang.values()) {
        String path = Routes.actor(lang, actor);
        Document overview = page(path);
        List<Engagement> expected = new ArrayList<>(recordsOf(actor));
        expected.sort(
            Comparator.comparing(Engagement::date).thenComparing(Engagement::id).reversed());
        List<String> expectedLinks =
            expected.stream()
                .map(e -> Routes.engagement(e.hasTranslation(lang) ? lang : lang.other(), e.id()))
                .toList();
        assertEquals(
            expectedLinks.subList(0, Math.min(20, expectedLinks.size())),
            overview.select("article.card h3 a").stream().map(ActorPagesTest::target).toList(),
            path + ": the overview shows its latest records, newest first");
        // the overview counts the records of each year and leads to that year's page, which
        // lists them; read in order, the year pages list every record once, newest first
        Map<Integer, Long> perYear =
            expected.stream()
                .collect(
                    Collectors.groupingBy(
                        e -> e.date().year(), TreeMap::new, Collectors.counting()));
        List<Element> years = overview.select(".period-index > li > a");
        assertEquals(
            perYear.keySet().stream()
                .sorted(Comparator.reverseOrder())
                .map(String::valueOf)
                .toList(),
            years.stream().map(a -> a.text().replaceAll("[^0-9]", "")).toList(),
            path + ": one link per year with records, newest first");
        List<String> paged = new ArrayList<>();
        for (Element year : years) {
          String yearPath = target(year);
          int y = Integer.parseInt(year.text().replaceAll("[^0-9]", ""));
          assertEquals(
              path.replace("index.html", y + "/index.html"),
              yearPath,
              path + ": the year's address");
          assertTrue(
              year.parent().selectFirst(".count").text().startsWith(perYear.get(y).toString())
                  || (perYear.get(y) <= 2 && lang == Lang.AR),
              path + ": the count of " + y);
          Document yearPage = page(yearPath);
          assertEquals(
              path,
              target(yearPage.selectFirst(".breadcrumb a")),
              yearPath + " leads back to the actor");
          assertTrue(yearPage.selectFirst("h1").text().contains(actor.name().get(lang)), yearPath);
          assertEquals(
              Routes.actor(lang.other(), actor).replace("index.html", y + "/index.html"),
              target(yearPage.selectFirst("a.lang-switch")),
              yearPath + ": the language switch leads to the same year");
          yearPage.select("article.card h3 a").forEach(a -> paged.add(target(a)));
        }
        assertEquals(expectedLinks, paged, path + ": its year pages list all its records");
        for (Engagement e : expected) {
          if (!e.hasTranslation(lang)) {
            continue;
          }
          String recordPath = Routes.engagement(lang, e.id());
          Set<String> actorLinks =
              page(recordPath).select(".actor-list a").stream()
                  .map(ActorPagesTest::target)
                  .collect(Collectors.toSet());
          assertTrue(actorLinks.contains(path), recordPath + " links to " + path);
        }
      }
    }
  }

  @Test
  void aRecordPageListsItsActorsInOrderByName() {
    for (Engagement e : site().engagements()) {
      for (Lang lang : Lang.values()) {
        if (!e.hasTranslation(lang)) {
          continue;
        }
        Document doc = page(Routes.engagement(lang, e.id()));
        assertEquals(
            e.actors().stream().map(a -> a.name().get(lang)).toList(),
            doc.select(".actor-list a").eachText(),
            e.id());
      }
    }
  }

  @Test
  void theIndexGroupsActorsByCountryAndKindWithTheirCounts() {
    for (Lang lang : Lang.values()) {
      Document doc = page(Routes.actors(lang));
      Map<String, String> seen = new LinkedHashMap<>();
      for (Element group : doc.select("section.actor-group")) {
        String heading = group.selectFirst("h2").text();
        List<Element> items = group.select(".actor-index li");
        assertTrue(
            heading.contains(
                new Localizer(
                        lang, Strings.load(RenderedSite.TEMPLATES.resolve("strings.yaml")), false)
                    .count(items.size(), "actors_count")),
            heading);
        for (Element li : items) {
          Element link = li.selectFirst("a");
          Actor actor =
              site().actors().stream()
                  .filter(a -> Routes.actor(lang, a).equals(target(link)))
                  .findFirst()
                  .orElseThrow();
          assertTrue(seen.put(actor.id(), heading) == null, actor.id() + " is listed once");
          String place =
              actor
                  .country()
                  .map(c -> c.name().get(lang))
                  .orElse(lang == Lang.AR ? "جهات دولية" : "International");
          assertTrue(heading.startsWith(place + " · "), actor.id() + " under " + heading);
          assertTrue(
              heading.contains(
                  lang == Lang.AR
                      ? (actor.kind() == Actor.Kind.PERSON ? "أشخاص" : "مؤسسات")
                      : (actor.kind() == Actor.Kind.PERSON ? "People" : "Institutions")),
              heading);
          String count = li.selectFirst(".count").text();
          int n = recordsOf(actor).size();
          assertTrue(
              count.startsWith(Integer.toString(n)) || (n <= 2 && lang == Lang.AR),
              actor.id() + ": " + count + " for " + n);
        }
      }
      assertEquals(site().actors().size(), seen.size(), lang + ": every actor is in the index");
    }
  }

  @Test
  void anActorPageNamesTheActorsAndCountriesThatAppearWithItMostOften() {
    for (Actor actor : site().actors()) {
      Map<String, Integer> together = new TreeMap<>();
      for (Engagement e : recordsOf(actor)) {
        e.actors().stream()
            .filter(a -> !a.id().equals(actor.id()))
            .forEach(a -> together.merge(Routes.actor(Lang.EN, a), 1, Integer::sum));
      }
      Document doc = page(Routes.actor(Lang.EN, actor));
      Element aside = doc.selectFirst("aside.partners");
      List<Element> rows = aside.select("#with-actors-h + ul li");
      int previous = Integer.MAX_VALUE;
      for (Element row : rows) {
        String to = target(row.selectFirst("a"));
        int n = Integer.parseInt(row.selectFirst(".count").text().split(" ")[0]);
        assertEquals(together.get(to), n, actor.id() + " with " + to);
        assertTrue(n <= previous, actor.id() + ": most often first");
        previous = n;
      }
      assertEquals(Math.min(8, together.size()), rows.size(), actor.id());
    }
    // Syria's interior minister: with his ministry in two records
    Document khattab = page("en/actors/khattab-anas/index.html");
    assertEquals(
        "Ministry of Interior of Syria 2 engagements",
        khattab.selectFirst("#with-actors-h + ul li").text());
  }
}
