package org.briefing.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.briefing.model.Lang;
import org.junit.jupiter.api.Test;

/**
 * The order names take in each language's lists. The expected orders are written out by hand, as an
 * Arabic index would print them: by the first letter after the article «ال».
 */
class CollationTest {

  private static List<String> sorted(Lang lang, List<String> names) {
    List<String> shuffled = new ArrayList<>(names);
    Collections.reverse(shuffled);
    shuffled.sort(Collation.of(lang).names());
    return shuffled;
  }

  @Test
  void arabicCountryNamesAreFiledAfterTheirArticle() {
    List<String> expected =
        List.of("تركيا", "سوريا", "الصومال", "فرنسا", "قطر", "الولايات المتحدة");
    assertEquals(
        expected,
        sorted(Lang.AR, List.of("الولايات المتحدة", "الصومال", "قطر", "فرنسا", "تركيا", "سوريا")));
  }

  @Test
  void arabicNamesWithAndWithoutTheArticleInterleave() {
    assertEquals(
        List.of("الأردن", "البحرين", "بنغلاديش", "الجزائر", "جيبوتي", "مصر", "المغرب"),
        sorted(
            Lang.AR,
            List.of("المغرب", "مصر", "جيبوتي", "الجزائر", "بنغلاديش", "البحرين", "الأردن")));
  }

  @Test
  void arabicTypeLabelsFollowTheAlphabetLetterByLetter() {
    assertEquals(
        List.of(
            "اتصال هاتفي",
            "اتفاقية",
            "اجتماع",
            "تقرير",
            "خطوة دبلوماسية",
            "دعم أمني",
            "زيارة",
            "عملية أمنية",
            "عملية مشتركة"),
        sorted(
            Lang.AR,
            List.of(
                "زيارة",
                "عملية مشتركة",
                "اتفاقية",
                "تقرير",
                "عملية أمنية",
                "اجتماع",
                "دعم أمني",
                "خطوة دبلوماسية",
                "اتصال هاتفي")));
  }

  @Test
  void aWordThatOnlyBeginsLikeTheArticleKeepsItsLetters() {
    // «ألمانيا» and «إيران» begin with an alif that carries hamza, not with the article, and
    // sort together under alif; «اليمن» is filed under ي.
    assertEquals(
        List.of("ألمانيا", "إيران", "اليمن"),
        sorted(Lang.AR, List.of("اليمن", "إيران", "ألمانيا")));
  }

  @Test
  void aThreeLetterNameBeginningWithAlifLamIsNotReadAsTheArticle() {
    // «الف» is a word of its own, not the article and one letter: it stays under alif, before
    // ب, where «ال» + «ف» would put it after.
    assertEquals(List.of("الف", "باب"), sorted(Lang.AR, List.of("باب", "الف")));
  }

  @Test
  void englishNamesFollowTheEnglishAlphabetIgnoringCase() {
    assertEquals(
        List.of("France", "qatar", "Somalia", "Syria", "Turkey", "United States"),
        sorted(Lang.EN, List.of("United States", "Turkey", "Syria", "Somalia", "qatar", "France")));
  }
}
