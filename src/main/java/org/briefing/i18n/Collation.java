package org.briefing.i18n;

import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import org.briefing.model.Lang;

/**
 * The order of names in each language, the one order every list and filter of a page uses. English
 * follows the English collator. Arabic follows the Arabic collator and, as Arabic indexes and
 * dictionaries do, files a name under its first letter after the article «ال»: الصومال sorts with
 * ص, between سوريا and فرنسا.
 *
 * <p>{@link Collator} for {@code ar} (from the JDK's locale data) orders the letters and folds the
 * hamza forms of alif; nothing the site's names need is missing from it, so no second collation
 * library is needed. Thread-safe: the JDK's collators synchronize {@code compare}.
 */
public final class Collation {

  private static final String ARTICLE = "ال";

  private final Lang lang;
  private final Collator collator;

  private Collation(Lang lang) {
    this.lang = lang;
    this.collator = Collator.getInstance(Locale.forLanguageTag(lang.code()));
    // Letters first, then marks: a name with diacritics sorts beside the same name without.
    this.collator.setStrength(Collator.TERTIARY);
  }

  private static final Collation ARABIC = new Collation(Lang.AR);
  private static final Collation ENGLISH = new Collation(Lang.EN);

  public static Collation of(Lang lang) {
    return lang == Lang.AR ? ARABIC : ENGLISH;
  }

  /** Orders names as this language's lists do; equal sort keys fall back to the whole name. */
  public Comparator<String> names() {
    return (a, b) -> {
      int byKey = collator.compare(sortKey(a), sortKey(b));
      return byKey != 0 ? byKey : collator.compare(a, b);
    };
  }

  /** Orders {@code items} by the name {@code name} gives each. */
  public <T> Comparator<T> by(Function<T, String> name) {
    Comparator<String> names = names();
    return (a, b) -> names.compare(name.apply(a), name.apply(b));
  }

  /** What a name is filed under: an Arabic name without its leading article. */
  String sortKey(String name) {
    String stripped = name.strip();
    if (lang == Lang.AR
        && stripped.startsWith(ARTICLE)
        && stripped.codePointCount(0, stripped.length()) > ARTICLE.length() + 1) {
      return stripped.substring(ARTICLE.length());
    }
    return stripped;
  }
}
