package dev.mlsys.data;

import dev.mlsys.api.BooleanField;
import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Field;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.TextField;
import dev.mlsys.api.TimestampField;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;

/**
 * One column of a {@link Table}: an Arrow vector holding the canonical values of one schema
 * field. Numeric values are float8, categorical values int32 codes into a dictionary of the
 * field's declared values (code = position in {@link CategoricalField#values()}), text UTF-8,
 * booleans bits, timestamps nanoseconds since the epoch in UTC. A null slot is a missing value.
 *
 * <p>Not thread-safe while being filled; read-only afterwards.
 */
abstract class Column implements AutoCloseable {
  /** The timestamp zone of every timestamp vector. */
  static final String UTC = "UTC";

  final Field field;
  final int dictionaryId;

  Column(Field field, int dictionaryId) {
    this.field = field;
    this.dictionaryId = dictionaryId;
  }

  /**
   * @param field the schema field
   * @param position the field's position in the table, used as the dictionary id of categoricals
   * @param allocator where the vectors live
   * @return an empty column
   */
  static Column create(Field field, int position, BufferAllocator allocator) {
    if (field instanceof NumericField) {
      return new Numeric(field, new Float8Vector(arrowField(field, position), allocator));
    }
    if (field instanceof CategoricalField c) {
      return new Categorical(c, position, new IntVector(arrowField(field, position), allocator),
          dictionary(c, allocator));
    }
    if (field instanceof TextField) {
      return new Text(field, new VarCharVector(arrowField(field, position), allocator));
    }
    if (field instanceof BooleanField) {
      return new Bool(field, new BitVector(arrowField(field, position), allocator));
    }
    if (field instanceof TimestampField) {
      return new Timestamp(field, new TimeStampNanoTZVector(arrowField(field, position), allocator));
    }
    throw new AssertionError(field);
  }

  /** @return the Arrow field of a schema field at a position */
  static org.apache.arrow.vector.types.pojo.Field arrowField(Field field, int position) {
    ArrowType type;
    DictionaryEncoding encoding = null;
    switch (field.type()) {
      case NUMERIC:
        type = new ArrowType.FloatingPoint(org.apache.arrow.vector.types.FloatingPointPrecision.DOUBLE);
        break;
      case CATEGORICAL:
        type = new ArrowType.Int(32, true);
        encoding = new DictionaryEncoding(position, false, new ArrowType.Int(32, true));
        break;
      case TEXT:
        type = ArrowType.Utf8.INSTANCE;
        break;
      case BOOLEAN:
        type = ArrowType.Bool.INSTANCE;
        break;
      default:
        type = new ArrowType.Timestamp(org.apache.arrow.vector.types.TimeUnit.NANOSECOND, UTC);
    }
    return new org.apache.arrow.vector.types.pojo.Field(field.name(),
        new org.apache.arrow.vector.types.pojo.FieldType(true, type, encoding), null);
  }

