package org.briefing.render;

import java.util.ArrayList;
import java.util.List;
import org.briefing.archive.ActorIndex;
import org.briefing.archive.Archive;
import org.briefing.archive.DatePages;
import org.briefing.graphics.GraphicViews.Counted;
import org.briefing.graphics.GraphicViews.Link;
import org.briefing.i18n.Localizer;
import org.briefing.model.Actor;
import org.briefing.model.Country;
import org.briefing.model.Lang;
import org.briefing.model.PartialDate;
import org.briefing.render.PageViews.ActorGroupView;
import org.briefing.render.PageViews.ActorItem;
import org.briefing.render.PageViews.PageContext;
import org.briefing.render.PageViews.RoleView;

/**
 * The views of the actors' pages of one language: the index grouped by country and kind, and each
 * actor's overview page. Groupings and counts come from the {@link ActorIndex}; the actor's records
 * are paged by date as every list of records is: the overview counts them by year and shows the
 * latest, and {@link PeriodPages} makes the pages of each year (or month). Thread-safe.
 */
final class ActorPages {

  private final Archive archive;
  private final PageBuilder pages;
  private final Lang lang;
  private final Localizer l;

  ActorPages(Archive archive, PageBuilder pages) {
    this.archive = archive;
    this.pages = pages;
    this.lang = pages.lang();
    this.l = pages.localizer();
  }

  PageViews.ActorsPage index() {
    ActorIndex index = archive.actors();
    List<ActorGroupView> groups = new ArrayList<>();
    for (ActorIndex.Group g : index.groups(lang)) {
      String place = g.country().map(c -> c.name().get(lang)).orElse(l.t("actors_no_country"));
      String kind = l.t("actor_kind_" + g.kind().key() + "_plural");
      List<ActorItem> items =
          g.actors().stream()
              .map(
                  a ->
                      new ActorItem(
                          pages.link(Routes.actor(lang, a), a.name()),
                          otherName(a),
                          pages.count(index.engagementsOf(a).size())))
              .toList();
      String id = "g-" + g.country().map(Country::slug).orElse("none") + "-" + g.kind().key();
      groups.add(new ActorGroupView(id, place, kind, l.count(items.size(), "actors_count"), items));
    }
    PageContext ctx =
        pages.context(Routes.actors(lang), l.t("actors"), "actors", Routes.actors(lang.other()));
    return new PageViews.ActorsPage(
        ctx, l.count(index.active().size(), "actors_count"), List.copyOf(groups));
  }

  PageViews.ActorPage actor(Actor actor) {
    ActorIndex index = archive.actors();
    DatePages byDate = archive.pagesOf(actor);
    String name = actor.name().get(lang);
    List<RoleView> roles =
        actor.roles().stream().map(r -> new RoleView(r.title().get(lang), dates(r))).toList();
    List<Counted> countries = new ArrayList<>();
    for (ActorIndex.Shared<Country> s : index.countriesWith(actor)) {
      countries.add(
          pages.counted(
              pages.link(Routes.country(lang, s.item()), s.item().name()),
              s.item().code(),
              s.count()));
    }
    List<Counted> actors = new ArrayList<>();
    for (ActorIndex.Shared<Actor> s : index.actorsWith(actor)) {
      actors.add(
          pages.counted(
              pages.link(Routes.actor(lang, s.item()), s.item().name()), s.item().id(), s.count()));
    }
    Link country =
        actor.country().map(c -> pages.link(Routes.country(lang, c), c.name())).orElse(null);
    PageContext ctx =
        pages.context(Routes.actor(lang, actor), name, "actors", Routes.actor(lang.other(), actor));
    return new PageViews.ActorPage(
        ctx,
        name,
        otherName(actor),
        l.t("actor_kind_" + actor.kind().key()),
        country,
        roles,
        pages.count(byDate.size()),
        PeriodPages.index(pages, Routes.actor(lang, actor), byDate, false),
        pages.years(byDate.latest(PageBuilder.OVERVIEW_LATEST)),
        List.copyOf(countries),
        List.copyOf(actors));
  }

  /** The name as the other language writes it, marked with that language and direction. */
  private Link otherName(Actor actor) {
    Lang other = lang.other();
    return new Link(Routes.actor(other, actor), actor.name().get(other), other.code(), other.dir());
  }

  /** "since March 2025", "December 2024 – March 2025", or nothing when no date is known. */
  private String dates(Actor.Role role) {
    if (role.from().isPresent() && role.to().isPresent()) {
      return format(role.from().get()) + " – " + format(role.to().get());
    }
    if (role.from().isPresent()) {
      return l.t("role_since").replace("{date}", format(role.from().get()));
    }
    return role.to().map(d -> l.t("role_until").replace("{date}", format(d))).orElse(null);
  }

  private String format(PartialDate date) {
    return l.dates().format(date);
  }
}
