package dev.mlsys.data.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A seeded group-aware hold-out split: all rows of a group (a user, a patient, a session) land in
 * one part, so no group is in two parts. The fractions are fractions of groups: the number of
 * groups per part is exact (largest remainder), as in scikit-learn's {@code GroupShuffleSplit};
 * row counts follow the sizes of the groups drawn. Made by {@link Splits#byGroup(double...)}.
 *
 * <pre>{@code
 * Split s = Splits.byGroup(0.8, 0.2).seed(3).split(rows, r -> r.get("patient"));
 * }</pre>
 *
 * <p>Immutable; {@link #seed(long)} returns a copy. Thread-safe.
 */
public final class GroupSplit {
  private final double[] fractions;
  private final boolean withValidation;
  private final long seed;

  GroupSplit(double[] fractions, boolean withValidation, long seed) {
    this.fractions = fractions;
    this.withValidation = withValidation;
    this.seed = seed;
  }

  /**
   * @param seed the seed of the shuffle of groups (default 0)
   * @return a copy with the seed
   */
  public GroupSplit seed(long seed) {
    return new GroupSplit(fractions, withValidation, seed);
  }

  /**
   * @param groups the group of each row; none null (groups are compared with {@code equals})
   * @return the split
   * @throws IllegalArgumentException if a group is null
   */
  public Split split(List<?> groups) {
    return split(groups, g -> g);
  }

  /**
   * @param items the items to split
   * @param groupOf the group of an item; never null
   * @param <T> the item type
   * @return the split
   * @throws IllegalArgumentException if an item's group is null
   */
  public <T> Split split(List<T> items, Function<? super T, ?> groupOf) {
    Indices.Coding coding = Indices.Coding.of(items, groupOf, "group");
    int n = coding.codes.length;
    int g = coding.classes();
    int[] groupOrder = Indices.identity(g);
    Indices.shuffle(groupOrder, new SplittableRandom(seed));
    int[] groupSizes = Apportion.sizes(g, fractions);
    int[] partOfGroup = new int[g];
    int k = 0;
    for (int p = 0; p < 3; p++) {
      for (int t = 0; t < groupSizes[p]; t++) {
        partOfGroup[groupOrder[k++]] = p;
      }
    }
    List<List<Integer>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < n; i++) {
      parts.get(partOfGroup[coding.codes[i]]).add(i);
    }
    int[][] idx = new int[3][];
    for (int p = 0; p < 3; p++) {
      idx[p] = parts.get(p).stream().mapToInt(Integer::intValue).toArray();
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("groups", Integer.toString(g));
    details.put("groupsPerPart", withValidation ? List.of(groupSizes[0], groupSizes[1], groupSizes[2]).toString()
        : List.of(groupSizes[0], groupSizes[2]).toString());
    return new Split(n, idx[0], idx[1], idx[2], new SplitProvenance("group", OptionalLong.of(seed),
        Indices.given(fractions, withValidation), List.of(idx[0].length, idx[1].length, idx[2].length), details));
  }

  @Override
  public String toString() {
    return "group" + Indices.given(fractions, withValidation) + " seed=" + seed;
  }
}
