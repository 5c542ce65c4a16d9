package dev.mlsys.data.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded hold-out split that keeps each class's proportion in every part. Part sizes are exact
 * (largest remainder of {@code n * fraction}); each class's count in each part is the floor or the
 * ceiling of {@code classCount * partSize / n}, chosen by controlled rounding so both the class
 * totals and the part sizes hold exactly. Made by {@link Splits#stratified(double...)}.
 *
 * <pre>{@code
 * Split s = Splits.stratified(0.8, 0.2).seed(42).split(rows, Row::label);
 * }</pre>
 *
 * <p>Immutable; {@link #seed(long)} returns a copy. Thread-safe.
 */
public final class StratifiedSplit {
  private final double[] fractions;
  private final boolean withValidation;
  private final long seed;

  StratifiedSplit(double[] fractions, boolean withValidation, long seed) {
    this.fractions = fractions;
    this.withValidation = withValidation;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the shuffle (default 0)
   * @return a copy with the seed
   */
  public StratifiedSplit seed(long seed) {
    return new StratifiedSplit(fractions, withValidation, seed);
  }

  /**
   * @param labels the class of each row
   * @return the split
   */
  public Split split(int[] labels) {
    return split(Indices.Coding.ofInts(labels));
  }

  /**
   * @param items the items to split
   * @param labelOf the class of an item; never null
   * @param <T> the item type
   * @return the split
   * @throws IllegalArgumentException if an item's class is null
   */
  public <T> Split split(List<T> items, Function<? super T, ?> labelOf) {
    return split(Indices.Coding.of(items, labelOf, "label"));
  }

  private Split split(Indices.Coding coding) {
    int n = coding.codes.length;
    int[] sizes = Apportion.sizes(n, fractions);
    int[][] cells = Apportion.table(coding.counts(), sizes);
    int[][] members = coding.members();
    SplittableRandom random = new SplittableRandom(seed);
    int[][] parts = {new int[sizes[0]], new int[sizes[1]], new int[sizes[2]]};
    int[] fill = new int[3];
    for (int c = 0; c < members.length; c++) {
      int[] m = members[c].clone();
      Indices.shuffle(m, random);
      int k = 0;
      for (int p = 0; p < 3; p++) {
        for (int t = 0; t < cells[c][p]; t++) {
          parts[p][fill[p]++] = m[k++];
        }
      }
    }
    for (int[] part : parts) {
      java.util.Arrays.sort(part);
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("classes", coding.describeCounts());
    String[] names = {"train", "validation", "test"};
    for (int p = 0; p < 3; p++) {
      if (p == 1 && !withValidation) {
        continue;
      }
      StringBuilder sb = new StringBuilder("{");
      for (int c = 0; c < cells.length; c++) {
        sb.append(c == 0 ? "" : ", ").append(coding.values.get(c)).append('=').append(cells[c][p]);
      }
      details.put(names[p], sb.append('}').toString());
    }
    return new Split(n, parts[0], parts[1], parts[2], new SplitProvenance("stratified", OptionalLong.of(seed),
        Indices.given(fractions, withValidation), List.of(sizes[0], sizes[1], sizes[2]), details));
  }

  @Override
  public String toString() {
    return "stratified" + Indices.given(fractions, withValidation) + " seed=" + seed;
  }
}
