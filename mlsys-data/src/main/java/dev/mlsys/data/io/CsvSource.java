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

/** CSV records matched to a schema's fields by header name (or by position without a header). */
final class CsvSource implements RecordSource {
  private final CsvReader csv;
  private final CsvParser parser;
  private final String[] keys;
  private final int[] columns;
  private final Map<String, Integer> slots;
  private final Object[] slotValues;
  private final Map<String, Object> view;

  CsvSource(CsvReader csv, Schema schema) {
    this.csv = csv;
    this.parser = csv.parser();
    List<String> header = csv.header();
    if (!csv.hasHeaderLine() && header.isEmpty()) {
      // an empty headerless file: nothing to match
      this.keys = new String[0];
      this.columns = new int[0];
    } else if (!csv.hasHeaderLine()) {
      List<String> names = schema.names();
      if (header.size() != names.size() && header.size() != schema.fields().size()) {
        throw new IncompatibleSchemaException(csv.source() + ": the file has no header and its first record has "
            + header.size() + " fields, but the schema has " + names.size() + " fields " + names
            + " to match by position");
      }
      this.keys = names.subList(0, header.size()).toArray(new String[0]);
      this.columns = new int[keys.length];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = i;
      }
    } else {
      List<String> unknown = new ArrayList<>();
      List<String> matched = new ArrayList<>();
      List<Integer> at = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        if (schema.has(header.get(i))) {
          matched.add(header.get(i));
          at.add(i);
        } else {
          unknown.add(header.get(i));
        }
      }
      if (!unknown.isEmpty() && schema.unknownFields() == UnknownFieldPolicy.REJECT) {
        throw new IncompatibleSchemaException(csv.source() + ": the header has columns " + unknown
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
        throw new IncompatibleSchemaException(csv.source() + ": the header lacks the required field(s) " + absent
            + "; header columns are " + header);
      }
      this.keys = matched.toArray(new String[0]);
      this.columns = at.stream().mapToInt(Integer::intValue).toArray();
    }
    this.slots = new HashMap<>(keys.length * 2);
    for (int i = 0; i < keys.length; i++) {
      slots.put(keys[i], i);
    }
    this.slotValues = new Object[keys.length];
    this.view = new SlotMap();
  }

  @Override
  public String name() {
    return csv.source();
  }

  @Override
  public boolean advance() {
    return csv.advance();
  }

  @Override
  public long line() {
    return parser.line();
  }

  @Override
  public String problem() {
    return parser.problem();
  }

  @Override
  public Map<String, ?> values() {
    for (int i = 0; i < columns.length; i++) {
      slotValues[i] = parser.value(columns[i]);
    }
    return view;
  }

  @Override
  public byte[] rawBytes() {
    return parser.rawBytes();
  }

  @Override
  public String rawText() {
    return parser.rawText();
  }

  @Override
  public long blankLines() {
    return parser.blankLines();
  }

  @Override
  public void close() {
    csv.close();
  }

  CsvReader reader() {
    return csv;
  }

  /** A read-only map over the current record's slots; no allocation per record. */
  private final class SlotMap extends AbstractMap<String, Object> {
    @Override
    public Object get(Object key) {
      Integer i = slots.get(key);
      return i == null ? null : slotValues[i];
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
              return new SimpleImmutableEntry<>(keys[k], slotValues[k]);
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
