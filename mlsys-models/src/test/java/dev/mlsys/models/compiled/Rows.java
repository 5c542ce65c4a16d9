package dev.mlsys.models.compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random input rows that hit the hard cases: values exactly on a split threshold and one ulp
 * either side of it (in double, and in float for XGBoost's float thresholds), missing values
 * (NaN), zeros (what Tribuo reads for an absent feature) and values from the training grid.
 */
final class Rows {
  private Rows() {}

  static Arbitrary<double[]> of(List<TreeSet<Double>> thresholds, boolean floats) {
    List<Arbitrary<Double>> columns = new ArrayList<>();
    for (TreeSet<Double> t : thresholds) {
      columns.add(value(t, floats));
    }
    return Combinators.combine(columns).as(values -> {
      double[] row = new double[values.size()];
      for (int j = 0; j < row.length; j++) {
        row[j] = values.get(j);
      }
      return row;
    });
  }

  @SuppressWarnings("unchecked")
  private static Arbitrary<Double> value(TreeSet<Double> thresholds, boolean floats) {
    Arbitrary<Double> uniform = Arbitraries.doubles().between(-3.5, 3.5);
    Arbitrary<Double> grid = Arbitraries.integers().between(-28, 28).map(i -> i / 8.0);
    List<Double> near = new ArrayList<>();
    for (double t : thresholds) {
      near.add(Math.nextUp(t));
      near.add(Math.nextDown(t));
      float f = (float) t;
      near.add((double) Math.nextUp(f));
      near.add((double) Math.nextDown(f));
    }
    Arbitrary<Double> on = thresholds.isEmpty() ? grid : Arbitraries.of(List.copyOf(thresholds));
    Arbitrary<Double> beside = near.isEmpty() ? grid : Arbitraries.of(near);
    Arbitrary<Double> any = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, uniform),
        net.jqwik.api.Tuple.of(2, grid),
        net.jqwik.api.Tuple.of(4, on),
        net.jqwik.api.Tuple.of(2, beside),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(Double.NaN)),
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0.0)));
    // xgboost4j takes floats: rows for it are float values, as a DMatrix would hold them.
    return floats ? any.map(v -> (double) (float) (double) v) : any;
  }
}
