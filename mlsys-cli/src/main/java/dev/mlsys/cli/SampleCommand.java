package dev.mlsys.cli;

import dev.mlsys.data.io.CsvFormat;
import dev.mlsys.data.io.CsvReader;
import dev.mlsys.data.io.CsvRecord;
import dev.mlsys.data.sampling.BernoulliSampler;
import dev.mlsys.data.sampling.HashSampler;
import dev.mlsys.data.sampling.ReservoirSampler;
import dev.mlsys.data.sampling.Samplers;
import dev.mlsys.data.sampling.StratifiedSampler;
import dev.mlsys.data.sampling.WeightedReservoirSampler;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code mlsys sample METHOD [options] in.csv > out.csv}: one streaming pass over a CSV file with
 * bounded memory. The header is written first; every sampled record is written byte for byte as
 * it was read (line end included), in input order; a summary {@code seen=N sampled=M seed=S}
 * goes to stderr. Records are split by {@link CsvReader}, the first record being the header.
 */
@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Sample the records of a CSV file in one streaming pass.",
        "The header is kept; each sampled record is written exactly as read, in input order;"
            + " a summary line (seen=N sampled=M seed=S) goes to stderr. Blank lines are not records."},
    subcommands = {SampleCommand.Reservoir.class, SampleCommand.Weighted.class,
        SampleCommand.Stratified.class, SampleCommand.Hash.class, SampleCommand.Bernoulli.class})
