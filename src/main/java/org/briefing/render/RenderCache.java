package org.briefing.render;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.briefing.files.EarlierFiles;
import org.briefing.files.RecordPieces;
import org.briefing.files.RecordTerms;
import org.briefing.model.Engagement;
import org.briefing.model.Lang;

/**
 * What rendering makes of each record that many files share: its card in each language (every list
 * shows it) and, for the preview, its part of the files that carry every record (each language's
 * search records, the JSON and CSV exports), as bytes ready to write. An entry stays good for as
 * long as the record is the very same {@link Engagement} object: the preview reuses the objects of
 * records that did not change, so after an edit only the edited record's entries are made again.
 *
 * <p>Entries also depend on the templates' strings and on site.yaml; the preview starts a new cache
 * whenever those change. Thread-safe.
 */
public final class RenderCache {

  private record Entry(Engagement source, Object value) {}

  private final boolean keepRecordData;
  private final RecordPieces pieces;
  private final RecordTerms terms;
  private final EarlierFiles earlier;
  private final Map<String, Map<String, Entry>> kinds = new ConcurrentHashMap<>();

  /** A value made from many records, with those records: see {@link #madeFrom}. */
  private record Shared(List<Engagement> sources, Object value) {}

  private final Map<String, Shared> shared = new ConcurrentHashMap<>();

  /** For one build: cards only, since record data is written once and need not stay. */
  public RenderCache() {
    this(false, RecordPieces.none(), RecordTerms.none(), EarlierFiles.none());
  }

  /**
   * For one build that takes the parts and the search terms of unchanged records from the last
   * build, and, when records were only added, the files it left that the new records only add to.
   */
  public RenderCache(RecordPieces pieces, RecordTerms terms, EarlierFiles earlier) {
    this(false, pieces, terms, earlier);
  }

  private RenderCache(
      boolean keepRecordData, RecordPieces pieces, RecordTerms terms, EarlierFiles earlier) {
    this.keepRecordData = keepRecordData;
    this.pieces = pieces;
    this.terms = terms;
    this.earlier = earlier;
  }

  /** For the preview, which rebuilds after each edit: everything is kept. */
  public static RenderCache forPreview() {
    return new RenderCache(true, RecordPieces.none(), RecordTerms.none(), EarlierFiles.none());
  }

  /** The last build's files, when this build only adds records to what it built. */
  public EarlierFiles earlier() {
    return earlier;
  }

  /**
   * The search terms of {@code e} in {@code lang}, made by {@code make}: kept for the preview, and
   * taken from the last build by a build that reuses it.
   */
  public RecordTerms.Terms terms(Lang lang, Engagement e, Supplier<RecordTerms.Terms> make) {
    return keepRecordData
        ? get("terms-" + lang.code(), e, make)
        : terms.of(lang.code(), e.id(), make);
  }

  /**
   * Keeps the search terms of {@code e} in {@code lang}, made by {@code make}, for {@link #terms}
   * to find, unless they are known already. Nothing is made when nothing would keep them (a build
   * that records no terms).
   */
  public void offerTerms(Lang lang, Engagement e, Supplier<RecordTerms.Terms> make) {
    if (keepRecordData) {
      get("terms-" + lang.code(), e, make);
    } else {
      terms.offer(lang.code(), e.id(), make);
    }
  }

  /**
   * A record's part of a file that carries every record, made by {@code make}: kept for the
   * preview, made afresh for a one-off build (which writes it once).
   */
  public byte[] recordData(String kind, Engagement e, Supplier<byte[]> make) {
    return keepRecordData ? get(kind, e, make) : make.get();
  }

  /**
   * Writes the record {@code e}'s part of {@code file} (of {@code kind}, made by {@code make}) to
   * {@code out}, which counts from the file's first byte.
   */
  public void writeRecordData(
      String file, String kind, Engagement e, Supplier<byte[]> make, RecordPieces.Counting out)
      throws java.io.IOException {
    pieces.write(file, e.id(), out, () -> recordData(kind, e, make));
  }

  /**
   * The value of {@code kind} made from the records {@code sources} by {@code make}, unless the
   * last one made was made from the very same records in the same order: the preview asks again
   * after every edit, and most edits leave the records it is made from as they were. One value of
   * each kind is kept.
   */
  @SuppressWarnings("unchecked")
  public <T> T madeFrom(String kind, List<Engagement> sources, Supplier<T> make) {
    Shared last = shared.get(kind);
    if (last != null && sameObjects(last.sources(), sources)) {
      return (T) last.value();
    }
    T value = make.get();
    shared.put(kind, new Shared(List.copyOf(sources), value));
    return value;
  }

  private static boolean sameObjects(List<Engagement> a, List<Engagement> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of {@code kind} for {@code e}, made by {@code make} unless {@code e} already has one.
   */
  @SuppressWarnings("unchecked")
  <T> T get(String kind, Engagement e, Supplier<T> make) {
    Map<String, Entry> entries = kinds.computeIfAbsent(kind, k -> new ConcurrentHashMap<>());
    Entry entry = entries.get(e.id());
    if (entry != null && entry.source() == e) {
      return (T) entry.value();
    }
    T value = make.get();
    entries.put(e.id(), new Entry(e, value));
    return value;
  }
}
