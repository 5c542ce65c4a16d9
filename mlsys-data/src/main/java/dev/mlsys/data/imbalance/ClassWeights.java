package dev.mlsys.data.imbalance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Class weights that make every class weigh the same in a loss, instead of resampling:
 * scikit-learn's {@code compute_class_weight("balanced")}, {@code n / (classes * count(c))},
 * computed with the same floating-point operations, and {@code compute_sample_weight("balanced")}.
 *
 * <pre>{@code
 * Map<String, Double> w = ClassWeights.balanced(List.of("no", "no", "no", "yes"));  // {no=0.667, yes=2.0}
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ClassWeights {
  private ClassWeights() {}

  /**
   * @param labels the class of each training row
   * @return each class's weight, classes in ascending order
   * @throws IllegalArgumentException if there are no labels
   */
  public static Map<Integer, Double> balanced(int[] labels) {
    Objects.requireNonNull(labels, "labels");
    List<Integer> boxed = new ArrayList<>(labels.length);
    for (int v : labels) {
      boxed.add(v);
    }
    return balanced(boxed);
  }

  /**
   * @param labels the class of each training row; none null
   * @param <T> the label type
   * @return each class's weight; classes in ascending order if they are mutually comparable,
   *     else in order of first appearance
   * @throws IllegalArgumentException if there are no labels or a label is null
   */
  public static <T> Map<T, Double> balanced(List<T> labels) {
    Objects.requireNonNull(labels, "labels");
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("class weights need at least one label");
    }
    Map<T, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      T v = labels.get(i);
      if (v == null) {
        throw new IllegalArgumentException("label " + i + " is null");
      }
      counts.merge(v, 1, Integer::sum);
    }
    List<T> classes = new ArrayList<>(counts.keySet());
    sortIfComparable(classes);
    double n = labels.size();
    double k = classes.size();
    Map<T, Double> out = new LinkedHashMap<>();
    for (T c : classes) {
      // numpy: len(y) / (len(classes) * bincount(y).astype(float64))
      out.put(c, n / (k * (double) counts.get(c)));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * @param labels the class of each training row
   * @return each row's weight: the balanced weight of its class
   */
  public static double[] balancedSampleWeights(int[] labels) {
    Map<Integer, Double> w = balanced(labels);
    double[] out = new double[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = w.get(labels[i]);
    }
    return out;
  }

  /**
   * @param labels the class of each training row; none null
   * @return each row's weight: the balanced weight of its class
   */
  public static double[] balancedSampleWeights(List<?> labels) {
    Map<?, Double> w = balanced(labels);
    double[] out = new double[labels.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = w.get(labels.get(i));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <T> void sortIfComparable(List<T> classes) {
    Map<Class<?>, Boolean> seen = new HashMap<>();
    for (T c : classes) {
      seen.put(c.getClass(), c instanceof Comparable);
    }
    if (seen.size() == 1 && seen.values().iterator().next()) {
      Collections.sort((List) classes);
    }
  }
}
