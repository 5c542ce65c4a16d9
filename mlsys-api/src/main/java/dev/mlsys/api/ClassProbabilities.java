package dev.mlsys.api;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered map from class to probability backed by two arrays: small,
 * cheap to read on the serving path, and safe to share.
 */
final class ClassProbabilities extends AbstractMap<String, Double> {
  static final ClassProbabilities EMPTY = new ClassProbabilities(new String[0], new double[0]);
  private static final double SLACK = 1e-9;

  private final String[] classes;
  private final double[] probabilities;

  private ClassProbabilities(String[] classes, double[] probabilities) {
    this.classes = classes;
    this.probabilities = probabilities;
  }

  static ClassProbabilities copyOf(Map<String, Double> map) {
    if (map instanceof ClassProbabilities c) {
      return c;
    }
    String[] classes = new String[map.size()];
    double[] probabilities = new double[map.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : map.entrySet()) {
      if (i == classes.length) {
        throw new IllegalArgumentException("probabilities changed while being copied");
      }
      classes[i] = e.getKey();
      Double p = e.getValue();
      if (classes[i] == null) {
        throw new IllegalArgumentException("probabilities must not have a null class");
      }
      if (p == null || !(p >= -SLACK && p <= 1 + SLACK)) {
        throw new IllegalArgumentException("probability of class '" + classes[i] + "' must be in [0, 1] but was: " + p);
      }
      probabilities[i++] = p;
    }
    return new ClassProbabilities(classes, probabilities);
  }

  double probability(String c) {
    for (int i = 0; i < classes.length; i++) {
      if (classes[i].equals(c)) {
        return probabilities[i];
      }
    }
    return Double.NaN;
  }

  @Override
  public Double get(Object key) {
    for (int i = 0; i < classes.length; i++) {
      if (classes[i].equals(key)) {
        return probabilities[i];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public int size() {
    return classes.length;
  }

  @Override
  public Set<Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < classes.length;
          }

          @Override
          public Entry<String, Double> next() {
            if (i >= classes.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Double> e = new SimpleImmutableEntry<>(classes[i], probabilities[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return classes.length;
      }
    };
  }
}
