package org.briefing.content;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Loaded records in a form tests can compare, whichever way they were read. */
final class LoadedRecords {

  private LoadedRecords() {}

  /** The records as read, with every body read into memory, as a load without memory has them. */
  static List<RecordFolder> inMemory(LoadedContent loaded) {
    return loaded.records().stream()
        .map(
            folder -> {
              Map<String, MarkdownFile> texts = new TreeMap<>();
              folder
                  .texts()
                  .forEach(
                      (lang, text) ->
                          texts.put(
                              lang,
                              new MarkdownFile(
                                  text.file(), text.frontMatter(), text.body().text())));
              return new RecordFolder(
                  folder.id(), folder.dir(), folder.facts(), Map.copyOf(texts), folder.hash());
            })
        .toList();
  }

  /** The problems of a load, as an editor reads them. */
  static List<String> messages(LoadedContent loaded) {
    return loaded.problems().stream().map(Problem::format).toList();
  }
}
