package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.data.TestData;
import dev.mlsys.data.schema.SchemaInference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Damage to random lines of real files (income.csv, with its missing values, and pima): the
 * damaged lines are collected untouched at their line numbers and every other line reads exactly
 * as it does from the clean file.
 */
class RealDataCorruptionProperties {
  static final List<String> FILES = List.of("income.csv", "pima_diabetes.csv");
  static final Map<String, Schema> SCHEMAS = new TreeMap<>();
  static final Map<String, List<String>> LINES = new TreeMap<>();
  static final Map<String, List<Row>> CLEAN = new TreeMap<>();

  @BeforeContainer
  static void readCleanFiles() throws IOException {
    for (String f : FILES) {
      Schema s = SchemaInference.defaults().sampleRows(Integer.MAX_VALUE).inferCsv(TestData.path(f), CsvFormat.DEFAULT)
          .schema();
      SCHEMAS.put(f, s);
      LINES.put(f, Files.readAllLines(TestData.path(f), StandardCharsets.UTF_8));
      try (RowReader r = RowReader.csv(TestData.path(f), s).open()) {
        CLEAN.put(f, r.stream().toList());
      }
    }
  }

  /** A damage to one line: which line (index into the data lines) and how. */
  record Hit(int line, int kind) {}

  @Property(tries = 20)
  void damagedLinesAreCollectedAndTheRestIsUnchanged(@ForAll("files") String file, @ForAll("hits") List<Hit> hits) {
    List<String> lines = LINES.get(file);
    int dataLines = lines.size() - 1;
    Map<Integer, byte[]> damaged = new TreeMap<>();
    for (Hit h : hits) {
      int i = h.line() % dataLines;
      String l = lines.get(i + 1);
      byte[] bytes = switch (h.kind()) {
        case 0 -> l.substring(0, l.lastIndexOf(',')).getBytes(StandardCharsets.UTF_8);     // a field short
        case 1 -> (l + ",extra").getBytes(StandardCharsets.UTF_8);                        // a field too many
        case 2 -> ("\"" + l).getBytes(StandardCharsets.UTF_8);                            // a quote that never closes
        default -> {                                                                       // invalid UTF-8
          byte[] b = (l + "\u0000").getBytes(StandardCharsets.UTF_8);
          b[b.length - 1] = (byte) 0xFE;
          yield b;
        }
      };
      damaged.put(i, bytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < dataLines; i++) {
      out.writeBytes(damaged.containsKey(i) ? damaged.get(i) : lines.get(i + 1).getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    List<Row> rows;
    ReadReport report;
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(out.toByteArray()), file, SCHEMAS.get(file))
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      rows = r.stream().toList();
      report = r.report();
    }
    assertEquals(dataLines, report.rows());
    assertEquals(damaged.size(), report.rejected());
    List<Row> expected = new ArrayList<>();
    for (int i = 0; i < dataLines; i++) {
      if (!damaged.containsKey(i)) {
        expected.add(CLEAN.get(file).get(i));
      }
    }
    assertEquals(expected, rows);
    int k = 0;
    for (Map.Entry<Integer, byte[]> e : damaged.entrySet()) {
      RejectedRow bad = report.collected().get(k++);
      assertEquals(e.getKey() + 2, bad.line());
      assertArrayEquals(e.getValue(), bad.rawBytes());
    }
  }

  @Provide
  Arbitrary<String> files() {
    return Arbitraries.of(FILES);
  }

  @Provide
  Arbitrary<List<Hit>> hits() {
    return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 100_000), Arbitraries.integers()
        .between(0, 3)).as(Hit::new).list().ofMaxSize(20);
  }
}
