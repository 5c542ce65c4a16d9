package dev.mlsys.data;

import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.api.UnknownFieldPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/**
 * An immutable columnar table of rows of one {@link Schema}, held in Apache Arrow vectors: numeric
 * columns as float8, categorical columns dictionary-encoded (int32 codes into the field's declared
 * values), text as UTF-8, booleans as bits, timestamps as nanoseconds in UTC. Columns are in
 * {@link Schema#allFields()} order, the label last.
 *
 * <pre>{@code
 * try (Table t = Table.fromRows(schema, rows)) {
 *   double[] age = t.doubles("age");              // NaN where missing
 *   String[] plan = t.strings("plan");            // null where missing
 *   try (Table adults = t.filter(r -> r.getDouble("age") >= 18); Table some = t.take(new int[] {3, 1, 3})) {
 *     adults.rows().forEach(System.out::println);
 *   }
 * }
 * }</pre>
 *
 * <h2>Memory</h2>
 * A table's vectors live off-heap in its own child allocator, which {@link #close()} releases;
 * use try-with-resources. A table built with an allocator ({@link #fromRows(Schema, Iterable,
 * BufferAllocator)}, {@link #builder(Schema, BufferAllocator)}) takes a child of it, so the
 * caller owns the parent and closes it after every table made from it (Arrow's
 * {@code RootAllocator.close()} fails if a table was left open). Without one, the child comes
 * from a process-wide root allocator that is never closed. A derived table ({@link #select},
 * {@link #filter}, {@link #head}, {@link #take}) is a new table, with its own child of the same
 * parent; it stays valid after its source is closed, and must be closed itself.
 *
 * <p>Thread-safety: immutable once built; any number of threads may read a table concurrently,
 * but none may read it while or after it is closed. Accessors throw {@link IllegalStateException}
 * after {@link #close()}.
 */
public final class Table implements AutoCloseable {
  private final Schema schema;
  private final BufferAllocator allocator;
  private final Column[] columns;
  private final int rowCount;
  private volatile boolean closed;

  Table(Schema schema, BufferAllocator allocator, Column[] columns, int rowCount) {
    this.schema = schema;
    this.allocator = allocator;
    this.columns = columns;
    this.rowCount = rowCount;
  }

  /**
   * Builds a table from rows, in the process-wide allocator.
   *
   * @param schema the table's schema
   * @param rows rows of that schema (each row's schema must have the same fields)
   * @return the table; close it
   * @throws IllegalArgumentException if a row has another schema, a timestamp lies outside
   *     1677-09-21..2262-04-11 (the range of nanosecond timestamps), or a text holds an unpaired
   *     surrogate (which UTF-8 cannot hold)
   */
  public static Table fromRows(Schema schema, Iterable<Row> rows) {
    return fromRows(schema, rows, Allocators.ROOT);
  }

  /**
   * Builds a table from rows, in a child of the given allocator.
   *
   * @param schema the table's schema
   * @param rows rows of that schema
   * @param allocator the parent allocator; the caller closes it after the table
   * @return the table; close it
   * @throws IllegalArgumentException as {@link #fromRows(Schema, Iterable)}
   */
  public static Table fromRows(Schema schema, Iterable<Row> rows, BufferAllocator allocator) {
    try (Builder b = builder(schema, allocator)) {
      rows.forEach(b::add);
      return b.build();
    }
  }

  /**
   * @param schema the table's schema
   * @return a builder in the process-wide allocator
   */
  public static Builder builder(Schema schema) {
    return builder(schema, Allocators.ROOT);
  }

  /**
   * @param schema the table's schema
   * @param allocator the parent allocator; the caller closes it after the table
   * @return a builder; close it if {@link Builder#build()} is never called
   */
  public static Builder builder(Schema schema, BufferAllocator allocator) {
    return new Builder(schema, allocator);
  }

  /** @return the table's schema */
  public Schema schema() {
    return schema;
  }

  /** @return the number of rows */
  public int rowCount() {
    return rowCount;
  }

