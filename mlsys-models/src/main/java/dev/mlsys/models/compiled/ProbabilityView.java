package dev.mlsys.models.compiled;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-once map view over class names and a probability array, handed to
 * {@code Prediction.of}, which copies it at once. It spares the hash map and entry objects a
 * {@code LinkedHashMap} would cost per prediction. Values are clipped to [0, 1] as mlsys's
 * {@code Outputs.classification} clips them. Not for general use: its iterator reuses one entry.
 */
final class ProbabilityView extends AbstractMap<String, Double> {
  private final String[] classes;
  private final double[] p;
  private final int offset;

  ProbabilityView(String[] classes, double[] p, int offset) {
    this.classes = classes;
    this.p = p;
    this.offset = offset;
  }

  @Override
  public int size() {
    return classes.length;
  }

  @Override
  public Set<Entry<String, Double>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return classes.length;
      }

      @Override
      public Iterator<Entry<String, Double>> iterator() {
        return new Iterator<>() {
          private int i;
          private final Cursor cursor = new Cursor();

          @Override
          public boolean hasNext() {
            return i < classes.length;
          }

          @Override
          public Entry<String, Double> next() {
            if (i >= classes.length) {
              throw new NoSuchElementException();
            }
            cursor.i = i++;
            return cursor;
          }
        };
      }
    };
  }

  private final class Cursor implements Map.Entry<String, Double> {
    int i;

    @Override
    public String getKey() {
      return classes[i];
    }

    @Override
    public Double getValue() {
      return Math.min(1.0, Math.max(0.0, p[offset + i]));
    }

    @Override
    public Double setValue(Double value) {
      throw new UnsupportedOperationException();
    }
  }
}
