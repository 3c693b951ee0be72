package org.briefing.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code serve} from the command line; the preview itself is tested in org.briefing.serve. */
class ServeCommandTest {

  @Test
  void aBusyPortIsAUsageErrorThatSaysWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      ExitCode code =
          new Main(stream, stream, Map.of())
              .run(new String[] {"serve", "--port", String.valueOf(taken.getLocalPort())});
      String printed = bytes.toString(StandardCharsets.UTF_8);
      assertEquals(ExitCode.USAGE, code, printed);
      assertTrue(
          printed.startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), printed);
      assertTrue(printed.contains("--port 0"), printed);
    }
  }
}
