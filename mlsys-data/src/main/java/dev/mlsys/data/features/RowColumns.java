package dev.mlsys.data.features;

import dev.mlsys.api.Field;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link Columns} over a list of rows, which may come from several equal or compatible schemas. */
final class RowColumns implements Columns {
  private final List<Row> rows;
  private final Schema first;
  private final Map<String, double[]> numeric = new HashMap<>();
  private final Map<String, String[]> tokens = new HashMap<>();

  RowColumns(Iterable<? extends Row> rows) {
    Objects.requireNonNull(rows, "rows");
    List<Row> list = new ArrayList<>();
    int i = 0;
    for (Row r : rows) {
      if (r == null) {
        throw new IllegalArgumentException("rows[" + i + "] is null");
      }
      list.add(r);
      i++;
    }
    this.rows = list;
    this.first = list.isEmpty() ? null : list.get(0).schema();
  }

  Schema schema() {
    return first;
  }

  @Override
  public int size() {
    return rows.size();
  }

  @Override
  public Field field(String name) {
    if (first == null) {
      throw new IllegalArgumentException("no rows");
    }
    if (!first.has(name)) {
      throw new IllegalArgumentException("the pipeline reads field '" + name + "' but the rows have only "
          + first.names());
    }
    return first.field(name).orElseThrow();
  }

  @Override
  public double[] numeric(String name) {
    return numeric.computeIfAbsent(name, n -> {
      Field f = field(n);
      double[] out = new double[rows.size()];
      Schema cached = null;
      int pos = -1;
      for (int i = 0; i < out.length; i++) {
        Row r = rows.get(i);
        if (r.schema() != cached) {
          cached = r.schema();
          pos = position(cached, f, i);
        }
        out[i] = Tokens.number(r.get(pos), f);
      }
      return out;
    });
  }

  @Override
  public String[] tokens(String name) {
    return tokens.computeIfAbsent(name, n -> {
      Field f = field(n);
      String[] out = new String[rows.size()];
      Schema cached = null;
      int pos = -1;
      for (int i = 0; i < out.length; i++) {
        Row r = rows.get(i);
        if (r.schema() != cached) {
          cached = r.schema();
          pos = position(cached, f, i);
        }
        out[i] = Tokens.of(r.get(pos));
      }
      return out;
    });
  }

  private static int position(Schema s, Field f, int row) {
    Field other = s.field(f.name()).orElseThrow(() -> new IllegalArgumentException(
        "rows[" + row + "] has no field '" + f.name() + "' but earlier rows do"));
    if (!Tokens.compatible(f.type(), other.type())) {
      throw new IllegalArgumentException("field '" + f.name() + "' is " + other.type().id() + " in rows[" + row
          + "] but " + f.type().id() + " in earlier rows");
    }
    return s.indexOf(f.name());
  }
}
