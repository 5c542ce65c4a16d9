package dev.mlsys.data.io;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
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

/**
 * Reads a data file as validated {@link Row}s of a {@link Schema}, streaming (one record in memory
 * at a time), and applies a {@link ValidationPolicy} to every record that breaks the schema or is
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
 * <p>CSV values are text, so they are converted with {@link Coercion#LENIENT} unless another
 * coercion is chosen; a quoted value is never missing, an unquoted {@code NA} or empty value is
 * (see {@link CsvFormat}). Header columns are matched to fields by name: a column the schema does
 * not declare is an {@link dev.mlsys.api.IncompatibleSchemaException} when the schema rejects
 * unknown fields (and ignored otherwise), as is a required field with no column, since then every
 * row would fail.
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
    return new Builder(file, null, file.toString(), schema);
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
    return new Builder(null, in, name, schema);
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
        rejects.write(row);
    }
    if (listener != null) {
      listener.accept(row);
    }
  }

  /**
   * Options of a {@link RowReader}; each is set at most once (a second call is an
   * {@link IllegalStateException} naming the value already set). Not thread-safe.
   */
  public static final class Builder {
    private final Path file;
    private final InputStream in;
    private final String name;
    private final Schema schema;
    private CsvFormat format;
    private ValidationPolicy policy;
    private Path quarantine;
    private Coercion coercion;
    private Consumer<RejectedRow> listener;

    private Builder(Path file, InputStream in, String name, Schema schema) {
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
      CsvReader csv;
      if (file != null) {
        csv = CsvReader.open(file, f);
      } else {
        csv = CsvReader.open(in, name, f);
      }
      RejectsFile side = null;
      try {
        CsvSource source = new CsvSource(csv, schema);
        ValidationPolicy p = policy == null ? ValidationPolicy.REJECT : policy;
        if (p == ValidationPolicy.QUARANTINE) {
          checkNotInput(quarantine);
          side = RejectsFile.csv(quarantine, f, f.header() ? csv.rawHeader() : null);
        }
        return new RowReader(source, schema, coercion == null ? Coercion.LENIENT : coercion, p, side, listener);
      } catch (RuntimeException e) {
        csv.close();
        throw e;
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
