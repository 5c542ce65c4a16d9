package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
 * Generated malformed files (ragged rows, stray and unclosed quotes, text after a closing quote,
 * wrong types, invalid UTF-8, oversized fields): every line comes out as an accepted row with
 * exactly its values or as a collected row with exactly its bytes at its line number, and an
 * oversized line stops reading with a clear error at its line number. Never a crash, never a
 * lost or altered line.
 *
 * <p>Valid quoted fields here never begin with a delimiter or a line break: after an unclosed
 * quote, such a field could close the stray quote cleanly, and no parser can tell that file from
 * a valid one (the lines would merge into one ragged record, still kept whole, byte for byte).
 */
class MalformedInputProperties {
  static final Schema SCHEMA = Schema.builder()
      .numeric("x", 0, 1000)
      .categorical("c", "a", "b", "c")
      .text("t").nullable("t")
      .build();
  static final int LIMIT = 256;
  static final CsvFormat FORMAT = CsvFormat.DEFAULT.withMaxRecordBytes(LIMIT);

  enum Damage { NONE, FEWER_FIELDS, MORE_FIELDS, STRAY_QUOTE, UNCLOSED_QUOTE, TEXT_AFTER_QUOTE, NOT_A_NUMBER,
    UNSEEN_CATEGORY, INVALID_UTF8, HUGE_FIELD }

  /** One generated line: its bytes, its values if valid, and the damage done to it. */
  record Line(byte[] bytes, Object[] values, Damage damage) {
    @Override
    public String toString() {
      return damage + ": " + new String(bytes, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
  }

  @Property(tries = 150)
  void csvLinesAreAcceptedOrCollectedNeverLost(@ForAll("csvFiles") List<Line> lines) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("x,c,t\n".getBytes(StandardCharsets.UTF_8));
    for (Line l : lines) {
      file.writeBytes(l.bytes());
      file.write('\n');
    }
    int firstHuge = -1;
    for (int i = 0; i < lines.size() && firstHuge < 0; i++) {
      if (lines.get(i).damage() == Damage.HUGE_FIELD) {
        firstHuge = i;
      }
    }
    List<Row> rows = new ArrayList<>();
    List<RejectedRow> collected = new ArrayList<>();
    MalformedRecordException stopped = null;
    try (RowReader r = RowReader.csv(new ByteArrayInputStream(file.toByteArray()), "gen.csv", SCHEMA)
        .format(FORMAT).policy(ValidationPolicy.SKIP_AND_COLLECT).onRejected(collected::add).open()) {
      while (r.hasNext()) {
        rows.add(r.next());
      }
      assertEquals(lines.size(), r.report().rows());
    } catch (MalformedRecordException e) {
      stopped = e;
    }
    int expectedLines = firstHuge < 0 ? lines.size() : firstHuge;
    if (firstHuge >= 0) {
      assertTrue(stopped != null, "a line longer than the limit must stop reading");
      assertEquals(firstHuge + 2, stopped.line(), stopped.getMessage());
      assertTrue(stopped.getMessage().contains("longer than the limit of " + LIMIT + " bytes"), stopped.getMessage());
    }
    assertEquals(expectedLines, rows.size() + collected.size(), "every line before the stop is accounted for");
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < expectedLines; i++) {
      Line l = lines.get(i);
      if (l.damage() == Damage.NONE) {
        Row row = rows.get(accepted++);
        assertArrayEquals(l.values(), new Object[] {row.get("x"), row.get("c"), row.get("t")}, l.toString());
      } else {
        RejectedRow bad = collected.get(rejected++);
        assertEquals(i + 2, bad.line(), l.toString());
        assertArrayEquals(l.bytes(), bad.rawBytes(), l.toString());
      }
    }
  }

