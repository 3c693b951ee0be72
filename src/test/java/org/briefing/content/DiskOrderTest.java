package org.briefing.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record folders are read in the order the disk keeps them, and the loader still gets them in name
 * order: what an editor sees (problems, pages) must not depend on where the file system put them.
 */
class DiskOrderTest {

  @TempDir Path dir;

  @Test
  void aFolderHasAPlaceAndAnythingElseNone() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("2025-01-20-qa-sy-visit"));
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a record");
    Path link = Files.createSymbolicLink(dir.resolve("2025-01-21-qa-sy-visit"), folder);

    Optional<Long> place = DiskOrder.folder(folder);
    assertTrue(place.isPresent(), "a folder is read");
    assertEquals(
        Files.getAttribute(folder, "unix:ino"), place.get(), "where the file system keeps it");
    assertEquals(Optional.empty(), DiskOrder.folder(file), "a file is not a record folder");
    assertEquals(Optional.empty(), DiskOrder.folder(link), "a link to a folder is not followed");
    assertEquals(Optional.empty(), DiskOrder.folder(dir.resolve("gone")), "nor is a missing one");
  }

  @Test
  void foldersAreReadByPlaceAndReturnedInTheirOwnOrder() {
    List<Path> folders =
        List.of(dir.resolve("a"), dir.resolve("b"), dir.resolve("c"), dir.resolve("d"));
    Map<Path, Long> places = new HashMap<>();
    places.put(folders.get(0), 30L);
    places.put(folders.get(1), 10L);
    places.put(folders.get(2), 20L);
    places.put(folders.get(3), 10L); // same place as b: b first, as in the list
    assertArrayEquals(
        new int[] {1, 3, 2, 0},
        DiskOrder.byPlace(folders, places),
        "b and d (same place, in the list's order), c, a");

    List<String> read =
        DiskOrder.each(
            folders,
            places,
            folder -> folder.getFileName().toString().toUpperCase(java.util.Locale.ROOT));
    assertEquals(List.of("A", "B", "C", "D"), read, "results in the folders' order");
  }

  @Test
  void manyFoldersOnManyThreadsAreEachReadOnce() {
    List<Path> folders = new ArrayList<>();
    Map<Path, Long> places = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      Path folder = dir.resolve(String.format("r%03d", i));
      folders.add(folder);
      places.put(folder, (long) ((i * 7919) % 500));
    }
    List<Path> visits = Collections.synchronizedList(new ArrayList<>());

    List<Path> read =
        new ForkJoinPool(8)
            .submit(
                () ->
                    DiskOrder.each(
                        folders,
                        places,
                        folder -> {
                          visits.add(folder);
                          return folder;
                        }))
            .join();

    assertEquals(folders, read);
    assertEquals(500, visits.size());
    assertEquals(500, new java.util.HashSet<>(visits).size());
  }
}
