package org.briefing.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateNumberModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.briefing.i18n.Localizer;
import org.briefing.i18n.Strings;
import org.briefing.i18n.TemplateProblemException;
import org.briefing.model.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates read page views through {@link ViewWrapper}: what they show must be exactly what
 * Freemarker's own bean model showed, and a mistake in a template must still name its line.
 */
class ViewWrapperTest {

  /** Public, like every page view, so its components are read through their accessors. */
  public record Item(String title, boolean current, List<String> tags, Integer count, Item next) {
    public String shout() {
      return title.toUpperCase(java.util.Locale.ROOT);
    }

    public boolean sameTitleAs(Item other) {
      return title.equals(other.title);
    }
  }

  public record Page(Item item, Localizer l) {}

  /** Not public: the bean model, not the wrapper, decides what a template may read of it. */
  record Hidden(String title) {}

  private static final Strings STRINGS =
      Strings.load(RenderedSite.TEMPLATES.resolve("strings.yaml"));

  private static String render(Path dir, String template, Object page) throws IOException {
    Files.writeString(dir.resolve("t.ftlh"), template, StandardCharsets.UTF_8);
    return new TemplateEngine(dir.toFile()).render("t.ftlh", page);
  }

  private static Page page(Item item, Lang lang) {
    return new Page(item, new Localizer(lang, STRINGS, false));
  }

  @Test
  void componentsOfEveryKindReadAsTheBeanModelReadThem(@TempDir Path dir) throws IOException {
    Item next = new Item("Later <one>", false, List.of(), null, null);
    Item item = new Item("Talks & visits", true, List.of("ly", "om"), 3, next);
    String out =
        render(
            dir,
            "${item.title}|${item.current?c}|<#list item.tags as t>${t};</#list>|${item.count + 1}"
                + "|${item.next.title}|${item.next.count!'none'}|${item.next.next???c}"
                + "|${item.tags?size}|${item.next.tags?has_content?c}",
            page(item, Lang.EN));
    assertEquals("Talks &amp; visits|true|ly;om;|4|Later &lt;one&gt;|none|false|2|false", out);
  }

  @Test
  void methodsAndComponentsCanBeCalledAsTheBeanModelAllowed(@TempDir Path dir) throws IOException {
    Item item = new Item("Talks", false, List.of(), 0, null);
    assertEquals(
        "TALKS|Talks|Talks",
        render(dir, "${item.shout()}|${item.title()}|${item.title}", page(item, Lang.EN)));
  }

  @Test
  void aRecordPassedToAMethodArrivesAsItself(@TempDir Path dir) throws IOException {
    Item item =
        new Item("Talks", false, List.of(), 0, new Item("Talks", false, List.of(), 0, null));
    assertEquals(
        "true|true|true",
        render(
            dir,
            "${item.sameTitleAs(item.next)?c}|${item?has_content?c}|${l?has_content?c}",
            page(item, Lang.EN)));
  }

  @Test
  void theLocalizersOtherMethodsStillWork(@TempDir Path dir) throws IOException {
    Item item = new Item("x", false, List.of(), 0, null);
    assertEquals("٢٠٢٥", render(dir, "${l.n(2025)}", new Page(item, arabicDigits())));
  }

  private static Localizer arabicDigits() {
    return new Localizer(Lang.AR, STRINGS, true);
  }

  /** The one problem {@code template} is reported with: its line, and a message naming it. */
  private static void assertProblem(
      Path dir, String template, Object page, int line, String named) {
    TemplateProblemException e =
        assertThrows(TemplateProblemException.class, () -> render(dir, template, page));
    assertEquals(line, e.problems().get(0).line(), e.problems().toString());
    assertTrue(e.problems().get(0).message().contains(named), e.problems().toString());
  }

  @Test
  void aRecordThatIsNotPublicStaysOutOfReachAsBefore(@TempDir Path dir) {
    // The bean model exposes no member of a class that is not public; neither does the wrapper.
    assertProblem(dir, "${h.title}", java.util.Map.of("h", new Hidden("kept")), 1, "h.title");
  }

  @Test
  void valuesWrappedOnTheirOwnAreTheModelsTheDefaultWrapperMakes() throws Exception {
    // A value a template passes back is wrapped again: the same model, and numbers as numbers.
    var settings = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33);
    ViewWrapper views = new ViewWrapper(settings);
    DefaultObjectWrapper plain = settings.build();
    SimpleScalar text = new SimpleScalar("Doha");
    assertSame(text, views.wrap(text));
    for (Object number : List.of(7, 2_026L, 2.5)) {
      TemplateModel model = views.wrap(number);
      assertEquals(plain.wrap(number).getClass(), model.getClass(), number.toString());
      assertEquals(number, ((TemplateNumberModel) model).getAsNumber());
    }
  }

  @Test
  void theLocalizerTranslatesInThePagesLanguage(@TempDir Path dir) throws IOException {
    Item item = new Item("x", false, List.of(), 0, null);
    String template = "<#assign l = l>${l.t(\"home\")}";
    assertEquals(STRINGS.get(Lang.EN, "home"), render(dir, template, page(item, Lang.EN)));
    assertEquals(STRINGS.get(Lang.AR, "home"), render(dir, template, page(item, Lang.AR)));
  }

  @Test
  void anUnknownStringKeyNamesTheKeyAndTheLine(@TempDir Path dir) {
    Page page = page(new Item("x", false, List.of(), 0, null), Lang.EN);
    assertProblem(dir, "line one\n${l.t(\"no.such.key\")}", page, 2, "no.such.key");
  }

  @Test
  void theLocalizerTakesOneStringOnly(@TempDir Path dir) {
    Page page = page(new Item("x", false, List.of(), 0, null), Lang.EN);
    assertProblem(dir, "${l.t(\"home\", 2)}", page, 1, "one string");
  }

  @Test
  void aMisspelledComponentIsReportedWithItsLine(@TempDir Path dir) {
    Page page = page(new Item("x", false, List.of(), 0, null), Lang.EN);
    assertProblem(dir, "a\nb\n${item.titel}", page, 3, "titel");
  }
}
