package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;

/**
 * Tomek-link removal (Tomek, "Two modifications of CNN", IEEE Trans. SMC 6, 1976): two rows of
 * different classes that are each other's nearest neighbour form a link, a sign of noise or of a
 * border between the classes. By default the member of each link that is not in the smallest
 * class is removed (imbalanced-learn's default); {@link #removeBoth()} removes both. Distances are
 * Euclidean over every feature, which must be continuous; the nearest neighbour is exact (ties to
 * the lower row index), found by brute force in O(n^2 d).
 *
 * <p>Immutable; every option returns a copy. Thread-safe.
 */
public final class TomekLinks implements Resampler {
  private final boolean both;

  TomekLinks(boolean both) {
    this.both = both;
  }

  /** @return a copy that removes both members of every link */
  public TomekLinks removeBoth() {
    return new TomekLinks(true);
  }

  @Override
  public TrainingSet<Row> resample(TrainingSet<Row> training) {
    Encoded e = Encoded.ofRows(training.items(), false, "Tomek links");
    return plan(e).apply(training, e, toString());
  }

  @Override
  public TrainingMatrix resample(TrainingMatrix training) {
    Encoded e = Encoded.ofMatrix(training, new int[0], "Tomek links");
    return plan(e).apply(training, e, toString());
  }

  /** @return for each row, whether it is in a Tomek link */
  static boolean[] links(double[][] x, int[] y) {
    int[] nn = Neighbors.nearest(x);
    boolean[] linked = new boolean[y.length];
    for (int a = 0; a < y.length; a++) {
      int b = nn[a];
      linked[a] = b >= 0 && y[b] != y[a] && nn[b] == a;
    }
    return linked;
  }

  private Plan plan(Encoded e) {
    int[] counts = e.counts();
    int minority = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] < counts[minority]) {
        minority = c;
      }
    }
    boolean[] linked = links(e.x, e.y);
    Plan p = new Plan();
    for (int i = 0; i < e.size(); i++) {
      boolean remove = linked[i] && (both || e.y[i] != minority);
      if (!remove) {
        p.keep.add(i);
      }
    }
    return p;
  }

  @Override
  public String toString() {
    return "Tomek links" + (both ? " (both members removed)" : " (majority members removed)");
  }
}