  /** @return the column names, in schema order (features, then the label) */
  public List<String> columnNames() {
    return schema.names();
  }

  /**
   * Reads a numeric, boolean (1 or 0) or timestamp (epoch milliseconds) column, as
   * {@link Row#getDouble(String)} reads a value.
   *
   * @param column a column name
   * @return a new array of {@link #rowCount()} values, NaN where a value is missing (use
   *     {@link #isMissing(String, int)} to tell it from an allowed NaN)
   * @throws IllegalArgumentException if there is no such column or it is categorical or text
   */
  public double[] doubles(String column) {
    Column c = column(column);
    double[] out = new double[rowCount];
    for (int i = 0; i < rowCount; i++) {
      out[i] = c.getDouble(i);
    }
    return out;
  }

  /**
   * Reads a column as text: categorical and text values as they are, other kinds in their
   * {@code toString} form (as {@link Row#getString(String)}).
   *
   * @param column a column name
   * @return a new array of {@link #rowCount()} values, null where a value is missing
   * @throws IllegalArgumentException if there is no such column
   */
  public String[] strings(String column) {
    Column c = column(column);
    String[] out = new String[rowCount];
    for (int i = 0; i < rowCount; i++) {
      out[i] = c.getString(i);
    }
    return out;
  }

  /**
   * Reads a categorical column's codes: each value's position in the field's declared values
   * ({@link CategoricalField#values()}), the order encoders use.
   *
   * @param column a categorical column name
   * @return a new array of {@link #rowCount()} codes, -1 where a value is missing
   * @throws IllegalArgumentException if there is no such column or it is not categorical
   */
  public int[] codes(String column) {
    Column c = column(column);
    if (!(c instanceof Column.Categorical cat)) {
      throw new IllegalArgumentException("column '" + column + "' is " + c.field.type().id()
          + "; codes() reads categorical columns only");
    }
    int[] out = new int[rowCount];
    for (int i = 0; i < rowCount; i++) {
      out[i] = cat.code(i);
    }
    return out;
  }

  /**
   * @param column a column name
   * @param row a row index
   * @return the canonical value ({@link Double}, {@link String}, {@link Boolean},
   *     {@link java.time.Instant}) or null if missing
   * @throws IllegalArgumentException if there is no such column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public Object value(String column, int row) {
    return column(column).get(checkRow(row));
  }

  /**
   * @param column a column name
   * @param row a row index
   * @return whether the value is missing
   * @throws IllegalArgumentException if there is no such column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public boolean isMissing(String column, int row) {
    return column(column).isMissing(checkRow(row));
  }

  /**
   * @param index a row index
   * @return the row, a validated {@link Row} of this table's schema
   * @throws IndexOutOfBoundsException if the index is out of range
   */
  public Row row(int index) {
    checkRow(index);
    Object[] values = new Object[columns.length];
    for (int c = 0; c < columns.length; c++) {
      values[c] = columns[c].get(index);
    }
    return schema.rowOf(values);
  }

  /** @return the rows in order, as a sequential stream (each row is made on demand) */
  public Stream<Row> rows() {
    checkOpen();
    return IntStream.range(0, rowCount).mapToObj(this::row);
  }

  /** @return the rows in order, in a new list */
  public List<Row> toRows() {
    return rows().toList();
  }

