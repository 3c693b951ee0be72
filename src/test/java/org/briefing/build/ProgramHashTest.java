package org.briefing.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build reuses the last one only with the same program: the program's hash must change with its
 * bytes, and with nothing else. Otherwise a jar copied to another name (as a release or a benchmark
 * does) renders every page again.
 */
class ProgramHashTest {

  @Test
  void theSameJarUnderAnotherNameIsTheSameProgram(@TempDir Path dir) throws IOException {
    Path jar = Files.write(dir.resolve("briefing.jar"), new byte[] {'P', 'K', 1, 2, 3});
    Path copy = Files.copy(jar, Files.createDirectory(dir.resolve("elsewhere")).resolve("b.jar"));
    assertEquals(BuildInputs.programAt(jar), BuildInputs.programAt(copy));
  }

  @Test
  void oneByteMoreOrOtherIsAnotherProgram(@TempDir Path dir) throws IOException {
    Path jar = Files.write(dir.resolve("a.jar"), new byte[] {'P', 'K', 1, 2, 3});
    Path other = Files.write(dir.resolve("b.jar"), new byte[] {'P', 'K', 1, 2, 4});
    Path longer = Files.write(dir.resolve("c.jar"), new byte[] {'P', 'K', 1, 2, 3, 0});
    assertNotEquals(BuildInputs.programAt(jar), BuildInputs.programAt(other));
    assertNotEquals(BuildInputs.programAt(jar), BuildInputs.programAt(longer));
  }

  @Test
  void inAFolderOfClassesTheNamesCountToo(@TempDir Path dir) throws IOException {
    // Two classes swapping their bytes are another program, though the same bytes are there.
    Path one = Files.createDirectories(dir.resolve("one/org/x"));
    Files.writeString(one.resolve("A.class"), "first");
    Files.writeString(one.resolve("B.class"), "second");
    Path two = Files.createDirectories(dir.resolve("two/org/x"));
    Files.writeString(two.resolve("A.class"), "second");
    Files.writeString(two.resolve("B.class"), "first");
    Path three = Files.createDirectories(dir.resolve("three/org/x"));
    Files.writeString(three.resolve("A.class"), "first");
    Files.writeString(three.resolve("B.class"), "second");
    assertNotEquals(
        BuildInputs.programAt(dir.resolve("one")), BuildInputs.programAt(dir.resolve("two")));
    assertEquals(
        BuildInputs.programAt(dir.resolve("one")), BuildInputs.programAt(dir.resolve("three")));
  }
}
