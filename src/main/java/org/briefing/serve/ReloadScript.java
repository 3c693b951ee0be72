package org.briefing.serve;

/**
 * The script the preview adds to every HTML page it serves (never to the built files): it asks
 * {@value #VERSION_PATH} whether anything changed since the page was served (the question waits at
 * the preview until something does, so the answer comes the moment a build ends), reloads the page
 * when a build rewrote what it shows, and shows a failed rebuild's problems in a box over the page.
 *
 * <p>It is served as a same-origin file ({@value #PATH}) rather than inline, so it keeps working if
 * the templates adopt a Content-Security-Policy, and it styles its box through the DOM for the same
 * reason.
 */
final class ReloadScript {

  /** Where the preview serves this script. */
  static final String PATH = "/__preview/reload.js";

  /** Where the preview serves its state: {@code {"version":3,"problems":["..."]}}. */
  static final String VERSION_PATH = "/__preview/version";

  private ReloadScript() {}

  /** The tag that loads the script, naming the build the page comes from. */
  static String tag(int version) {
    return "<script src=\"" + PATH + "\" data-version=\"" + version + "\"></script>";
  }

  /** {@code html} with the script tag before its last {@code </body>}, or at its end. */
  static String inject(String html, int version) {
    String tag = tag(version);
    for (int i = html.length() - "</body>".length(); i >= 0; i--) {
      if (html.regionMatches(true, i, "</body>", 0, "</body>".length())) {
        return html.substring(0, i) + tag + "\n" + html.substring(i);
      }
    }
    return html + "\n" + tag + "\n";
  }

  static final String SOURCE =
      """
      // Added by `briefing serve` to the pages it previews; never part of the built site.
      (function () {
        'use strict';
        var script = document.currentScript;
        var version = Number(script ? script.getAttribute('data-version') : 0);
        var box = null;
        var shown = '[]';

        function showProblems(problems, goodVersion) {
          if (box) {
            box.remove();
            box = null;
          }
          if (problems.length === 0) {
            return;
          }
          box = document.createElement('div');
          box.setAttribute('role', 'alert');
          box.dir = 'ltr';
          var s = box.style;
          s.position = 'fixed';
          s.left = '0';
          s.right = '0';
          s.bottom = '0';
          s.zIndex = '2147483647';
          s.maxHeight = '50vh';
          s.overflow = 'auto';
          s.margin = '0';
          s.padding = '0.75em 1em';
          s.background = '#fff4f4';
          s.color = '#5c0000';
          s.borderTop = '3px solid #b00020';
          s.font = '14px/1.5 ui-monospace, Menlo, Consolas, monospace';
          s.whiteSpace = 'pre-wrap';
          s.textAlign = 'left';
          var head = document.createElement('strong');
          head.textContent = problems.length + (problems.length === 1 ? ' problem' : ' problems')
              + ' in the last change; ' + (goodVersion > 0
                  ? 'this page shows the last good build.' : 'nothing has been built yet.');
          box.appendChild(head);
          problems.forEach(function (line) {
            var item = document.createElement('div');
            item.dir = 'auto';
            item.textContent = line;
            box.appendChild(item);
          });
          document.body.appendChild(box);
        }

        function poll() {
          fetch('%s?page=' + encodeURIComponent(location.pathname) + '&since=' + version,
              { cache: 'no-store' })
            .then(function (response) { return response.json(); })
            .then(function (state) {
              if (state.reload) {
                location.reload();
                return;
              }
              version = state.version; // what changed is not on this page
              var problems = JSON.stringify(state.problems);
              if (problems !== shown) {
                shown = problems;
                showProblems(state.problems, state.version);
              }
              setTimeout(poll, 0);
            })
            .catch(function () {
              setTimeout(poll, 1000); // the preview is stopped or restarting
            });
        }

        poll();
      })();
      """
          .formatted(VERSION_PATH);
}
