package dev.mlsys.data.imbalance;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import java.util.ArrayList;
import java.util.List;

/** What a resampler decided: original rows to keep (repeats allowed) and synthetic rows to add. */
final class Plan {
  final List<Integer> keep = new ArrayList<>();
  final List<double[]> synthetic = new ArrayList<>();
  final List<Integer> syntheticClass = new ArrayList<>();

  int[] countsAfter(Encoded e) {
    int[] counts = new int[e.classes.size()];
    for (int i : keep) {
      counts[e.y[i]]++;
    }
    for (int c : syntheticClass) {
      counts[c]++;
    }
    return counts;
  }

  String line(String method, Encoded e) {
    return method + ": " + e.describe(e.counts()) + " -> " + e.describe(countsAfter(e))
        + (synthetic.isEmpty() ? "" : " (" + synthetic.size() + " synthetic)");
  }

  TrainingSet<Row> apply(TrainingSet<Row> training, Encoded e, String method) {
    List<Row> rows = training.items();
    List<Row> out = new ArrayList<>(keep.size() + synthetic.size());
    for (int i : keep) {
      out.add(rows.get(i));
    }
    for (int s = 0; s < synthetic.size(); s++) {
      out.add(e.decode(synthetic.get(s), syntheticClass.get(s)));
    }
    return training.derive(out, line(method, e));
  }

  TrainingMatrix apply(TrainingMatrix training, Encoded e, String method) {
    int n = keep.size() + synthetic.size();
    double[][] x = new double[n][];
    int[] y = new int[n];
    int k = 0;
    for (int i : keep) {
      x[k] = e.x[i];
      y[k++] = (Integer) e.classes.get(e.y[i]);
    }
    for (int s = 0; s < synthetic.size(); s++) {
      x[k] = synthetic.get(s);
      y[k++] = (Integer) e.classes.get(syntheticClass.get(s));
    }
    return training.derive(x, y, line(method, e));
  }
}
