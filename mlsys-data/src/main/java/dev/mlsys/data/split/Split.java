package dev.mlsys.data.split;

import dev.mlsys.api.Row;
import dev.mlsys.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A hold-out split of {@code rows()} rows into train, validation (possibly empty) and test parts:
 * disjoint index sets, each ascending, that together cover every row once. Made by the splitters
 * of {@link Splits}; records how in {@link #provenance()}.
 *
 * <p>The training part is handed out as a {@link TrainingSet} or {@link TrainingMatrix}, the only
 * types resampling accepts; every part is also available as plain indices and lists.
 *
 * <p>Immutable and thread-safe; index arrays are copied out.
 */
public final class Split {
  private final int rows;
  private final int[][] parts;
  private final SplitProvenance provenance;

  Split(int rows, int[] train, int[] validation, int[] test, SplitProvenance provenance) {
    this.rows = rows;
    this.parts = new int[][] {train, validation, test};
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  /** @return the number of rows split */
  public int rows() {
    return rows;
  }

  /** @return how the split was made */
  public SplitProvenance provenance() {
    return provenance;
  }

  /**
   * @param part a part
   * @return the row indices of the part, ascending (a copy)
   */
  public int[] indices(Part part) {
    return parts[part.ordinal()].clone();
  }

  /** @return the number of rows in a part */
  public int size(Part part) {
    return parts[part.ordinal()].length;
  }

  /** @return the training row indices, ascending */
  public int[] train() {
    return indices(Part.TRAIN);
  }

  /** @return the validation row indices, ascending; empty for a two-way split */
  public int[] validation() {
    return indices(Part.VALIDATION);
  }

  /** @return the test row indices, ascending */
  public int[] test() {
    return indices(Part.TEST);
  }

  /**
   * @param items the {@link #rows()} items that were split, in the same order
   * @param <T> the item type
   * @return the training part, as the type resamplers accept
   * @throws IllegalArgumentException if the list does not have {@link #rows()} items
   */
  public <T> TrainingSet<T> training(List<? extends T> items) {
    List<T> selected = Select.list(items, parts[0], rows);
    return new TrainingSet<>(selected, List.of(provenanceLine()));
  }

  /**
   * @param features the {@link #rows()} feature rows that were split
   * @param labels their classes
   * @return the training part, as the type resamplers accept
   * @throws IllegalArgumentException if the arrays do not have {@link #rows()} rows
   */
  public TrainingMatrix training(double[][] features, int[] labels) {
    return Select.matrix(features, labels, parts[0], rows, provenanceLine());
  }

  /**
   * @param part a part
   * @param items the {@link #rows()} items that were split, in the same order
   * @param <T> the item type
   * @return the part's items, in index order
   * @throws IllegalArgumentException if the list does not have {@link #rows()} items
   */
  public <T> List<T> take(Part part, List<? extends T> items) {
    return Select.list(items, parts[part.ordinal()], rows);
  }

  /**
   * @param part a part
   * @param features the {@link #rows()} feature rows that were split
   * @return copies of the part's rows, in index order
   * @throws IllegalArgumentException if the matrix does not have {@link #rows()} rows
   */
  public double[][] take(Part part, double[][] features) {
    return Select.rows(features, parts[part.ordinal()], rows);
  }

  /**
   * @param part a part
   * @param labels the {@link #rows()} labels that were split
   * @return the part's labels, in index order
   * @throws IllegalArgumentException if the array does not have {@link #rows()} values
   */
  public int[] take(Part part, int[] labels) {
    return Select.ints(labels, parts[part.ordinal()], rows);
  }

  /**
   * @param part a part
   * @param table the table of {@link #rows()} rows that was split; it stays open
   * @return a new table of the part's rows, in index order; close it
   * @throws IllegalArgumentException if the table does not have {@link #rows()} rows
   */
  public Table take(Part part, Table table) {
    Objects.requireNonNull(table, "table");
    Select.checkSize(table.rowCount(), rows, "the table");
    return table.take(parts[part.ordinal()]);
  }

  /**
   * The training part of a table as rows, the form resamplers accept.
   *
   * @param table the table of {@link #rows()} rows that was split; it stays open
   * @return the training rows
   * @throws IllegalArgumentException if the table does not have {@link #rows()} rows
   */
  public TrainingSet<Row> training(Table table) {
    Objects.requireNonNull(table, "table");
    Select.checkSize(table.rowCount(), rows, "the table");
    List<Row> out = new ArrayList<>(parts[0].length);
    for (int i : parts[0]) {
      out.add(table.row(i));
    }
    return new TrainingSet<>(out, List.of(provenanceLine()));
  }

  private String provenanceLine() {
    return "train part of split: " + provenance;
  }

  @Override
  public String toString() {
    return "Split[" + provenance + "]";
  }
}
