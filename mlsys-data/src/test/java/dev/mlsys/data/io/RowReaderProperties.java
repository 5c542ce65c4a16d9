package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The law of validated reading: rows read = rows accepted + rows collected; accepted rows hold
 * exactly the values written, collected rows exactly the bytes written, each at its line.
 */
class RowReaderProperties {
  static final Schema SCHEMA = Schema.builder()
      .numeric("x", 0, 100)
      .categorical("c", "a", "b", "x,y", "q\"uote")
      .text("t").nullable("t")
      .bool("b").nullable("b")
      .build();

  /** One generated record: its text, and what reading it must give. */
  record Rec(String text, boolean valid, Object[] values) {}

  @Property(tries = 200)
  void rowsReadEqualAcceptedPlusCollectedAndNothingIsAltered(@ForAll("files") List<Rec> records,
      @ForAll boolean crlf) {
    String eol = crlf ? "\r\n" : "\n";
    StringBuilder file = new StringBuilder("x,c,t,b").append(eol);
    List<Long> lines = new ArrayList<>();
    long line = 2;
    for (Rec r : records) {
      lines.add(line);
      file.append(r.text()).append(eol);
      line += 1 + breaks(r.text());
    }
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    List<Row> rows;
    ReadReport report;
    try (RowReader reader = RowReader.csv(new ByteArrayInputStream(bytes), "gen.csv", SCHEMA)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      rows = reader.stream().toList();
      report = reader.report();
    }
    assertEquals(records.size(), report.rows(), () -> "file: " + file.toString().replace("\r", "\\r").replace("\n", "\\n"));
    assertEquals(report.rows(), report.accepted() + report.collected().size());
    assertEquals(rows.size(), report.accepted());
    int accepted = 0;
    int collected = 0;
    for (int i = 0; i < records.size(); i++) {
      Rec r = records.get(i);
      if (r.valid()) {
        Row row = rows.get(accepted++);
        Object[] actual = {row.get("x"), row.get("c"), row.get("t"), row.get("b")};
        assertArrayEquals(r.values(), actual, "record " + i + ": " + r.text());
      } else {
        RejectedRow bad = report.collected().get(collected++);
        assertEquals(lines.get(i), bad.line(), "record " + i + ": " + r.text());
        assertArrayEquals(r.text().getBytes(StandardCharsets.UTF_8), bad.rawBytes());
      }
    }
    assertEquals(rows.size(), accepted);
    assertEquals(report.collected().size(), collected);
  }

  @Provide
  Arbitrary<List<Rec>> files() {
    Arbitrary<String[]> x = Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 100).map(d -> new String[] {Double.toString(d), "v", "" + d}),
        Arbitraries.integers().between(0, 100).map(n -> new String[] {" " + n + " ", "v", "" + (double) n}),
        Arbitraries.of("-5", "100.5", "abc", "", "NA", "NaN", "\"12\"x").map(s -> new String[] {s, "bad", null}));
    Arbitrary<String[]> c = Arbitraries.oneOf(
        Arbitraries.of("a", "b", " a ").map(s -> new String[] {s, "v", s.trim()}),
        Arbitraries.of("a", "b", "x,y", "q\"uote").map(s -> new String[] {quote(s), "v", s}),
        Arbitraries.of("zzz", "", "A").map(s -> new String[] {s, "bad", null}));
    Arbitrary<String[]> t = Arbitraries.oneOf(
        Arbitraries.of("a", "b", " ", ",", "\"", "\n", "\r", "\u00e9", "\u4e2d", "\ud83d\ude00").list().ofMaxSize(8)
            .map(parts -> String.join("", parts)).map(s -> new String[] {quote(s), "v", s}),
        Arbitraries.strings().withChars("abc \u00e9").ofMinLength(1).ofMaxLength(6)
            .map(s -> new String[] {s, "v", s.equals("NA") ? null : s}),
        Arbitraries.of("", "NA").map(s -> new String[] {s, "v", null}));
    Arbitrary<String[]> b = Arbitraries.oneOf(
        Arbitraries.of("true", "No", "YES", "0").map(s -> new String[] {s, "v",
            String.valueOf(s.equalsIgnoreCase("true") || s.equalsIgnoreCase("yes"))}),
        Arbitraries.of("", "NA").map(s -> new String[] {s, "v", null}),
        Arbitraries.of("maybe", "2").map(s -> new String[] {s, "bad", null}));
    Arbitrary<Integer> shape = Arbitraries.frequency(
        net.jqwik.api.Tuple.of(8, 0), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2));
    Arbitrary<Rec> rec = Combinators.combine(x, c, t, b, shape).as((xs, cs, ts, bs, sh) -> {
      List<String> cells = new ArrayList<>(List.of(xs[0], cs[0], ts[0], bs[0]));
      if (sh == 1) {
        cells.remove(cells.size() - 1);      // too few fields
      } else if (sh == 2) {
        cells.add("extra");                  // too many fields
      }
      boolean valid = sh == 0 && xs[1].equals("v") && cs[1].equals("v") && ts[1].equals("v") && bs[1].equals("v");
      Object[] values = {xs[2] == null ? null : Double.valueOf(xs[2]), cs[2], ts[2],
          bs[2] == null ? null : Boolean.valueOf(bs[2])};
      String text = String.join(",", cells);
      return new Rec(text, valid, values);
    }).filter(r -> !r.text().isEmpty());
    return rec.list().ofMaxSize(30);
  }

  static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  static int breaks(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\n' || ch == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
        n++;
      }
    }
    return n;
  }
}
