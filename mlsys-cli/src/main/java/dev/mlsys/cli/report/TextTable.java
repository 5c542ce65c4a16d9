package dev.mlsys.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table for the terminal: a header, rows of cells, columns padded to their widest cell, numbers
 * right-aligned. Not thread-safe; build and print on one thread.
 *
 * <pre>{@code
 * TextTable t = new TextTable("model", "accuracy");
 * t.row("bagging", TextTable.num(0.9561, 4));
 * out.print(t.render());
 * }</pre>
 */
public final class TextTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** @param header the column titles */
  public TextTable(String... header) {
    this.header = List.of(header);
  }

  /**
   * @param cells one cell per column; objects are printed with {@code String.valueOf}
   * @return this table
   * @throws IllegalArgumentException if the number of cells differs from the header's
   */
  public TextTable row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("a row needs " + header.size() + " cells but got " + cells.length);
    }
    List<String> row = new ArrayList<>(cells.length);
    for (Object c : cells) {
      row.add(String.valueOf(c));
    }
    rows.add(row);
    return this;
  }

  /** @return the number of rows so far */
  public int size() {
    return rows.size();
  }

  /**
   * @param value a number
   * @param decimals digits after the point
   * @return the number formatted with {@link Locale#ROOT}; NaN as "-"
   */
  public static String num(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** @return the table as lines of text, each ending with a newline, indented by two spaces */
  public String render() {
    int[] width = new int[header.size()];
    boolean[] numeric = new boolean[header.size()];
    java.util.Arrays.fill(numeric, !rows.isEmpty());
    for (int c = 0; c < width.length; c++) {
      width[c] = header.get(c).length();
      for (List<String> r : rows) {
        width[c] = Math.max(width[c], r.get(c).length());
        numeric[c] &= looksNumeric(r.get(c));
      }
    }
    StringBuilder sb = new StringBuilder();
    line(sb, header, width, numeric);
    StringBuilder rule = new StringBuilder("  ");
    for (int c = 0; c < width.length; c++) {
      rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
    }
    sb.append(rule).append('\n');
    for (List<String> r : rows) {
      line(sb, r, width, numeric);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] numeric) {
    sb.append("  ");
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      sb.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + (c == width.length - 1 ? "" : pad));
    }
    sb.append('\n');
  }

  private static boolean looksNumeric(String s) {
    return s.equals("-") || s.matches("[-+]?[0-9.,]+(e[-+]?[0-9]+)?\\s*(%|x|ns|us|ms|s)?");
  }
}
