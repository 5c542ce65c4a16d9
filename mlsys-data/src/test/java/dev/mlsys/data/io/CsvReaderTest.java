package dev.mlsys.data.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  static List<CsvRecord> read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT);
  }

  static List<CsvRecord> read(byte[] bytes, CsvFormat format) {
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(bytes), "test.csv", format)) {
      List<CsvRecord> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return out;
    }
  }

  @Test
  void readsHeaderAndValues() {
    try (CsvReader r = CsvReader.open(stream("a,b,c\n1,x,2.5\n3,y,\n"), "t", CsvFormat.DEFAULT)) {
      assertEquals(List.of("a", "b", "c"), r.header());
      CsvRecord first = r.next();
      assertEquals(2, first.line());
      assertEquals(List.of("1", "x", "2.5"), first.values());
      CsvRecord second = r.next();
      assertEquals(3, second.line());
      assertEquals(Arrays.asList("3", "y", null), second.values());
      assertFalse(r.hasNext());
    }
  }

  @Test
  void unquotedNaAndEmptyAreMissingButQuotedValuesAreNot() {
    List<CsvRecord> rs = read("a,b,c,d\nNA,,\"NA\",\"\"\n");
    assertEquals(Arrays.asList(null, null, "NA", ""), rs.get(0).values());
  }

  @Test
  void missingValuesAreConfigurable() {
    CsvFormat f = CsvFormat.DEFAULT.withMissingValues("?", "-");
    List<CsvRecord> rs = read("a,b,c,d\n?,-,,NA\n".getBytes(StandardCharsets.UTF_8), f);
    assertEquals(Arrays.asList(null, null, "", "NA"), rs.get(0).values());
  }

  @Test
  void quotesHoldDelimitersLineBreaksAndDoubledQuotes() {
    List<CsvRecord> rs = read("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,\"crlf\r\ninside\"\n5,end\n");
    assertEquals("a, b", rs.get(0).value(1));
    assertEquals("say \"hi\"", rs.get(1).value(1));
    assertEquals("two\nlines", rs.get(2).value(1));
    assertEquals("crlf\r\ninside", rs.get(3).value(1));
    assertEquals(List.of(2L, 3L, 4L, 6L, 8L), rs.stream().map(CsvRecord::line).toList());
  }

  @Test
  void acceptsCrLfAndLoneCrLineEndsAndNoFinalLineBreak() {
    List<CsvRecord> rs = read("a,b\r\n1,2\r3,4\n5,6");
    assertEquals(3, rs.size());
    assertEquals(List.of("5", "6"), rs.get(2).values());
    assertEquals(List.of(2L, 3L, 4L), rs.stream().map(CsvRecord::line).toList());
  }

  @Test
  void eachRecordKeepsTheTerminatorItEndedWith() {
    List<CsvRecord> rs = read("a,b\r\n1,2\r3,\"x\r\ny\"\n\n5,6");
    assertEquals(List.of("\r", "\n", ""), rs.stream().map(CsvRecord::terminator).toList());
    assertEquals("3,\"x\r\ny\"", rs.get(1).raw());
    // a line cut off by an unclosed quote keeps the line end it had
    List<CsvRecord> broken = read("a,b\n1,\"broken\r\n2,x\r3,y\n");
    assertEquals("1,\"broken", broken.get(0).raw());
    assertEquals(List.of("\r\n", "\r", "\n"), broken.stream().map(CsvRecord::terminator).toList());
  }

  @Test
  void otherDelimiterAndQuote() {
    CsvFormat f = CsvFormat.DEFAULT.withDelimiter(';').withQuote('\'');
    List<CsvRecord> rs = read("a;b\n'x;y';'it''s'\n".getBytes(StandardCharsets.UTF_8), f);
    assertEquals(List.of("x;y", "it's"), rs.get(0).values());
    List<CsvRecord> tabs = read("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT.withDelimiter('\t'));
    assertEquals(List.of("1", "2"), tabs.get(0).values());
  }

  @Test
  void skipsByteOrderMarkAndCountsBlankLines() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "a,b\n\n1,2\n\r\n3,4\n\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    try (CsvReader r = CsvReader.open(new ByteArrayInputStream(all), "t", CsvFormat.DEFAULT)) {
      assertEquals(List.of("a", "b"), r.header());
      assertEquals(3, r.next().line());
      assertEquals(5, r.next().line());
      assertFalse(r.hasNext());
      assertEquals(3, r.blankLines());
    }
  }

  @Test
  void keepsUtf8AndRawBytesUntouched() {
    String text = "name,city\n\"Zoë\",\"São Paulo\"\r\n";
    CsvRecord r = read(text).get(0);
    assertEquals(List.of("Zoë", "São Paulo"), r.values());
    assertArrayEquals("\"Zoë\",\"São Paulo\"".getBytes(StandardCharsets.UTF_8), r.rawBytes());
  }

  @Test
  void raggedRecordIsMalformedWithItsCounts() {
    List<CsvRecord> rs = read("a,b,c\n1,2\n1,2,3\n1,2,3,4\n");
    assertEquals("has 2 fields but the header has 3", rs.get(0).problem().orElseThrow());
    assertTrue(rs.get(0).values().isEmpty());
    assertTrue(rs.get(1).problem().isEmpty());
    assertEquals("has 4 fields but the header has 3", rs.get(2).problem().orElseThrow());
    assertEquals("1,2,3,4", rs.get(2).raw());
  }

  @Test
  void strayQuotesAreMalformed() {
    List<CsvRecord> rs = read("a,b\n5\"5,x\n\"ab\"c,x\nok,fine\n");
    assertEquals("has a quote character inside the unquoted field in column 1", rs.get(0).problem().orElseThrow());
    assertEquals("has text after the closing quote in column 1", rs.get(1).problem().orElseThrow());
    assertEquals(List.of("ok", "fine"), rs.get(2).values());
    assertEquals(4, rs.get(2).line());
  }

  @Test
  void anUnclosedQuoteCostsOnlyItsOwnLine() {
    List<CsvRecord> rs = read("a,b\n1,\"broken\n2,x\n3,y\n");
    assertEquals(3, rs.size());
    assertEquals(2, rs.get(0).line());
    assertEquals("1,\"broken", rs.get(0).raw());
    assertTrue(rs.get(0).problem().orElseThrow().startsWith("has a quote that opens a field and does not close"),
        rs.get(0).problem().orElseThrow());
    assertEquals(List.of("2", "x"), rs.get(1).values());
    assertEquals(3, rs.get(1).line());
    assertEquals(List.of("3", "y"), rs.get(2).values());
    assertEquals(4, rs.get(2).line());
  }

  @Test
  void anUnclosedQuoteThatMeetsAnotherQuoteIsResynchronised() {
    // the quote opened on line 2 pairs with the one opening line 4, and text follows it there
    List<CsvRecord> rs = read("a,b\n1,\"broken\n2,x\n\"3\",y\n");
    assertEquals(List.of(2L, 3L, 4L), rs.stream().map(CsvRecord::line).toList());
    assertEquals("1,\"broken", rs.get(0).raw());
    assertTrue(rs.get(0).problem().isPresent());
    assertEquals(List.of("2", "x"), rs.get(1).values());
    assertEquals(List.of("3", "y"), rs.get(2).values());
  }

  @Test
  void aRaggedRecordWithAWellFormedMultiLineFieldStaysOneRecord() {
    List<CsvRecord> rs = read("a,b\n1,\"two\nlines\",3\n4,5\n");
    assertEquals(2, rs.size());
    assertEquals("has 3 fields but the header has 2", rs.get(0).problem().orElseThrow());
    assertEquals("1,\"two\nlines\",3", rs.get(0).raw());
    assertEquals(4, rs.get(1).line());
  }

  @Test
  void invalidUtf8IsAMalformedRecordNamingTheColumn() {
    byte[] bytes = {'a', ',', 'b', '\n', 'x', ',', (byte) 0xC3, (byte) 0x28, '\n', 'y', ',', 'z', '\n'};
    List<CsvRecord> rs = read(bytes, CsvFormat.DEFAULT);
    assertEquals("is not valid UTF-8 in column 2 ('b'): byte 0xC3 at offset 0 of the field",
        rs.get(0).problem().orElseThrow());
    assertArrayEquals(new byte[] {'x', ',', (byte) 0xC3, (byte) 0x28}, rs.get(0).rawBytes());
    assertEquals(List.of("y", "z"), rs.get(1).values());
  }

  @Test
  void aLineLongerThanTheLimitStopsWithItsLineNumber() {
    String big = "x".repeat(5000);
    CsvFormat f = CsvFormat.DEFAULT.withMaxRecordBytes(1000);
    MalformedRecordException e = assertThrows(MalformedRecordException.class,
        () -> read(("a,b\n1,2\n3," + big + "\n").getBytes(StandardCharsets.UTF_8), f));
    assertEquals(3, e.line());
    assertEquals("test.csv: line 3: record is longer than the limit of 1000 bytes (CsvFormat.maxRecordBytes); "
        + "raise the limit if the data is right", e.getMessage());
    // under the default limit the same field reads whole
    assertEquals(big, read("a,b\n3," + big + "\n").get(0).value(1));
  }

  @Test
  void aQuoteRunningPastTheLimitIsResynchronised() {
    StringBuilder sb = new StringBuilder("a,b\n1,\"open\n");
    for (int i = 0; i < 100; i++) {
      sb.append(i).append(",v\n");
    }
    List<CsvRecord> rs = read(sb.toString().getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT.withMaxRecordBytes(64));
    assertEquals(101, rs.size());
    assertTrue(rs.get(0).problem().isPresent());
    for (int i = 0; i < 100; i++) {
      assertEquals(List.of(Integer.toString(i), "v"), rs.get(i + 1).values());
      assertEquals(i + 3, rs.get(i + 1).line());
    }
  }

  @Test
  void headerProblemsStopReading() {
    assertEquals("t: line 1: the header names column 'a' twice (columns must be unique)",
        assertThrows(MalformedRecordException.class, () -> open("a,b,a\n1,2,3\n")).getMessage());
    assertEquals("t: line 1: the header's column 2 has no name: ''",
        assertThrows(MalformedRecordException.class, () -> open("a,,c\n")).getMessage());
    assertEquals("t: line 1: the input is empty but a header line was expected",
        assertThrows(MalformedRecordException.class, () -> open("")).getMessage());
  }

  @Test
  void aBrokenHeaderStopsReadingWithItsLine() {
    byte[] bytes = {'a', ',', (byte) 0xFF, '\n', '1', ',', '2', '\n'};
    MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> read(bytes, CsvFormat.DEFAULT));
    assertEquals("test.csv: line 1: the header is not valid UTF-8 in column 2: byte 0xFF at offset 0 of the field",
        e.getMessage());
    MalformedRecordException quote = assertThrows(MalformedRecordException.class, () -> open("a,\"b\nc\n"));
    assertTrue(quote.getMessage().startsWith("t: line 1: the header has a quote that opens a field"), quote.getMessage());
  }

  @Test
  void headerMayNameAColumnNa() {
    try (CsvReader r = CsvReader.open(stream("NA,b\n1,2\n"), "t", CsvFormat.DEFAULT)) {
      assertEquals(List.of("NA", "b"), r.header());
    }
  }

  @Test
  void headerlessFilesNameColumnsByPosition() {
    try (CsvReader r = CsvReader.open(stream("1,2\n3,4\n5\n"), "t", CsvFormat.DEFAULT.withHeader(false))) {
      assertEquals(List.of("column1", "column2"), r.header());
      assertEquals(List.of("1", "2"), r.next().values());
      assertEquals(List.of("3", "4"), r.next().values());
      CsvRecord ragged = r.next();
      assertEquals(3, ragged.line());
      assertEquals("has 1 fields but the header has 2", ragged.problem().orElseThrow());
    }
  }

  @Test
  void emptyFieldsAtTheEdges() {
    List<CsvRecord> rs = read("a,b,c\n,,\n,x,\n");
    assertEquals(Arrays.asList(null, null, null), rs.get(0).values());
    assertEquals(Arrays.asList(null, "x", null), rs.get(1).values());
    assertNull(rs.get(1).value(2));
  }

  @Test
  void formatRejectsBadCharacters() {
    assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.withDelimiter('"'));
    assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.withDelimiter('\n'));
    assertEquals("delimiter must be an ASCII character other than a line break but was: U+00E9",
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.withDelimiter('é')).getMessage());
    assertThrows(IllegalArgumentException.class, () -> CsvFormat.DEFAULT.withMaxRecordBytes(0));
  }

  private static CsvReader open(String text) {
    return CsvReader.open(stream(text), "t", CsvFormat.DEFAULT);
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
