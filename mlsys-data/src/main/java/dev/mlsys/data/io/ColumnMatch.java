package dev.mlsys.data.io;

import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Schema;
import dev.mlsys.api.UnknownFieldPolicy;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The columns of a file with a fixed set of named columns (a CSV header, an Arrow schema) matched
 * to a schema's fields, checked once: a column the schema does not declare is an
 * {@link IncompatibleSchemaException} when the schema rejects unknown fields, as is a required
 * field with no column (every row would fail). Holds a reusable map view of one record's values.
 * Not thread-safe.
 */
final class ColumnMatch {
  private final String[] keys;
  private final int[] columns;
  private final Map<String, Integer> slots;
  private final Object[] values;
  private final Map<String, Object> view = new SlotMap();

  private ColumnMatch(String[] keys, int[] columns) {
    this.keys = keys;
    this.columns = columns;
    this.slots = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      slots.put(keys[i], i);
    }
    this.values = new Object[keys.length];
  }

  /** Matches named columns to the schema's fields by name. */
  static ColumnMatch byName(String source, List<String> names, Schema schema, String what) {
    List<String> unknown = new ArrayList<>();
    List<String> matched = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (schema.has(names.get(i))) {
        matched.add(names.get(i));
        at.add(i);
      } else {
        unknown.add(names.get(i));
      }
    }
    if (!unknown.isEmpty() && schema.unknownFields() == UnknownFieldPolicy.REJECT) {
      throw new IncompatibleSchemaException(source + ": the " + what + " has columns " + unknown
          + " that the schema does not declare (and the schema rejects unknown fields); schema fields are "
          + schema.names());
    }
    List<String> absent = new ArrayList<>();
    schema.fields().forEach(f -> {
      if (!f.nullable() && !matched.contains(f.name())) {
        absent.add(f.name());
      }
    });
    if (!absent.isEmpty()) {
      throw new IncompatibleSchemaException(source + ": the " + what + " lacks the required field(s) " + absent
          + "; its columns are " + names);
    }
    return new ColumnMatch(matched.toArray(new String[0]), at.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Matches the first {@code count} columns to the schema's fields (features, then the label) by position. */
  static ColumnMatch byPosition(String source, int count, Schema schema) {
    List<String> names = schema.names();
    if (count != names.size() && count != schema.fields().size()) {
      throw new IncompatibleSchemaException(source + ": the file has no header and its first record has "
          + count + " fields, but the schema has " + names.size() + " fields " + names + " to match by position");
    }
    int[] columns = new int[count];
    for (int i = 0; i < count; i++) {
      columns[i] = i;
    }
    return new ColumnMatch(names.subList(0, count).toArray(new String[0]), columns);
  }

  /** @return a match of no columns, for input without records */
  static ColumnMatch empty() {
    return new ColumnMatch(new String[0], new int[0]);
  }

  /** @return how many columns are matched */
  int size() {
    return keys.length;
  }

  /** @return the file column of matched slot {@code i} */
  int column(int i) {
    return columns[i];
  }

  /** Sets the value of matched slot {@code i} for the current record. */
  void set(int i, Object value) {
    values[i] = value;
  }

  /** @return the current record as a read-only map over the slots; no allocation per record */
  Map<String, Object> view() {
    return view;
  }

  private final class SlotMap extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      Integer i = slots.get(key);
      return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
      return slots.containsKey(key);
    }

    @Override
    public int size() {
      return keys.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Entry<String, Object>> iterator() {
          return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
              return i < keys.length;
            }

            @Override
            public Entry<String, Object> next() {
              if (i >= keys.length) {
                throw new NoSuchElementException();
              }
              int k = i++;
              return new SimpleImmutableEntry<>(keys[k], values[k]);
            }
          };
        }

        @Override
        public int size() {
          return keys.length;
        }
      };
    }
  }
}
