package org.briefing.render;

import java.nio.file.Path;
import org.briefing.i18n.Strings;

/**
 * The templates folder, read: its Freemarker engine with every page template already parsed, and
 * the interface's strings. Reading it depends on nothing in the content, so a build reads it on a
 * core of its own while the content is loaded and checked: on the seed site these steps are most of
 * the time before the first page is written.
 *
 * @param folder the templates folder: {@code .ftlh} files, {@code strings.yaml} and {@code assets/}
 * @param engine the folder's templates
 * @param strings the interface's words, from {@code strings.yaml}
 */
public record TemplateSet(Path folder, TemplateEngine engine, Strings strings) {

  /**
   * Reads {@code folder}.
   *
   * @throws org.briefing.i18n.TemplateProblemException when the folder is missing or the strings
   *     file is wrong; a template that does not parse is reported by the first page that uses it
   */
  public static TemplateSet read(Path folder) {
    TemplateEngine engine = new TemplateEngine(folder.toFile());
    Strings strings = Strings.load(folder.resolve("strings.yaml"));
    engine.parseAll();
    return new TemplateSet(folder, engine, strings);
  }
}
