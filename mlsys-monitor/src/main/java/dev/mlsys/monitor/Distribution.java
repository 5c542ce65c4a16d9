package dev.mlsys.monitor;

import java.util.List;
import java.util.Objects;

/**
 * Reference and current proportions on shared bins or categories, for charts.
 *
 * <p>Thread-safety: immutable.
 *
 * @param labels one label per bin or category
 * @param edges bin edges (one more than labels) for numeric fields, empty for categories
 * @param reference reference proportion per label
 * @param current current proportion per label
 */
public record Distribution(List<String> labels, List<Double> edges, List<Double> reference, List<Double> current) {

  /**
   * @throws IllegalArgumentException if the lists do not line up
   */
  public Distribution {
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    edges = List.copyOf(Objects.requireNonNull(edges, "edges"));
    reference = List.copyOf(Objects.requireNonNull(reference, "reference"));
    current = List.copyOf(Objects.requireNonNull(current, "current"));
    if (reference.size() != labels.size() || current.size() != labels.size()
        || (!edges.isEmpty() && edges.size() != labels.size() + 1)) {
      throw new IllegalArgumentException("distribution: " + labels.size() + " labels, " + edges.size() + " edges, "
          + reference.size() + " reference and " + current.size() + " current proportions do not line up");
    }
  }
}
