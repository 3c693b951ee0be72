package org.briefing.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where the preview puts its script in a page. */
class ReloadScriptTest {

  @Test
  void theScriptGoesBeforeTheLastClosingBody() {
    String page = "<html><body><p>&lt;/body&gt;</p></body>\n</html>\n";
    assertEquals(
        "<html><body><p>&lt;/body&gt;</p>" + ReloadScript.tag(7) + "\n</body>\n</html>\n",
        ReloadScript.inject(page, 7));
  }

  @Test
  void anUppercaseBodyIsFoundToo() {
    assertEquals(
        "<BODY>x" + ReloadScript.tag(1) + "\n</BODY>", ReloadScript.inject("<BODY>x</BODY>", 1));
  }

  @Test
  void aPageWithoutBodyGetsTheScriptAtItsEnd() {
    assertEquals("<p>x</p>\n" + ReloadScript.tag(2) + "\n", ReloadScript.inject("<p>x</p>", 2));
  }

  @Test
  void theTagNamesTheBuildAndTheScriptPollsTheCounter() {
    assertEquals(
        "<script src=\"/__preview/reload.js\" data-version=\"3\"></script>", ReloadScript.tag(3));
    assertTrue(ReloadScript.SOURCE.contains("'/__preview/version?page='"));
    assertTrue(
        ReloadScript.SOURCE.contains("item.dir = 'auto'"), "problem lines isolate their direction");
    assertTrue(
        ReloadScript.SOURCE.contains("textContent"), "problems are shown as text, never as HTML");
  }
}