  @Property(tries = 100)
  void csvRecordsWithTheirTerminatorsGiveBackTheFile(@ForAll("csvFiles") List<Line> lines,
      @ForAll("lineEnds") List<String> ends, @ForAll boolean finalLineEnd) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("x,c,t".getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i <= lines.size(); i++) {
      if (i < lines.size() || finalLineEnd) {
        file.writeBytes(ends.get(i % ends.size()).getBytes(StandardCharsets.US_ASCII));
      }
      if (i < lines.size()) {
        file.writeBytes(lines.get(i).bytes());
      }
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    List<String> seen = new ArrayList<>();
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(file.toByteArray()), "gen.csv",
        CsvFormat.DEFAULT.withHeader(false))) {
      r.forEachRemaining(record -> {
        copy.writeBytes(record.rawBytes());
        copy.writeBytes(record.terminator().getBytes(StandardCharsets.US_ASCII));
        seen.add(record.terminator());
      });
    }
    assertArrayEquals(file.toByteArray(), copy.toByteArray(), "the records, each with its terminator, are the file");
    for (int i = 0; i < seen.size() - 1; i++) {
      assertTrue(!seen.get(i).isEmpty(), "only the last record may lack a terminator");
    }
  }

  @Provide
  Arbitrary<List<String>> lineEnds() {
    return Arbitraries.of("\n", "\r\n", "\r").list().ofMinSize(1).ofMaxSize(8);
  }

  @Property(tries = 100)
  void jsonLinesAreAcceptedOrCollectedNeverLost(@ForAll("jsonFiles") List<Line> lines) {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (Line l : lines) {
      file.writeBytes(l.bytes());
      file.write('\n');
    }
    List<Row> rows;
    List<RejectedRow> collected;
    try (RowReader r = RowReader.jsonLines(new ByteArrayInputStream(file.toByteArray()), "gen.jsonl", SCHEMA)
        .policy(ValidationPolicy.SKIP_AND_COLLECT).open()) {
      rows = r.stream().toList();
      collected = r.report().collected();
      assertEquals(lines.size(), r.report().rows());
    }
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < lines.size(); i++) {
      Line l = lines.get(i);
      if (l.damage() == Damage.NONE) {
        Row row = rows.get(accepted++);
        assertArrayEquals(l.values(), new Object[] {row.get("x"), row.get("c"), row.get("t")}, l.toString());
      } else {
        RejectedRow bad = collected.get(rejected++);
        assertEquals(i + 1, bad.line(), l.toString());
        assertArrayEquals(l.bytes(), bad.rawBytes(), l.toString());
      }
    }
    assertEquals(rows.size(), accepted);
    assertEquals(collected.size(), rejected);
  }

  @Provide
  Arbitrary<List<Line>> csvFiles() {
    Arbitrary<Integer> x = Arbitraries.integers().between(0, 1000);
    Arbitrary<String> c = Arbitraries.of("a", "b", "c");
    // text starts with a letter (see the class comment); may hold delimiters, quotes, blanks, non-ASCII
    Arbitrary<String> t = Combinators.combine(Arbitraries.of("k", "é", "中"),
        Arbitraries.of("a", " ", ",", "\"", "é", "😀").list().ofMaxSize(6).map(p -> String.join("", p)))
        .as((first, rest) -> first + rest);
    Arbitrary<Boolean> quoteText = Arbitraries.of(true, false);
    Arbitrary<Damage> damage = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(12, Arbitraries.just(Damage.NONE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Damage.class)));
    return Combinators.combine(x, c, t, quoteText, damage).as(MalformedInputProperties::csvLine).list().ofMaxSize(25);
  }

  static Line csvLine(int x, String c, String t, boolean quoteText, Damage damage) {
    boolean mustQuote = t.contains(",") || t.contains("\"");
    String text = quoteText || mustQuote ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    String xs = Integer.toString(x);
    Object[] values = {(double) x, c, t};
    String line;
    switch (damage) {
      case FEWER_FIELDS -> line = xs + "," + c;
      case MORE_FIELDS -> line = xs + "," + c + "," + text + ",extra";
      case STRAY_QUOTE -> line = xs.charAt(0) + "\"" + xs.substring(1) + "," + c + "," + text;
      case UNCLOSED_QUOTE -> line = xs + "," + c + ",\"" + t.replace("\"", "");
      case TEXT_AFTER_QUOTE -> line = xs + "," + c + ",\"" + t.replace("\"", "\"\"") + "\"z";
      case NOT_A_NUMBER -> line = "n" + xs + "," + c + "," + text;
      case UNSEEN_CATEGORY -> line = xs + ",z" + c + "," + text;
      case HUGE_FIELD -> line = xs + "," + c + "," + "h".repeat(LIMIT);
      default -> line = xs + "," + c + "," + text;
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    if (damage == Damage.INVALID_UTF8) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      b.writeBytes(bytes);
      b.writeBytes(new byte[] {'x', (byte) 0xC3, (byte) 0x28});   // a lead byte without its continuation
      bytes = b.toByteArray();
    }
    return new Line(bytes, damage == Damage.NONE ? values : null, damage);
  }

  @Provide
  Arbitrary<List<Line>> jsonFiles() {
    Arbitrary<Integer> x = Arbitraries.integers().between(0, 1000);
    Arbitrary<String> c = Arbitraries.of("a", "b", "c");
    Arbitrary<String> t = Arbitraries.of("a", " ", ",", "\"", "\\", "é", "😀", "\n", "\t").list().ofMaxSize(6)
        .map(p -> String.join("", p));
    Arbitrary<Damage> damage = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, Arbitraries.just(Damage.NONE)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(Damage.FEWER_FIELDS, Damage.MORE_FIELDS, Damage.UNCLOSED_QUOTE,
            Damage.NOT_A_NUMBER, Damage.UNSEEN_CATEGORY, Damage.INVALID_UTF8, Damage.TEXT_AFTER_QUOTE)));
    return Combinators.combine(x, c, t, damage).as(MalformedInputProperties::jsonLine).list().ofMaxSize(25);
  }

  static Line jsonLine(int x, String c, String t, Damage damage) {
    String text;
    try {
      text = JsonLinesSource.MAPPER.writeValueAsString(t);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    Object[] values = {(double) x, c, t};
    String line;
    switch (damage) {
      case FEWER_FIELDS -> line = "{\"t\": " + text + "}";                              // required fields absent
      case MORE_FIELDS -> line = "{\"x\": " + x + ", \"c\": \"" + c + "\", \"t\": " + text + ", \"w\": 1}";
      case UNCLOSED_QUOTE -> line = "{\"x\": " + x + ", \"c\": \"" + c + ", \"t\": " + text + "}";
      case TEXT_AFTER_QUOTE -> line = "{\"x\": " + x + ", \"c\": \"" + c + "\"} trailing";
      case NOT_A_NUMBER -> line = "{\"x\": \"n" + x + "\", \"c\": \"" + c + "\"}";
      case UNSEEN_CATEGORY -> line = "{\"x\": " + x + ", \"c\": \"z\"}";
      default -> line = "{\"x\": " + x + ", \"c\": \"" + c + "\", \"t\": " + text + "}";
    }
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    if (damage == Damage.INVALID_UTF8) {
      bytes = ("{\"x\": " + x + ", \"c\": \"" + c + "\", \"t\": \"\u0000\"}").getBytes(StandardCharsets.UTF_8);
      bytes[bytes.length - 3] = (byte) 0xFF;
    }
    return new Line(bytes, damage == Damage.NONE ? values : null, damage);
  }
}