  /**
   * @param names the columns to keep, in the order wanted; the label is kept as the label if named
   * @return a new table of those columns; close it
   * @throws IllegalArgumentException if a name is unknown or repeated, or none is given
   */
  public Table select(String... names) {
    checkOpen();
    if (names.length == 0) {
      throw new IllegalArgumentException("select needs at least one column");
    }
    Set<String> wanted = new LinkedHashSet<>(Arrays.asList(names));
    if (wanted.size() != names.length) {
      throw new IllegalArgumentException("select names a column twice: " + Arrays.toString(names));
    }
    Schema.Builder b = Schema.builder().coercion(schema.coercion());
    if (schema.unknownFields() == UnknownFieldPolicy.IGNORE) {
      b.ignoreUnknownFields();
    }
    List<Integer> positions = new ArrayList<>();
    String label = schema.label().map(Field::name).orElse(null);
    for (String n : names) {
      int i = schema.indexOf(n);
      if (!n.equals(label)) {
        b.field(schema.allFields().get(i));
        positions.add(i);
      }
    }
    if (label != null && wanted.contains(label)) {
      b.label(schema.label().get());
      positions.add(schema.indexOf(label));
    }
    Schema selected = b.build();
    return derive(selected, (child, c) -> columns[positions.get(c)].head(child, rowCount, c), positions.size(),
        rowCount);
  }

