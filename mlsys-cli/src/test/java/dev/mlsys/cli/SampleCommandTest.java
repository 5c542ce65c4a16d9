package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SampleCommandTest {
  @TempDir
  Path dir;

  /** A CSV with awkward records: quoted delimiters, doubled quotes, an embedded CRLF and LF, UTF-8. */
  private static final String HEADER = "id,group,weight,note\r\n";

  private static List<String> records(int n) {
    List<String> r = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String note = switch (i % 5) {
        case 0 -> "plain";
        case 1 -> "\"with, comma\"";
        case 2 -> "\"say \"\"hi\"\"\"";
        case 3 -> "\"two\r\nlines\nthree\"";
        default -> "naïve café";
      };
      r.add(i + "," + (char) ('a' + i % 3) + "," + (i % 7) + "," + note + (i % 2 == 0 ? "\r\n" : "\n"));
    }
    return r;
  }

  private record Run(int exit, byte[] out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, null, err.toString());
  }

  private Path write(List<String> recs, boolean finalNewline) throws IOException {
    StringBuilder sb = new StringBuilder(HEADER);
    recs.forEach(sb::append);
    String text = sb.toString();
    if (!finalNewline) {
      text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
    }
    Path in = dir.resolve("in.csv");
    Files.write(in, text.getBytes(StandardCharsets.UTF_8));
    return in;
  }

  /** Splits output after the header back into records by matching the input records in order. */
  private static List<String> outputRecords(byte[] out, List<String> inputs) {
    String text = new String(out, StandardCharsets.UTF_8);
    assertTrue(text.startsWith(HEADER), "the header comes first, byte for byte");
    String rest = text.substring(HEADER.length());
    List<String> found = new ArrayList<>();
    int at = 0;
    for (String r : inputs) {
      String candidate = r;
      if (rest.startsWith(candidate, at)) {
        found.add(candidate);
        at += candidate.length();
      } else if (at + candidate.length() - 1 <= rest.length() && candidate.endsWith("\n")
          && rest.substring(at).equals(candidate.substring(0, candidate.length() - (candidate.endsWith("\r\n") ? 2 : 1)))) {
        found.add(candidate);
        at = rest.length();
      }
    }
    assertEquals(rest.length(), at, "the output is a subsequence of the input records: " + rest.substring(at));
    return found;
  }

  @Test
  void reservoirKeepsHeaderAndExactlyKRecordsByteForByte() throws IOException {
    List<String> recs = records(500);
    Path in = write(recs, true);
    Path out = dir.resolve("out.csv");
    Run r = run("sample", "reservoir", "-k", "40", "--seed", "9", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("seen=500 sampled=40 seed=9\n", r.err().replace("\r\n", "\n"));
    List<String> got = outputRecords(Files.readAllBytes(out), recs);
    assertEquals(40, got.size());
    assertEquals(40, new HashSet<>(got).size());
    // same seed, same sample
    Path again = dir.resolve("again.csv");
    run("sample", "reservoir", "-k", "40", "--seed", "9", in.toString(), "-o", again.toString());
    assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
  }

  @Test
  void aLastRecordWithoutNewlineIsKeptAsIs() throws IOException {
    List<String> recs = records(5);
    Path in = write(recs, false);
    Path out = dir.resolve("out.csv");
    Run r = run("sample", "reservoir", "-k", "10", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    assertArrayEquals(Files.readAllBytes(in), Files.readAllBytes(out), "k >= n: the whole file, unchanged");
  }

  @Test
  void blankLinesAreNotRecordsAndEveryOtherByteIsKept() throws IOException {
    // a byte-order mark, lone-CR and CRLF line ends, a blank line, quoted keys with line breaks
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String body = "id,note\r1,a\r\n\n\"2\r\nx\",\"b,c\"\n3,\"d\"\"e\"\r";
    Path in = dir.resolve("odd.csv");
    Files.write(in, concat(bom, body.getBytes(StandardCharsets.UTF_8)));
    Path out = dir.resolve("out.csv");
    Run all = run("sample", "hash", "--key", "id", "--rate", "1", in.toString(), "-o", out.toString());
    assertEquals(0, all.exit(), all.err());
    assertEquals("seen=3 sampled=3 seed=0", all.err().strip());
    String kept = "id,note\r1,a\r\n\"2\r\nx\",\"b,c\"\n3,\"d\"\"e\"\r";
    assertArrayEquals(concat(bom, kept.getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(out));
    Run none = run("sample", "bernoulli", "--rate", "0", in.toString(), "-o", out.toString());
    assertEquals("seen=3 sampled=0 seed=0", none.err().strip());
    assertArrayEquals(concat(bom, "id,note\r".getBytes(StandardCharsets.UTF_8)), Files.readAllBytes(out));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void stratifiedTotalIsExactAndProportional() throws IOException {
    List<String> recs = records(300);
    Path in = write(recs, true);
    Path out = dir.resolve("out.csv");
    Run r = run("sample", "stratified", "--by", "group", "--total", "31", "--seed", "4", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> got = outputRecords(Files.readAllBytes(out), recs);
    assertEquals(31, got.size());
    long a = got.stream().filter(s -> s.split(",")[1].equals("a")).count();
    // 100 records per group: quotas 31/3 each, floors 10, one extra seat
    assertTrue(a == 10 || a == 11, "group a got " + a);
    assertTrue(r.err().startsWith("seen=300 sampled=31 seed=4"), r.err());
  }

  @Test
  void weightedNeverDrawsWeightZeroAndRejectsBadWeights() throws IOException {
    List<String> recs = records(200);
    Path in = write(recs, true);
    Path out = dir.resolve("out.csv");
    Run r = run("sample", "weighted", "-k", "20", "--weight", "weight", in.toString(), "-o", out.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> got = outputRecords(Files.readAllBytes(out), recs);
    assertEquals(20, got.size());
    assertTrue(got.stream().noneMatch(s -> s.split(",")[2].equals("0")), "weight 0 is never drawn");

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,weight\n1,2\n2,-3\n");
    Run e = run("sample", "weighted", "-k", "2", "--weight", "weight", bad.toString(), "-o", out.toString());
    assertEquals(2, e.exit());
    assertTrue(e.err().contains("record 3: weight column 'weight' must be finite and >= 0 but was: -3"), e.err());
    Run missing = run("sample", "weighted", "-k", "2", "--weight", "w", bad.toString(), "-o", out.toString());
    assertEquals(2, missing.exit());
    assertTrue(missing.err().contains("column 'w' is not in the header [id, weight]"), missing.err());
  }

  @Test
  void hashSamplesAreNestedAcrossRates() throws IOException {
    List<String> recs = records(1000);
    Path in = write(recs, true);
    Path small = dir.resolve("small.csv");
    Path large = dir.resolve("large.csv");
    assertEquals(0, run("sample", "hash", "--key", "id", "--rate", "0.1", "--seed", "3", in.toString(), "-o", small.toString()).exit());
    assertEquals(0, run("sample", "hash", "--key", "id", "--rate", "0.4", "--seed", "3", in.toString(), "-o", large.toString()).exit());
    List<String> s = outputRecords(Files.readAllBytes(small), recs);
    Set<String> l = new HashSet<>(outputRecords(Files.readAllBytes(large), recs));
    assertTrue(l.containsAll(s));
    assertTrue(s.size() > 50 && s.size() < 150, "about 10% of 1000: " + s.size());
  }

  @Test
  void bernoulliStreamsToStdout() throws IOException {
    List<String> recs = records(2000);
    Path in = write(recs, true);
    PrintStream old = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    Run r;
    try {
      System.setOut(new PrintStream(captured, true));
      r = run("sample", "bernoulli", "--rate", "0.05", "--seed", "1", in.toString());
    } finally {
      System.setOut(old);
    }
    assertEquals(0, r.exit(), r.err());
    List<String> got = outputRecords(captured.toByteArray(), recs);
    assertTrue(r.err().startsWith("seen=2000 sampled=" + got.size() + " seed=1"), r.err());
    assertTrue(got.size() > 50 && got.size() < 150, "about 5% of 2000: " + got.size());
  }

  @Test
  void usageErrors() {
    assertEquals(2, run("sample").exit());
    Run r = run("sample", "stratified", "--by", "g", "--total", "3", "--per-stratum", "2", "x.csv");
    assertEquals(2, r.exit());
    Run missingFile = run("sample", "bernoulli", "--rate", "0.5", dir.resolve("nope.csv").toString());
    assertEquals(2, missingFile.exit());
    assertTrue(missingFile.err().contains("I/O error"), missingFile.err());
    assertTrue(Arrays.asList(0, 2).contains(run("sample", "reservoir", "--help").exit()));
  }
}
