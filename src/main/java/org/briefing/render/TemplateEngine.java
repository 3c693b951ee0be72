package org.briefing.render;

import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.briefing.content.Problem;
import org.briefing.i18n.TemplateProblemException;

/**
 * Freemarker, configured so templates can only present: output is HTML-escaped unless a template
 * asks otherwise ({@code .ftlh}), templates cannot create Java objects ({@code ?new} resolves no
 * class) or reach the object behind a value ({@code ?api} is off), and nothing depends on the
 * machine's locale or time zone. Values are always data: nothing a record says is ever parsed as a
 * template.
 *
 * <p>Public so the security tests can render through this very configuration; the site itself uses
 * it only through {@link Pages}.
 *
 * <p>Thread-safe: the configuration is built once and Freemarker's templates may be processed
 * concurrently.
 */
public final class TemplateEngine {

  private static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_33;

  private final Configuration config;
  private final java.nio.file.Path folder;

  /** Templates are read from {@code templates}, a folder of {@code .ftlh} files. */
  public TemplateEngine(File templates) {
    folder = templates.toPath();
    config = new Configuration(VERSION);
    try {
      config.setDirectoryForTemplateLoading(templates);
    } catch (IOException e) {
      throw new TemplateProblemException(
          List.of(
              Problem.inFile(
                  templates.toPath(), "templates folder not found; pass --templates DIR")));
    }
    config.setDefaultEncoding("UTF-8");
    // Templates are read once per engine: a build never sees them change, and the preview makes
    // a new engine when they do. (Checking costs a path resolution per page otherwise.)
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    // Every template is HTML (.ftlh), escaped by Freemarker's rules in a faster loop.
    config.setOutputFormat(HtmlEscaping.INSTANCE);
    config.setRecognizeStandardFileExtensions(false);
    config.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    // Pages carry no machine-dependent formatting: numbers and dates come preformatted.
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(VERSION);
    wrapper.setExposeFields(false);
    config.setObjectWrapper(new ViewWrapper(wrapper));
  }

  /**
   * Parses every template of the folder now, so that pages find them parsed. A template that does
   * not parse is reported by the first page that renders it.
   */
  void parseAll() {
    String[] names = folder.toFile().list((dir, name) -> name.endsWith(".ftlh"));
    if (names == null) {
      return; // the constructor has already said the folder is missing
    }
    for (String name : names) {
      try {
        config.getTemplate(name);
      } catch (IOException e) {
        // ParseException is one: render() reports it, with its line, to the page that asks
      }
    }
  }

  /** Renders {@code name} (such as {@code engagement.ftlh}) with the page view as its data. */
  public String render(String name, Object page) {
    StringWriter out = new StringWriter(16 * 1024);
    render(name, page, out);
    return out.toString();
  }

  /**
   * Renders {@code name} with the page view as its data straight into {@code out}.
   *
   * @throws UncheckedIOException when {@code out} cannot be written (the disk, not the template)
   */
  public void render(String name, Object page, Writer out) {
    Template template;
    try {
      template = config.getTemplate(name);
    } catch (ParseException e) {
      throw parseProblem(name, e);
    } catch (IOException e) {
      // Freemarker keeps a failed parse, and gives every later caller (the early parse, the other
      // render thread) a read error whose cause is the parse error: the editor still gets its line.
      if (e.getCause() instanceof ParseException parse) {
        throw parseProblem(name, parse);
      }
      throw new TemplateProblemException(
          List.of(Problem.inFile(folder.resolve(name), "could not be read: " + e.getMessage())));
    }
    try {
      template.process(page, out);
    } catch (TemplateException e) {
      throw new TemplateProblemException(
          List.of(
              new Problem(
                  folder.resolve(name),
                  e.getLineNumber() == null ? 0 : e.getLineNumber(),
                  e.getColumnNumber() == null ? 0 : e.getColumnNumber(),
                  e.getMessageWithoutStackTop())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TemplateProblemException parseProblem(String name, ParseException e) {
    return new TemplateProblemException(
        List.of(
            new Problem(
                folder.resolve(name),
                e.getLineNumber(),
                e.getColumnNumber(),
                e.getEditorMessage())));
  }
}
