package dev.mlsys.data.io;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import dev.mlsys.data.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Reads a data file (CSV, JSON Lines, Arrow IPC file or stream) as validated {@link Row}s of a
 * {@link Schema}, streaming (one record in memory at a time, or one bounded {@link Table} batch
 * with {@link #nextBatch(int)}), and applies a {@link ValidationPolicy} to every record that breaks the schema or is
 * malformed. Nothing is lost: {@link #report()} always has rows = accepted + rejected, and each
 * rejected record keeps its bytes exactly as read.
 *
 * <pre>{@code
 * try (RowReader reader = RowReader.csv(path, schema)
 *     .policy(ValidationPolicy.SKIP_AND_COLLECT)
 *     .open()) {
 *   reader.forEachRemaining(row -> ...);
 *   ReadReport report = reader.report();   // report.collected(): the bad rows with their lines
 * }
 * }</pre>
 *
 * <p>Values are converted with {@link Coercion#LENIENT} unless another coercion is chosen (CSV
 * values are text, and JSON has no timestamps and writes NaN as a string); in CSV a quoted value is never missing, an unquoted {@code NA} or empty value is
 * (see {@link CsvFormat}). Header and Arrow columns are matched to fields by name (JSON Lines keys
 * per record, where an undeclared key is a violation unless the schema ignores unknown fields): a column the schema does
 * not declare is an {@link dev.mlsys.api.IncompatibleSchemaException} when the schema rejects
 * unknown fields (and ignored otherwise), as is a required field with no column, since then every
 * row would fail.
 *
 * <p>A record's line is its first line in a text file, its 1-based position in an Arrow input.
 * Empty lines of text files hold no record and are counted as {@link ReadReport#blankLines()}.
 * Arrow input is decoded in a private allocator that {@link #close()} releases.
 *
 * <p>Not thread-safe: confine to one thread. I/O failures are thrown as
 * {@link UncheckedIOException}.
 */
public final class RowReader implements Iterator<Row>, AutoCloseable {
  private final RecordSource source;
  private final Schema schema;
  private final Coercion coercion;
  private final ValidationPolicy policy;
  private final RejectsFile rejects;
  private final Consumer<RejectedRow> listener;
  private final List<RejectedRow> collected = new ArrayList<>();
  private long rows;
  private long accepted;
  private long rejected;
  private Row pending;
  private boolean finished;
  private boolean closed;

  private RowReader(RecordSource source, Schema schema, Coercion coercion, ValidationPolicy policy,
      RejectsFile rejects, Consumer<RejectedRow> listener) {
    this.source = source;
    this.schema = schema;
    this.coercion = coercion;
    this.policy = policy;
    this.rejects = rejects;
    this.listener = listener;
  }

  /**
   * @param file a CSV file with a header line (unless the format says otherwise)
   * @param schema the schema rows must satisfy
   * @return a builder; {@link Builder#open()} opens the file
   */
  public static Builder csv(Path file, Schema schema) {
    Objects.requireNonNull(file, "file");
    return new Builder(Kind.CSV, file, null, file.toString(), schema);
  }

  /**
   * @param in the bytes of a CSV file; closed when the reader is closed
   * @param name a name for messages (a file name)
   * @param schema the schema rows must satisfy
   * @return a builder; {@link Builder#open()} starts reading
   */
  public static Builder csv(InputStream in, String name, Schema schema) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return new Builder(Kind.CSV, null, in, name, schema);
  }

  /**
   * @param file a JSON Lines file: one JSON object per line, field names as keys
   * @param schema the schema rows must satisfy
   * @return a builder; {@link Builder#open()} opens the file
   */
  public static Builder jsonLines(Path file, Schema schema) {
    Objects.requireNonNull(file, "file");
    return new Builder(Kind.JSON_LINES, file, null, file.toString(), schema);
  }

  /**
   * @param in the bytes of a JSON Lines file; closed when the reader is closed
   * @param name a name for messages
   * @param schema the schema rows must satisfy
   * @return a builder
   */
  public static Builder jsonLines(InputStream in, String name, Schema schema) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return new Builder(Kind.JSON_LINES, null, in, name, schema);
  }

  /**
   * @param file an Arrow IPC file (random-access format, "Feather v2")
   * @param schema the schema rows must satisfy; columns are matched by name
   * @return a builder; {@link Builder#open()} opens the file
   */
  public static Builder arrowFile(Path file, Schema schema) {
    Objects.requireNonNull(file, "file");
    return new Builder(Kind.ARROW_FILE, file, null, file.toString(), schema);
  }

  /**
   * @param in an Arrow IPC stream; closed when the reader is closed
   * @param name a name for messages
   * @param schema the schema rows must satisfy; columns are matched by name
   * @return a builder
   */
  public static Builder arrowStream(InputStream in, String name, Schema schema) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    return new Builder(Kind.ARROW_STREAM, null, in, name, schema);
  }

  /** @return the schema rows are validated against */
  public Schema schema() {
    return schema;
  }

  /**
   * @return whether another accepted row follows
   * @throws InvalidRowException under {@link ValidationPolicy#REJECT}, at the first bad record
   * @throws MalformedRecordException if a record exceeds the format's size limit
   * @throws UncheckedIOException if the input cannot be read or the side file written
   */
  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (finished) {
      return false;
    }
    pending = fetch();
    if (pending == null) {
      finished = true;
    }
    return pending != null;
  }

  /**
   * @return the next accepted row
   * @throws NoSuchElementException if there is none
   * @throws InvalidRowException under {@link ValidationPolicy#REJECT}, at the first bad record
   */
  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more rows in " + source.name());
    }
    Row r = pending;
    pending = null;
    return r;
  }

  /** @return the remaining rows as a sequential stream; closing the stream closes this reader */
  public Stream<Row> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false).onClose(this::close);
  }

  /**
   * Reads up to {@code maxRows} accepted rows into a table: the way to stream a large file, one
   * bounded batch in memory at a time.
   *
   * <pre>{@code
   * while (reader.hasNext()) {
   *   try (Table batch = reader.nextBatch(65_536)) { ... }
   * }
   * }</pre>
   *
   * @param maxRows the most rows the batch holds
   * @return a table of between 1 and {@code maxRows} rows, or of none if no row remains; close it
   * @throws IllegalArgumentException if {@code maxRows < 1}
   * @throws InvalidRowException under {@link ValidationPolicy#REJECT}, at the first bad record
   */
  public Table nextBatch(int maxRows) {
    return nextBatch(maxRows, null);
  }

  /**
   * As {@link #nextBatch(int)}, in a child of the given allocator (see {@link Table} on memory).
   *
   * @param maxRows the most rows the batch holds
   * @param allocator the parent allocator of the batch; the caller closes it after the batch
   * @return a table of up to {@code maxRows} rows; close it
   */
  public Table nextBatch(int maxRows, BufferAllocator allocator) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("maxRows must be >= 1 but was: " + maxRows);
    }
    try (Table.Builder b = allocator == null ? Table.builder(schema) : Table.builder(schema, allocator)) {
      while (b.rowCount() < maxRows && hasNext()) {
        b.add(next());
      }
      return b.build();
    }
  }

  /**
   * Reads every remaining accepted row into one table (the whole file must fit in memory; use
   * {@link #nextBatch(int)} otherwise).
   *
   * @return the table; close it
   * @throws InvalidRowException under {@link ValidationPolicy#REJECT}, at the first bad record
   */
  public Table readTable() {
    return readTable(null);
  }

  /**
   * @param allocator the parent allocator of the table; the caller closes it after the table
   * @return every remaining accepted row in one table; close it
   */
  public Table readTable(BufferAllocator allocator) {
    return nextBatch(Integer.MAX_VALUE, allocator);
  }

  /** @return the counts so far (complete once {@link #hasNext()} returned false) */
  public ReadReport report() {
    return new ReadReport(source.name(), rows, accepted, rejected, source.blankLines(), collected);
  }

  /** Closes the input and flushes the side file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    finished = true;
    try {
      source.close();
    } finally {
      if (rejects != null) {
        rejects.close();
      }
    }
  }

  private Row fetch() {
    while (!closed && source.advance()) {
      rows++;
      String problem = source.problem();
      if (problem != null) {
        reject(List.of(new Violation(RejectedRow.RECORD, source.rawText(), Rule.UNPARSEABLE, problem)));
        continue;
      }
      try {
        Row row = schema.row(source.values(), coercion);
        accepted++;
        return row;
      } catch (InvalidInputException e) {
        reject(e.violations());
      }
    }
    return null;
  }

  private void reject(List<Violation> violations) {
    rejected++;
    RejectedRow row = new RejectedRow(source.line(), source.rawBytes(), violations);
    switch (policy) {
      case REJECT:
        finished = true;
        throw new InvalidRowException(source.name(), row);
      case SKIP_AND_COLLECT:
        collected.add(row);
        break;
      default:
        rejects.write(row, source.rawIsJson());
    }
    if (listener != null) {
      listener.accept(row);
    }
  }

  /** The input formats. */
  private enum Kind {
    CSV("CSV"), JSON_LINES("JSON Lines"), ARROW_FILE("an Arrow file"), ARROW_STREAM("an Arrow stream");

    final String description;

    Kind(String description) {
      this.description = description;
    }
  }

  /**
   * Options of a {@link RowReader}; each is set at most once (a second call is an
   * {@link IllegalStateException} naming the value already set). Not thread-safe.
   */
  public static final class Builder {
    private final Kind kind;
    private final Path file;
    private final InputStream in;
    private final String name;
    private final Schema schema;
    private CsvFormat format;
    private ValidationPolicy policy;
    private Path quarantine;
    private Coercion coercion;
    private Consumer<RejectedRow> listener;

    private Builder(Kind kind, Path file, InputStream in, String name, Schema schema) {
      this.kind = kind;
      this.file = file;
      this.in = in;
      this.name = name;
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * @param format the CSV layout (default {@link CsvFormat#DEFAULT})
     * @return this builder
     */
    public Builder format(CsvFormat format) {
      Objects.requireNonNull(format, "format");
      if (kind != Kind.CSV) {
        throw new IllegalStateException("a CSV format applies to CSV input, not " + kind.description);
      }
      once("format", this.format);
      this.format = format;
      return this;
    }

    /**
     * @param policy what to do with bad records (default {@link ValidationPolicy#REJECT});
     *     {@link ValidationPolicy#QUARANTINE} is set with {@link #quarantine(Path)}
     * @return this builder
     * @throws IllegalArgumentException for QUARANTINE, which needs its side file
     */
    public Builder policy(ValidationPolicy policy) {
      Objects.requireNonNull(policy, "policy");
      if (policy == ValidationPolicy.QUARANTINE) {
        throw new IllegalArgumentException("QUARANTINE needs a side file: use quarantine(path)");
      }
      once("policy", this.policy);
      this.policy = policy;
      return this;
    }

    /**
     * Sets the {@link ValidationPolicy#QUARANTINE} policy: bad records go, untouched, with their
     * line and violations, to {@code rejects} (created or replaced on {@link #open()}, even when
     * no record is rejected, so a stale file never misleads).
     *
     * @param rejects the side file
     * @return this builder
     */
    public Builder quarantine(Path rejects) {
      Objects.requireNonNull(rejects, "rejects");
      once("policy", this.policy);
      this.policy = ValidationPolicy.QUARANTINE;
      this.quarantine = rejects;
      return this;
    }

    /**
     * @param coercion how text values are converted (default {@link Coercion#LENIENT}, the only
     *     mode in which CSV numbers, booleans and epoch timestamps parse)
     * @return this builder
     */
    public Builder coercion(Coercion coercion) {
      Objects.requireNonNull(coercion, "coercion");
      once("coercion", this.coercion);
      this.coercion = coercion;
      return this;
    }

    /**
     * @param listener called with every rejected record under SKIP_AND_COLLECT and QUARANTINE,
     *     in input order (for progress or a summary)
     * @return this builder
     */
    public Builder onRejected(Consumer<RejectedRow> listener) {
      Objects.requireNonNull(listener, "listener");
      once("onRejected", this.listener);
      this.listener = listener;
      return this;
    }

    /**
     * Opens the input, reads the header and matches it to the schema.
     *
     * @return the reader, positioned before the first row
     * @throws UncheckedIOException if the input cannot be opened or the side file created
     * @throws MalformedRecordException if the header is missing or malformed
     * @throws dev.mlsys.api.IncompatibleSchemaException if the header does not fit the schema
     */
    public RowReader open() {
      CsvFormat f = format == null ? CsvFormat.DEFAULT : format;
      RecordSource source = openSource(f);
      RejectsFile side = null;
      try {
        ValidationPolicy p = policy == null ? ValidationPolicy.REJECT : policy;
        if (p == ValidationPolicy.QUARANTINE) {
          checkNotInput(quarantine);
          side = kind == Kind.CSV
              ? RejectsFile.csv(quarantine, f, f.header() ? ((CsvSource) source).rawHeader() : null)
              : RejectsFile.jsonLines(quarantine);
        }
        return new RowReader(source, schema, coercion == null ? Coercion.LENIENT : coercion, p, side, listener);
      } catch (RuntimeException e) {
        try {
          source.close();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }

    private RecordSource openSource(CsvFormat f) {
      switch (kind) {
        case CSV: {
          CsvReader csv = file != null ? CsvReader.open(file, f) : CsvReader.open(in, name, f);
          try {
            return new CsvSource(csv, schema);
          } catch (RuntimeException e) {
            csv.close();
            throw e;
          }
        }
        case JSON_LINES:
          return new JsonLinesSource(file != null ? openFile() : in, name, CsvFormat.DEFAULT.maxRecordBytes());
        default:
          return openArrow();
      }
    }

    private RecordSource openArrow() {
      BufferAllocator allocator = new RootAllocator();
      ArrowReader reader = null;
      try {
        reader = kind == Kind.ARROW_FILE
            ? new ArrowFileReader(Files.newByteChannel(file), allocator)
            : new ArrowStreamReader(file != null ? openFile() : in, allocator);
        return new ArrowSource(reader, allocator, name, schema);
      } catch (IOException | RuntimeException e) {
        try {
          if (reader != null) {
            reader.close();
          } else if (in != null) {
            in.close();
          }
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        allocator.close();
        if (e instanceof dev.mlsys.api.MlsysException m) {
          throw m;
        }
        String what = name + ": not a readable Arrow " + (kind == Kind.ARROW_FILE ? "file" : "stream");
        if (e instanceof IOException io) {
          throw new UncheckedIOException(what + ": " + CsvReader.reason(io), io);
        }
        // Arrow reports a corrupt file with unchecked exceptions of its own
        throw new UncheckedIOException(what + ": " + e.getMessage(), new IOException(e.getMessage(), e));
      }
    }

    private InputStream openFile() {
      try {
        return Files.newInputStream(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open " + file + ": " + CsvReader.reason(e), e);
      }
    }

    private void checkNotInput(Path rejects) {
      if (file == null) {
        return;
      }
      try {
        if (Files.exists(rejects) && Files.isSameFile(file, rejects)) {
          throw new IllegalArgumentException("the quarantine file must not be the input file: " + rejects);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot check quarantine file " + rejects + ": " + e.getMessage(), e);
      }
    }

    private static void once(String option, Object current) {
      if (current != null) {
        throw new IllegalStateException(option + " was already set to " + current);
      }
    }
  }
}
