package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Schema;
import dev.mlsys.data.Table;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Streaming in a small heap: a JVM limited to 64 MiB reads 10,000,000 generated rows (about
 * 250 MB of CSV) in batches. Long: runs with {@code -Plong}.
 */
@EnabledIfSystemProperty(named = "mlsys.long", matches = "true")
class LargeInputTest {
  static final long ROWS = 10_000_000;

  @Test
  void tenMillionRowsThroughA64MegabyteHeap() throws Exception {
    Process p = new ProcessBuilder(List.of(
        new File(System.getProperty("java.home"), "bin/java").getPath(),
        "-Xmx64m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), Long.toString(ROWS)))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor(), output);
    assertEquals("rows=" + ROWS, output);
  }

  /** The child JVM: reads the generated rows in batches and prints how many it saw. */
  public static final class Main {
    private Main() {}

    public static void main(String[] args) {
      long rows = Long.parseLong(args[0]);
      Schema s = Schema.builder().numeric("x").categorical("c", "a", "b").text("t").build();
      long seen = 0;
      try (RowReader r = RowReader.csv(new TableIoTest.GeneratedCsv(rows), "generated.csv", s).open()) {
        while (r.hasNext()) {
          try (Table batch = r.nextBatch(65_536)) {
            seen += batch.rowCount();
          }
        }
      }
      System.out.println("rows=" + seen);
    }
  }
}
