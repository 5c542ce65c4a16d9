package dev.mlsys.data.features;

import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.data.Table;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link Columns} over a {@link Table}: numbers from {@link Table#doubles(String)}, tokens from
 * {@link Table#strings(String)} (numbers through {@link Tokens#ofNumber(double)}), the same values
 * the row path reads from {@link dev.mlsys.api.Row}s of the table.
 */
final class TableColumns implements Columns {
  private final Table table;
  private final Map<String, double[]> numeric = new HashMap<>();
  private final Map<String, String[]> tokens = new HashMap<>();

  TableColumns(Table table) {
    this.table = table;
  }

  @Override
  public int size() {
    return table.rowCount();
  }

  @Override
  public Field field(String name) {
    return table.schema().field(name).orElseThrow(() -> new IllegalArgumentException("the pipeline reads field '"
        + name + "' but the table has only " + table.columnNames()));
  }

  @Override
  public double[] numeric(String name) {
    return numeric.computeIfAbsent(name, table::doubles);
  }

  @Override
  public String[] tokens(String name) {
    return tokens.computeIfAbsent(name, n -> {
      if (field(n).type() == FieldType.NUMERIC) {
        double[] d = numeric(n);
        String[] out = new String[d.length];
        for (int i = 0; i < d.length; i++) {
          out[i] = Tokens.ofNumber(d[i]);
        }
        return out;
      }
      return table.strings(n);
    });
  }
}
