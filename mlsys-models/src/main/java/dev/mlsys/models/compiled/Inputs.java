package dev.mlsys.models.compiled;

import dev.mlsys.api.IncompatibleSchemaException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input vector's feature names and their positions: the one place where names are looked up,
 * at compile time. Kernels hold only the positions.
 */
final class Inputs {
  /** The position of a feature the input vector does not carry. */
  static final int ABSENT = -1;

  private final List<String> names;
  private final Map<String, Integer> positions;

  Inputs(List<String> names) {
    Objects.requireNonNull(names, "inputNames");
    this.names = List.copyOf(names);
    this.positions = new HashMap<>(names.size() * 2);
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (positions.put(n, i) != null) {
        throw new IllegalArgumentException("input feature names must be unique but '" + n + "' appears twice");
      }
    }
  }

  List<String> names() {
    return names;
  }

  int width() {
    return names.size();
  }

  /** @return the position of a feature, or {@link #ABSENT} */
  int positionOf(String name) {
    Integer p = positions.get(name);
    return p == null ? ABSENT : p;
  }

  /**
   * @return the position of a feature the model cannot do without
   * @throws IncompatibleSchemaException if the inputs lack it
   */
  int require(String name, String model) {
    int p = positionOf(name);
    if (p == ABSENT) {
      throw new IncompatibleSchemaException("model '" + model + "' reads feature '" + name
          + "' but the input vector does not have it; the inputs are " + names);
    }
    return p;
  }

  /** @return the positions of {@code features}, each required */
  int[] requireAll(List<String> features, String model) {
    int[] out = new int[features.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = require(features.get(i), model);
    }
    return out;
  }
}
