package org.briefing.bench;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import org.briefing.archive.Archive;
import org.briefing.i18n.Strings;
import org.briefing.markdown.MarkdownRenderer;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;
import org.briefing.render.RenderCache;

/**
 * Reaches the render stage's package-private page builder and template engine, so one page can be
 * timed on its own without moving benchmark code into {@code src/main}. Reflection is paid once, at
 * set-up; the calls go through method handles. If these signatures change, the benchmark fails at
 * set-up with the name of what moved.
 */
final class RenderInternals {

  private static final String PAGE_BUILDER = "org.briefing.render.PageBuilder";
  private static final String TEMPLATE_ENGINE = "org.briefing.render.TemplateEngine";

  private final Object pages;
  private final Object engine;
  private final MethodHandle engagement;
  private final MethodHandle timeline;
  private final MethodHandle render;

  RenderInternals(Archive archive, Lang lang, Path templates) {
    try {
      Class<?> builderClass = Class.forName(PAGE_BUILDER);
      Constructor<?> builder =
          builderClass.getDeclaredConstructor(
              Archive.class, Lang.class, Strings.class, MarkdownRenderer.class, RenderCache.class);
      builder.setAccessible(true);
      pages =
          builder.newInstance(
              archive,
              lang,
              Strings.load(templates.resolve("strings.yaml")),
              new MarkdownRenderer(),
              new RenderCache());
      Class<?> engineClass = Class.forName(TEMPLATE_ENGINE);
      Constructor<?> engineConstructor = engineClass.getDeclaredConstructor(File.class);
      engineConstructor.setAccessible(true);
      engine = engineConstructor.newInstance(templates.toFile());
      engagement = handle(builderClass.getDeclaredMethod("engagement", Engagement.class));
      timeline = handle(builderClass.getDeclaredMethod("timeline"));
      render = handle(engineClass.getDeclaredMethod("render", String.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the render stage's internals changed; update "
              + RenderInternals.class.getName()
              + ": "
              + e,
          e);
    }
  }

  private static MethodHandle handle(Method method) throws IllegalAccessException {
    method.setAccessible(true);
    return MethodHandles.lookup().unreflect(method);
  }

  /** PageBuilder.engagement(e).orElseThrow(): the view, with the body rendered to HTML. */
  Object engagementView(Engagement e) {
    try {
      return ((java.util.Optional<?>) engagement.invoke(pages, e)).orElseThrow();
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** PageBuilder.timeline(): every record as a card, grouped by year and month. */
  Object timelineView() {
    try {
      return timeline.invoke(pages);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  /** TemplateEngine.render(template, view), as SiteRenderer calls it. */
  String render(String template, Object view) {
    try {
      return (String) render.invoke(engine, template, view);
    } catch (Throwable t) {
      throw rethrow(t);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t);
  }
}
