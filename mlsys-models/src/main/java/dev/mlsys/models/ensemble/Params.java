package dev.mlsys.models.ensemble;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks and converts the generic parameters of ensemble trainers. */
final class Params {
  private Params() {}

  static int positiveInt(String name, Object value) {
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new IllegalArgumentException(name + " must be an integer but was: " + value);
    }
    if (n.doubleValue() < 1 || n.doubleValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be >= 1 but was: " + value);
    }
    return n.intValue();
  }

  static double positive(String name, Object value) {
    if (!(value instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
      throw new IllegalArgumentException(name + " must be a finite number > 0 but was: " + value);
    }
    return n.doubleValue();
  }

  static long seed(Object value) {
    if (!(value instanceof Number n)) {
      throw new IllegalArgumentException("seed must be a number but was: " + value);
    }
    return n.longValue();
  }

  static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }

  static IllegalArgumentException unknown(String trainer, String name, Map<String, Object> params) {
    return new IllegalArgumentException(trainer + " has no parameter '" + name + "'; its parameters are " + params.keySet());
  }
}