  private static VarCharVector dictionary(CategoricalField c, BufferAllocator allocator) {
    VarCharVector d = new VarCharVector(c.name() + ".dictionary", allocator);
    try {
      List<String> values = c.values();
      d.allocateNew(values.size());
      for (int i = 0; i < values.size(); i++) {
        d.setSafe(i, values.get(i).getBytes(StandardCharsets.UTF_8));
      }
      d.setValueCount(values.size());
      return d;
    } catch (RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** @return the vector holding the values */
  abstract FieldVector vector();

  /** @return the Arrow dictionary of a categorical column, or null */
  Dictionary dictionary() {
    return null;
  }

  /** Sets a canonical value (as a {@link dev.mlsys.api.Row} holds it) or null for missing. */
  abstract void set(int row, Object value);

  /** @return the canonical value, or null if missing */
  abstract Object get(int row);

  /** @return the value as a double as {@link dev.mlsys.api.Row#getDouble(int)} reads it; NaN if missing */
  double getDouble(int row) {
    throw new IllegalArgumentException("column '" + field.name() + "' is " + field.type().id()
        + "; doubles() reads numeric, boolean and timestamp columns only");
  }

  /** @return the value as text as {@link dev.mlsys.api.Row#getString(String)} reads it; null if missing */
  String getString(int row) {
    Object v = get(row);
    return v == null ? null : v.toString();
  }

  boolean isMissing(int row) {
    return vector().isNull(row);
  }

  /** @return a new empty column of the same field and position in another allocator */
  Column emptyLike(BufferAllocator allocator) {
    return emptyLike(allocator, dictionaryId);
  }

  /** @return a new empty column of the same field at another position (a categorical's dictionary id) */
  Column emptyLike(BufferAllocator allocator, int position) {
    return create(field, position, allocator);
  }

  /** Copies value {@code from} of {@code source} (a column of the same field) to slot {@code to}. */
  void copy(Column source, int from, int to) {
    vector().copyFromSafe(from, to, source.vector());
  }

  /**
   * Copies rows [0, length) into a new column in another allocator. A copy rather than a shared
   * buffer, so that each table's allocator owns exactly its own memory and tables close in any
   * order.
   */
  Column head(BufferAllocator allocator, int length) {
    return head(allocator, length, dictionaryId);
  }

  /** As {@link #head(BufferAllocator, int)}, for a column that moves to another position. */
  Column head(BufferAllocator allocator, int length, int position) {
    Column target = emptyLike(allocator, position);
    try {
      FieldVector from = vector();
      FieldVector to = target.vector();
      to.setInitialCapacity(length);
      to.allocateNew();
      for (int i = 0; i < length; i++) {
        to.copyFromSafe(i, i, from);
      }
      to.setValueCount(length);
      return target;
    } catch (RuntimeException e) {
      target.close();
      throw e;
    }
  }

  void setValueCount(int n) {
    vector().setValueCount(n);
  }

  @Override
  public void close() {
    vector().close();
  }

  static final class Numeric extends Column {
    private final Float8Vector v;

    Numeric(Field field, Float8Vector v) {
      super(field, -1);
      this.v = v;
    }

    @Override
    FieldVector vector() {
      return v;
    }

    @Override
    void set(int row, Object value) {
      if (value == null) {
        v.setNull(row);
      } else {
        v.setSafe(row, (Double) value);
      }
    }

    @Override
    Object get(int row) {
      return v.isNull(row) ? null : v.get(row);
    }

    @Override
    double getDouble(int row) {
      return v.isNull(row) ? Double.NaN : v.get(row);
    }
  }

  static final class Categorical extends Column {
    private final CategoricalField cat;
    private final IntVector codes;
    private final VarCharVector dictionaryVector;
    private final Dictionary dictionary;

    Categorical(CategoricalField field, int id, IntVector codes, VarCharVector dictionaryVector) {
      super(field, id);
      this.cat = field;
      this.codes = codes;
      this.dictionaryVector = dictionaryVector;
      this.dictionary = new Dictionary(dictionaryVector, codes.getField().getDictionary());
    }

    @Override
    FieldVector vector() {
      return codes;
    }

    @Override
    Dictionary dictionary() {
      return dictionary;
    }

    @Override
    void set(int row, Object value) {
      if (value == null) {
        codes.setNull(row);
        return;
      }
      int code = cat.indexOf((String) value);
      if (code < 0) {
        throw new IllegalArgumentException("field '" + field.name() + "': value '" + value
            + "' is not one of its declared values " + cat.values());
      }
      codes.setSafe(row, code);
    }

    @Override
    Object get(int row) {
      return codes.isNull(row) ? null : cat.values().get(codes.get(row));
    }

    /** @return the code (position in the declared values) or -1 if missing */
    int code(int row) {
      return codes.isNull(row) ? -1 : codes.get(row);
    }

    @Override
    public void close() {
      try {
        codes.close();
      } finally {
        dictionaryVector.close();
      }
    }
  }

  static final class Text extends Column {
    private final VarCharVector v;

    Text(Field field, VarCharVector v) {
      super(field, -1);
      this.v = v;
    }

    @Override
    FieldVector vector() {
      return v;
    }

    @Override
    void set(int row, Object value) {
      if (value == null) {
        v.setNull(row);
      } else {
        String text = (String) value;
        checkUnicode(text);
        v.setSafe(row, text.getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    Object get(int row) {
      return v.isNull(row) ? null : new String(v.get(row), StandardCharsets.UTF_8);
    }

    /** UTF-8 cannot hold an unpaired surrogate; refuse it rather than store a replacement. */
    private void checkUnicode(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isSurrogate(c)) {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            i++;
          } else {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                "field '%s': text has an unpaired surrogate U+%04X at index %d, which UTF-8 cannot hold",
                field.name(), (int) c, i));
          }
        }
      }
    }
  }

  static final class Bool extends Column {
    private final BitVector v;

    Bool(Field field, BitVector v) {
      super(field, -1);
      this.v = v;
    }

    @Override
    FieldVector vector() {
      return v;
    }

    @Override
    void set(int row, Object value) {
      if (value == null) {
        v.setNull(row);
      } else {
        v.setSafe(row, (Boolean) value ? 1 : 0);
      }
    }

    @Override
    Object get(int row) {
      return v.isNull(row) ? null : v.get(row) != 0;
    }

    @Override
    double getDouble(int row) {
      return v.isNull(row) ? Double.NaN : v.get(row);
    }
  }

  static final class Timestamp extends Column {
    private static final long NANOS = 1_000_000_000L;
    private final TimeStampNanoTZVector v;

    Timestamp(Field field, TimeStampNanoTZVector v) {
      super(field, -1);
      this.v = v;
    }

    @Override
    FieldVector vector() {
      return v;
    }

    @Override
    void set(int row, Object value) {
      if (value == null) {
        v.setNull(row);
        return;
      }
      Instant t = (Instant) value;
      long nanos;
      try {
        nanos = Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "field '%s': timestamp %s is outside the range of nanosecond timestamps (%s to %s)", field.name(), t,
            Instant.ofEpochSecond(0, Long.MIN_VALUE), Instant.ofEpochSecond(0, Long.MAX_VALUE)), e);
      }
      v.setSafe(row, nanos);
    }

    @Override
    Object get(int row) {
      if (v.isNull(row)) {
        return null;
      }
      long n = v.get(row);
      return Instant.ofEpochSecond(Math.floorDiv(n, NANOS), Math.floorMod(n, NANOS));
    }

    @Override
    double getDouble(int row) {
      if (v.isNull(row)) {
        return Double.NaN;
      }
      return Math.floorDiv(v.get(row), 1_000_000L);
    }
  }
}
