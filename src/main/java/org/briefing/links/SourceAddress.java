package org.briefing.links;

import java.util.ArrayList;
import java.util.List;
import org.briefing.content.LoadedContent;
import org.briefing.content.Position;
import org.briefing.content.RecordFolder;
import org.briefing.content.YamlNode;

/**
 * A web address a record gives for one of its sources, and where it is written.
 *
 * @param field {@code url} or {@code archive_url}
 * @param position the address's first character in {@code engagement.yaml}
 */
public record SourceAddress(String field, String url, Position position) {

  /**
   * Every {@code url} and {@code archive_url} under {@code sources:} in the records' {@code
   * engagement.yaml}, in folder order, then as written. Reads the files as loaded; the content is
   * expected to have passed {@code check}, and anything not shaped as a source list is skipped.
   */
  public static List<SourceAddress> all(LoadedContent content) {
    List<SourceAddress> out = new ArrayList<>();
    for (RecordFolder record : content.records()) {
      record
          .facts()
          .ifPresent(
              doc -> {
                if (doc.root() instanceof YamlNode.Mapping facts
                    && facts.entries().get("sources") instanceof YamlNode.Sequence sources) {
                  for (YamlNode source : sources.items()) {
                    if (source instanceof YamlNode.Mapping fields) {
                      for (String field : List.of("url", "archive_url")) {
                        if (fields.entries().get(field) instanceof YamlNode.Scalar value
                            && !value.isNull()) {
                          out.add(new SourceAddress(field, value.text().strip(), value.position()));
                        }
                      }
                    }
                  }
                }
              });
    }
    return out;
  }
}
