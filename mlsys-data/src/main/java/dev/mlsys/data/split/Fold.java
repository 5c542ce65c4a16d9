package dev.mlsys.data.split;

import dev.mlsys.api.Row;
import dev.mlsys.data.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One fold of a cross-validation scheme: disjoint train and test index sets, each ascending.
 * (For a time-series fold the two need not cover every row: rows inside the gap, and rows after
 * the test block, belong to neither.)
 *
 * <p>Immutable and thread-safe; index arrays are copied out.
 */
public final class Fold {
  private final int index;
  private final int rows;
  private final int[] train;
  private final int[] test;
  private final SplitProvenance provenance;

  Fold(int index, int rows, int[] train, int[] test, SplitProvenance provenance) {
    this.index = index;
    this.rows = rows;
    this.train = train;
    this.test = test;
    this.provenance = Objects.requireNonNull(provenance, "provenance");
  }

  /** @return the fold's position, from 0 */
  public int index() {
    return index;
  }

  /** @return the number of rows the folds were made for */
  public int rows() {
    return rows;
  }

  /** @return the training row indices, ascending (a copy) */
  public int[] train() {
    return train.clone();
  }

  /** @return the test row indices, ascending (a copy) */
  public int[] test() {
    return test.clone();
  }

  /** @return how the fold was made */
  public SplitProvenance provenance() {
    return provenance;
  }

  /**
   * @param items the {@link #rows()} items the folds were made for
   * @param <T> the item type
   * @return the fold's training items, as the type resamplers accept
   * @throws IllegalArgumentException if the list does not have {@link #rows()} items
   */
  public <T> TrainingSet<T> training(List<? extends T> items) {
    return new TrainingSet<>(Select.list(items, train, rows), List.of(provenanceLine()));
  }

  /**
   * @param features the {@link #rows()} feature rows
   * @param labels their classes
   * @return the fold's training rows, as the type resamplers accept
   * @throws IllegalArgumentException if the arrays do not have {@link #rows()} rows
   */
  public TrainingMatrix training(double[][] features, int[] labels) {
    return Select.matrix(features, labels, train, rows, provenanceLine());
  }

  /**
   * @param items the {@link #rows()} items the folds were made for
   * @param <T> the item type
   * @return the fold's test items
   * @throws IllegalArgumentException if the list does not have {@link #rows()} items
   */
  public <T> List<T> test(List<? extends T> items) {
    return Select.list(items, test, rows);
  }

  /**
   * @param features the {@link #rows()} feature rows
   * @return copies of the fold's test rows
   */
  public double[][] test(double[][] features) {
    return Select.rows(features, test, rows);
  }

  /**
   * @param labels the {@link #rows()} labels
   * @return the fold's test labels
   */
  public int[] test(int[] labels) {
    return Select.ints(labels, test, rows);
  }

  /**
   * @param table the table of {@link #rows()} rows the folds were made for; it stays open
   * @return a new table of the fold's training rows; close it
   * @throws IllegalArgumentException if the table does not have {@link #rows()} rows
   */
  public Table train(Table table) {
    Objects.requireNonNull(table, "table");
    Select.checkSize(table.rowCount(), rows, "the table");
    return table.take(train);
  }

  /**
   * @param table the table of {@link #rows()} rows the folds were made for; it stays open
   * @return a new table of the fold's test rows; close it
   * @throws IllegalArgumentException if the table does not have {@link #rows()} rows
   */
  public Table test(Table table) {
    Objects.requireNonNull(table, "table");
    Select.checkSize(table.rowCount(), rows, "the table");
    return table.take(test);
  }

  /**
   * The fold's training rows of a table, the form resamplers accept.
   *
   * @param table the table of {@link #rows()} rows the folds were made for; it stays open
   * @return the training rows
   * @throws IllegalArgumentException if the table does not have {@link #rows()} rows
   */
  public TrainingSet<Row> training(Table table) {
    Objects.requireNonNull(table, "table");
    Select.checkSize(table.rowCount(), rows, "the table");
    List<Row> out = new ArrayList<>(train.length);
    for (int i : train) {
      out.add(table.row(i));
    }
    return new TrainingSet<>(out, List.of(provenanceLine()));
  }

  private String provenanceLine() {
    return "train part of fold " + index + ": " + provenance;
  }

  @Override
  public String toString() {
    return "Fold[" + index + ": train " + train.length + ", test " + test.length + "; " + provenance + "]";
  }
}
