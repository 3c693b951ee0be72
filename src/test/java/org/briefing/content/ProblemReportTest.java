package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a problem reads to an editor: in the terminal as {@code file:line:col: message}, on a pull
 * request as GitHub's annotation, and the "did you mean" hints for misspelt words. The expected
 * lines are written by hand.
 */
class ProblemReportTest {

  private static final Path FILE = Path.of("content/engagements/x/engagement.yaml");

  @Test
  void theTerminalLineNamesFileLineAndColumnWhenKnown() {
    assertEquals(
        "content/engagements/x/engagement.yaml:4:12: unknown country",
        new Problem(FILE, 4, 12, "unknown country").format());
    assertEquals(
        "content/engagements/x/engagement.yaml:4: no column",
        new Problem(FILE, 4, 0, "no column").format());
    assertEquals(
        "content/engagements/x/engagement.yaml: whole file",
        Problem.inFile(FILE, "whole file").format());
    assertEquals(
        "content/engagements/x/engagement.yaml:1:1: first character",
        Problem.at(new Position(FILE, 1, 1), "first character").format());
    assertEquals(
        "content/engagements/x/engagement.yaml: start",
        Problem.at(Position.startOf(FILE), "start").format());
  }

  @Test
  void thePullRequestAnnotationPointsAtTheSamePlace() {
    assertEquals(
        "::error file=content/engagements/x/engagement.yaml,line=4,col=12::unknown country",
        new Problem(FILE, 4, 12, "unknown country").formatForGitHub());
    assertEquals(
        "::error file=content/engagements/x/engagement.yaml,line=1::no column",
        new Problem(FILE, 1, 0, "no column").formatForGitHub());
    assertEquals(
        "::error file=content/engagements/x/engagement.yaml::whole file",
        Problem.inFile(FILE, "whole file").formatForGitHub());
  }

  @Test
  void aMessageOrPathWithLineBreaksPercentCommasOrColonsStaysOneAnnotation() {
    Problem odd = new Problem(Path.of("content/a,b:c%.yaml"), 2, 3, "50% done\r\nnext: line");
    assertEquals(
        "::error file=content/a%2Cb%3Ac%25.yaml,line=2,col=3::50%25 done%0D%0Anext: line",
        odd.formatForGitHub());
  }

  @Test
  void didYouMeanAllowsOneEditInShortWordsAndTwoInLongerOnes() {
    List<String> known = List.of("type", "countries", "summary");
    // "type" has 4 letters: one edit is a typo, two are another word
    assertEquals(Optional.of("type"), Suggestions.closest("typ", known));
    assertEquals(Optional.of("type"), Suggestions.closest("tpye", known)); // a swap is one edit
    assertEquals(Optional.empty(), Suggestions.closest("ty", known));
    assertEquals(Optional.empty(), Suggestions.closest("tapa", known));
    // five letters and more: two edits
    assertEquals(Optional.of("summary"), Suggestions.closest("sumary", known));
    assertEquals(Optional.of("summary"), Suggestions.closest("smuary", known));
    assertEquals(Optional.of("summary"), Suggestions.closest("sumry", known));
    assertEquals(Optional.of("countries"), Suggestions.closest("contris", known));
    assertEquals(Optional.empty(), Suggestions.closest("cntris", known));
    assertEquals(Optional.empty(), Suggestions.closest("summary", List.of()));
  }

  @Test
  void distancesCountEditsAndASwapOfNeighboursAsOne() {
    assertEquals(3, Suggestions.distance("", "abc"), "three letters added");
    assertEquals(3, Suggestions.distance("abc", ""), "three removed");
    assertEquals(1, Suggestions.distance("ab", "ba"), "a swap");
    assertEquals(2, Suggestions.distance("abcd", "badc"), "two swaps");
    assertEquals(0, Suggestions.distance("type", "type"));
    assertTrue(Suggestions.close("typ", "type"), "one edit in a short word");
    assertFalse(Suggestions.close("ty", "type"), "two");
    assertTrue(Suggestions.close("sumry", "summary"), "two edits in a longer one");
  }

  @Test
  void ofKnownWordsEquallyNearTheFirstIsSuggested() {
    assertEquals(Optional.of("bat"), Suggestions.closest("cat", List.of("bat", "hat")));
    assertEquals(Optional.of("hat"), Suggestions.closest("cat", List.of("hat", "bat")));
  }

  @Test
  void theNearestKnownWordIsSuggestedNotTheFirstNearEnough() {
    assertEquals(
        Optional.of("sources"), Suggestions.closest("sourcs", List.of("sorted", "sources")));
    assertEquals(
        Optional.of("sources"), Suggestions.closest("sourcs", List.of("sources", "sorted")));
  }
}
