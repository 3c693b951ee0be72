package org.briefing.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.briefing.content.Problem;
import org.briefing.content.YamlNode;

/** The rule for every web address an editor writes: http or https, with a host. */
final class WebAddress {

  private WebAddress() {}

  /** The address as written (trimmed), or empty with a problem saying how to write it. */
  static Optional<String> check(YamlNode.Scalar s, List<Problem> problems) {
    return check(s, "url", problems);
  }

  /** As {@link #check(YamlNode.Scalar, List)}, for the field {@code key} (in the message). */
  static Optional<String> check(YamlNode.Scalar s, String key, List<Problem> problems) {
    String text = s.text().strip();
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return Optional.of(text);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        Problem.at(
            s.position(),
            key
                + " \""
                + text
                + "\" is not a web address; write the"
                + " full address starting with https:// or http://, or leave "
                + key
                + " out"));
    return Optional.empty();
  }
}
