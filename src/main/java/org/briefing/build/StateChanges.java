package org.briefing.build;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.briefing.archive.Archive;
import org.briefing.files.RecordPieces;
import org.briefing.model.Engagement;

/**
 * The changes a build that reused the last one made to its state, found from what the build did
 * rather than by comparing every entry: the records changed, the footprints made again, the files
 * written and dropped, the pieces of the files written, the folders whose times moved. Written
 * beside the last manifest (see {@link StateDelta}), they replace encoding all of it again.
 */
final class StateChanges {

  private StateChanges() {}

  /**
   * What this build changed in {@code last}, the state it read, for a build whose records were only
   * added, so that every footprint in {@code still} holds ({@link LastBuild#footprints}).
   *
   * @param records every record's hash now
   * @param changed the records added since {@code last}: none edited or removed, so no record's
   *     footprint is gone
   * @param still the footprints of {@code last} that still hold; every other record's is made again
   * @param written the files written, less those left as they were
   * @param planned every file of the site
   * @param pieces where each record's part of each file lies, as now written or kept
   * @param folders each output folder's time now
   */
  static StateDelta of(
      BuildState last,
      Map<String, String> records,
      Set<String> changed,
      Archive archive,
      Map<String, Set<String>> still,
      List<String> written,
      Set<String> planned,
      Map<String, Map<String, RecordPieces.Piece>> pieces,
      Map<String, Long> folders,
      Path out)
      throws IOException {
    StateDelta delta = StateDelta.none(0, 0);
    for (String id : changed) {
      String hash = records.get(id);
      if (hash == null || last.records().containsKey(id)) {
        throw new IllegalArgumentException(id + " was not only added since the last build");
      }
      delta.records().set().put(id, hash);
    }
    for (Engagement e : archive.engagements()) {
      if (!still.containsKey(e.id())) {
        Set<String> footprint = AffectedFiles.footprint(archive, e.id());
        if (!footprint.equals(last.footprints().get(e.id()))) {
          delta.footprints().set().put(e.id(), footprint);
        }
      }
    }
    int added = 0;
    for (String path : written) {
      delta.files().set().put(path, BuildState.output(out.resolve(path)));
      if (!last.files().containsKey(path)) {
        added++;
      }
    }
    // Every planned file is one the last build had, or one written now: the counts say whether
    // any of the last build's files is gone, without a look at each.
    if (last.files().size() + added != planned.size()) {
      for (String path : last.files().keySet()) {
        if (!planned.contains(path)) {
          delta.files().removed().add(path);
        }
      }
    }
    pieces.forEach(
        (file, byId) -> {
          if (!byId.equals(last.pieces().get(file))) {
            delta.pieces().set().put(file, byId);
          }
        });
    for (String file : last.pieces().keySet()) {
      if (!pieces.containsKey(file)) {
        delta.pieces().removed().add(file);
      }
    }
    int known = 0;
    for (Map.Entry<String, Long> folder : folders.entrySet()) {
      Long was = last.folders().get(folder.getKey());
      if (was != null) {
        known++;
      }
      if (!folder.getValue().equals(was)) {
        delta.folders().set().put(folder.getKey(), folder.getValue());
      }
    }
    if (known != last.folders().size()) {
      Set<String> gone = new HashSet<>(last.folders().keySet());
      gone.removeAll(folders.keySet());
      delta.folders().removed().addAll(gone);
    }
    return delta;
  }
}