final class SampleCommand implements Runnable {
  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(),
        "a sampling method is required: reservoir, weighted, stratified, hash or bernoulli");
  }

  /** Input, output, delimiter and seed, shared by every method. */
  static final class Io {
    @Parameters(index = "0", paramLabel = "in.csv", description = "the CSV file to sample; - for stdin")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "out.csv", description = "write here instead of stdout")
    Path output;

    @Option(names = "--seed", defaultValue = "0", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--delimiter", defaultValue = ",", description = "field delimiter (default: ${DEFAULT-VALUE})")
    char delimiter;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    InputStream open() throws IOException {
      return input.equals("-") ? System.in : new FileInputStream(input);
    }

    OutputStream create() throws IOException {
      if (output != null) {
        return new BufferedOutputStream(new FileOutputStream(output.toFile()), 1 << 16);
      }
      // flush but never close System.out
      return new BufferedOutputStream(new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      }, 1 << 16);
    }

    void summary(long seen, long sampled, long seedShown) {
      spec.commandLine().getErr().printf(Locale.ROOT, "seen=%d sampled=%d seed=%d%n", seen, sampled, seedShown);
      spec.commandLine().getErr().flush();
    }
  }

  /** A sampled record: its position in the input and its bytes. */
  record Line(long number, byte[] bytes) {}

  /** Runs a method over the records after the header. */
  abstract static class Method implements Callable<Integer> {
    @Mixin
    Io io;

    /** Called with the header record (null for an empty input) before any other record. */
    abstract void header(CsvRecord header);

    /**
     * Decides one record.
     *
     * @param number the record's 1-based position (the header is record 1)
     * @return whether to write the record now
     */
    abstract boolean offer(long number, CsvRecord record);

    /** The records held back until the end (reservoirs), in any order. */
    List<Line> held() {
      return List.of();
    }

    @Override
    public Integer call() throws IOException {
      long seen = 0;
      long sampled = 0;
      try (PushbackInputStream in = new PushbackInputStream(io.open(), BYTE_ORDER_MARK.length);
          OutputStream out = io.create()) {
        // the reader skips a byte-order mark; a sample of the file keeps it
        byte[] start = in.readNBytes(BYTE_ORDER_MARK.length);
        in.unread(start);
        if (Arrays.equals(start, BYTE_ORDER_MARK)) {
          out.write(BYTE_ORDER_MARK);
        }
        // no header check, no missing values: the header is the first record, values are text
        CsvFormat format = CsvFormat.DEFAULT.withDelimiter(io.delimiter).withHeader(false).withMissingValues();
        try (CsvReader records = CsvReader.open(in, io.input, format)) {
          CsvRecord first = records.hasNext() ? records.next() : null;
          header(first);
          if (first != null) {
            out.write(bytes(first));
          }
          while (records.hasNext()) {
            CsvRecord record = records.next();
            seen++;
            if (offer(seen + 1, record)) {
              out.write(bytes(record));
              sampled++;
            }
          }
        }
        List<Line> kept = new ArrayList<>(held());
        kept.sort(Comparator.comparingLong(Line::number));
        for (Line l : kept) {
          out.write(l.bytes());
        }
        sampled += kept.size();
      }
      io.summary(seen, sampled, io.seed);
      return ExitCodes.OK;
    }

    static int column(CsvRecord header, String name) {
      List<String> columns = header == null ? List.of() : fields(1, header);
      int i = columns.indexOf(name);
      if (i < 0) {
        throw new IllegalArgumentException("column '" + name + "' is not in the header " + columns);
      }
      return i;
    }

    /** @return the record's fields; a malformed record (ragged, a stray quote) has none to give */
    static List<String> fields(long number, CsvRecord record) {
      if (record.problem().isPresent()) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "record %d is not valid CSV: %s", number,
            record.problem().get()));
      }
      return record.values();
    }

    /** @return the record's bytes exactly as read, line end included */
    static byte[] bytes(CsvRecord record) {
      byte[] raw = record.rawBytes();
      String end = record.terminator();
      byte[] all = Arrays.copyOf(raw, raw.length + end.length());
      for (int i = 0; i < end.length(); i++) {
        all[raw.length + i] = (byte) end.charAt(i);
      }
      return all;
    }
  }

  @Command(name = "reservoir", mixinStandardHelpOptions = true,
      description = "A uniform sample of exactly k records (all of them if the file has fewer).")
  static final class Reservoir extends Method {
    @Option(names = {"-k", "--size"}, required = true, description = "the sample size")
    int k;

    private ReservoirSampler<Line> sampler;

    @Override
    void header(CsvRecord header) {
      sampler = Samplers.<Line>reservoir(k).seed(io.seed).build();
    }

    @Override
    boolean offer(long number, CsvRecord record) {
      sampler.add(new Line(number, bytes(record)));
      return false;
    }

    @Override
    List<Line> held() {
      return sampler.sample();
    }
  }

  @Command(name = "weighted", mixinStandardHelpOptions = true,
      description = "A weighted sample of k records (successive draws without replacement,"
          + " proportional to the weight column; weight 0 is never drawn).")
  static final class Weighted extends Method {
    @Option(names = {"-k", "--size"}, required = true, description = "the sample size")
    int k;

    @Option(names = "--weight", required = true, paramLabel = "COLUMN", description = "the weight column")
    String weightColumn;

    private int index;
    private WeightedReservoirSampler<Line> sampler;

    @Override
    void header(CsvRecord header) {
      index = column(header, weightColumn);
      sampler = Samplers.<Line>weightedReservoir(k).seed(io.seed).build();
    }

    @Override
    boolean offer(long number, CsvRecord record) {
      String raw = fields(number, record).get(index);
      double w;
      try {
        w = Double.parseDouble(raw.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "record %d: weight column '%s' must be a number but was: '%s'", number, weightColumn, raw));
      }
      if (!(w >= 0 && w < Double.POSITIVE_INFINITY)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "record %d: weight column '%s' must be finite and >= 0 but was: %s", number, weightColumn, raw));
      }
      sampler.add(new Line(number, bytes(record)), w);
      return false;
    }

    @Override
    List<Line> held() {
      return sampler.sample();
    }
  }

  @Command(name = "stratified", mixinStandardHelpOptions = true,
      description = "A uniform sample within each stratum (value of a column): a fixed number per"
          + " stratum, or a total shared in proportion to stratum sizes (largest remainder).")
  static final class Stratified extends Method {
    @Option(names = "--by", required = true, paramLabel = "COLUMN", description = "the stratum column")
    String byColumn;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Allocation allocation;

    static final class Allocation {
      @Option(names = "--per-stratum", paramLabel = "N", description = "records per stratum")
      Integer perStratum;

      @Option(names = "--total", paramLabel = "N", description = "records in all, proportional to stratum sizes")
      Integer total;
    }

    /** A record with its stratum value. */
    record Member(Line line, String stratum) {}

    private int index;
    private StratifiedSampler<Member> sampler;

    @Override
    void header(CsvRecord header) {
      index = column(header, byColumn);
      StratifiedSampler.Builder<Member> b = Samplers.<Member>stratified(Member::stratum);
      b = allocation.perStratum != null ? b.perStratum(allocation.perStratum) : b.proportional(allocation.total);
      sampler = b.seed(io.seed).build();
    }

    @Override
    boolean offer(long number, CsvRecord record) {
      String value = fields(number, record).get(index);
      sampler.add(new Member(new Line(number, bytes(record)), value));
      return false;
    }

    @Override
    List<Line> held() {
      List<Line> all = new ArrayList<>();
      sampler.sample().values().forEach(members -> members.forEach(m -> all.add(m.line())));
      return all;
    }
  }

  @Command(name = "hash", mixinStandardHelpOptions = true,
      description = "Keep a record iff the hash of its key column (and the seed) falls under the rate:"
          + " the same keys on every run and machine; smaller rates give subsets.")
  static final class Hash extends Method {
    @Option(names = "--key", required = true, paramLabel = "COLUMN", description = "the key column")
    String keyColumn;

    @Option(names = "--rate", required = true, description = "the fraction of keys to keep, in [0, 1]")
    double rate;

    private int index;
    private HashSampler<String> sampler;

    @Override
    void header(CsvRecord header) {
      index = column(header, keyColumn);
      sampler = Samplers.<String>hash(rate, s -> s).seed(io.seed).build();
    }

    @Override
    boolean offer(long number, CsvRecord record) {
      return sampler.test(fields(number, record).get(index));
    }
  }

  @Command(name = "bernoulli", mixinStandardHelpOptions = true,
      description = "Keep each record independently with probability p (geometric skips).")
  static final class Bernoulli extends Method {
    @Option(names = {"-p", "--rate"}, required = true, description = "the inclusion probability, in [0, 1]")
    double rate;

    private BernoulliSampler sampler;

    @Override
    void header(CsvRecord header) {
      sampler = Samplers.bernoulli(rate).seed(io.seed).build();
    }

    @Override
    boolean offer(long number, CsvRecord record) {
      return sampler.next();
    }
  }
}