  /**
   * @param n the number of rows to keep
   * @return a new table of the first {@code min(n, rowCount())} rows; close it
   * @throws IllegalArgumentException if {@code n < 0}
   */
  public Table head(int n) {
    checkOpen();
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0 but was: " + n);
    }
    int length = Math.min(n, rowCount);
    return derive(schema, (child, c) -> columns[c].head(child, length), columns.length, length);
  }

  /**
   * @param keep which rows to keep
   * @return a new table of the rows that pass, in order; close it
   */
  public Table filter(Predicate<? super Row> keep) {
    Objects.requireNonNull(keep, "keep");
    checkOpen();
    int[] indices = IntStream.range(0, rowCount).filter(i -> keep.test(row(i))).toArray();
    return take(indices);
  }

  /**
   * Gathers rows by index, in the order given; an index may repeat (bootstrap samples, oversampling).
   *
   * @param indices row indices, each in [0, rowCount())
   * @return a new table of {@code indices.length} rows; close it
   * @throws IndexOutOfBoundsException naming the first index out of range
   */
  public Table take(int[] indices) {
    Objects.requireNonNull(indices, "indices");
    checkOpen();
    for (int k = 0; k < indices.length; k++) {
      if (indices[k] < 0 || indices[k] >= rowCount) {
        throw new IndexOutOfBoundsException("indices[" + k + "] = " + indices[k] + " is outside [0, " + rowCount + ")");
      }
    }
    return derive(schema, (child, c) -> {
      Column source = columns[c];
      Column target = source.emptyLike(child);
      try {
        target.vector().setInitialCapacity(indices.length);
        target.vector().allocateNew();
        for (int k = 0; k < indices.length; k++) {
          target.copy(source, indices[k], k);
        }
        target.setValueCount(indices.length);
        return target;
      } catch (RuntimeException e) {
        target.close();
        throw e;
      }
    }, columns.length, indices.length);
  }

  /**
   * A view of this table as an Arrow {@link VectorSchemaRoot} for Arrow-native code (writers,
   * interchange). The vectors remain this table's: do not modify or close them; the view is
   * invalid once the table is closed. Categorical columns hold codes; their dictionaries come
   * from {@link #dictionaries()}.
   *
   * @return a new root over this table's vectors
   */
  public VectorSchemaRoot arrowView() {
    checkOpen();
    List<FieldVector> vectors = new ArrayList<>(columns.length);
    for (Column c : columns) {
      vectors.add(c.vector());
    }
    List<org.apache.arrow.vector.types.pojo.Field> fields = new ArrayList<>(columns.length);
    for (Column c : columns) {
      fields.add(c.vector().getField());
    }
    return new VectorSchemaRoot(fields, vectors, rowCount);
  }

  /** @return the dictionaries of the categorical columns, by the ids in {@link #arrowView()}'s fields */
  public DictionaryProvider dictionaries() {
    checkOpen();
    DictionaryProvider.MapDictionaryProvider provider = new DictionaryProvider.MapDictionaryProvider();
    for (Column c : columns) {
      if (c.dictionary() != null) {
        provider.put(c.dictionary());
      }
    }
    return provider;
  }

  /** @return whether {@link #close()} was called */
  public boolean isClosed() {
    return closed;
  }

  /** Releases the table's Arrow memory. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      closeAll(Arrays.asList(columns));
    } finally {
      allocator.close();
    }
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "Table[%d rows x %d columns: %s]", rowCount, columns.length, schema);
  }

  private Column column(String name) {
    checkOpen();
    return columns[schema.indexOf(name)];
  }

  private int checkRow(int row) {
    checkOpen();
    return Objects.checkIndex(row, rowCount);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("the table was closed");
    }
  }

  private interface ColumnMaker {
    Column make(BufferAllocator child, int column);
  }

  private Table derive(Schema newSchema, ColumnMaker maker, int count, int rows) {
    BufferAllocator parent = allocator.getParentAllocator();
    BufferAllocator child = Allocators.child(parent);
    Column[] made = new Column[count];
    try {
      for (int c = 0; c < count; c++) {
        made[c] = maker.make(child, c);
      }
      return new Table(newSchema, child, made, rows);
    } catch (RuntimeException e) {
      closeAll(Arrays.asList(made));
      child.close();
      throw e;
    }
  }

  static void closeAll(List<Column> columns) {
    RuntimeException first = null;
    for (Column c : columns) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Fills a {@link Table} row by row. Each added row must have the builder's schema (same fields).
   * The builder owns its vectors until {@link #build()} hands them to the table; close a builder
   * that is abandoned (try-with-resources does both). Not thread-safe.
   */
  public static final class Builder implements AutoCloseable {
    private final Schema schema;
    private final BufferAllocator allocator;
    private final Column[] columns;
    private int rows;
    private boolean done;

    private Builder(Schema schema, BufferAllocator parent) {
      this.schema = Objects.requireNonNull(schema, "schema");
      Objects.requireNonNull(parent, "allocator");
      this.allocator = Allocators.child(parent);
      List<Field> fields = schema.allFields();
      this.columns = new Column[fields.size()];
      try {
        for (int i = 0; i < columns.length; i++) {
          columns[i] = Column.create(fields.get(i), i, allocator);
          columns[i].vector().allocateNew();
        }
      } catch (RuntimeException e) {
        closeAll(Arrays.asList(columns));
        allocator.close();
        throw e;
      }
    }

    /**
     * @param row a row of the builder's schema
     * @return this builder
     * @throws IllegalArgumentException if the row's fields differ from the schema's
     * @throws IllegalStateException after {@link #build()} or {@link #close()}
     */
    public Builder add(Row row) {
      Objects.requireNonNull(row, "row");
      if (done) {
        throw new IllegalStateException("the builder was already built or closed");
      }
      if (row.schema() != schema && !row.schema().allFields().equals(schema.allFields())) {
        throw new IllegalArgumentException("row of schema " + row.schema() + " does not fit the table schema " + schema);
      }
      int i = rows;
      for (int c = 0; c < columns.length; c++) {
        columns[c].set(i, row.get(c));
      }
      rows++;
      return this;
    }

    /** @return the number of rows added so far */
    public int rowCount() {
      return rows;
    }

    /**
     * @return the table holding the added rows; the builder is spent
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    public Table build() {
      if (done) {
        throw new IllegalStateException("the builder was already built or closed");
      }
      done = true;
      for (Column c : columns) {
        c.setValueCount(rows);
      }
      return new Table(schema, allocator, columns, rows);
    }

    /** Releases the vectors if {@link #build()} was not called; otherwise does nothing. */
    @Override
    public void close() {
      if (done) {
        return;
      }
      done = true;
      try {
        closeAll(Arrays.asList(columns));
      } finally {
        allocator.close();
      }
    }
  }

  /** The process-wide root allocator and the naming of child allocators. */
  static final class Allocators {
    static final BufferAllocator ROOT = new RootAllocator();
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    private Allocators() {}

    static BufferAllocator child(BufferAllocator parent) {
      return parent.newChildAllocator("mlsys-table-" + SEQUENCE.incrementAndGet(), 0, parent.getLimit());
    }
  }
}
