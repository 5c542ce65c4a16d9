package dev.mlsys.models.tribuo;

import dev.mlsys.models.LabeledData;
import dev.mlsys.models.Task;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Converts {@link LabeledData} into Tribuo datasets: one dense example per row, every feature
 * present (zeros too), the label as a Tribuo {@link Label} or a one-dimensional {@link Regressor}
 * named {@value #TARGET}.
 *
 * <p>Weights: Tribuo's trees stop splitting a node whose summed weight is below
 * {@code minChildWeight} (5 by default), so weights normalised to sum to 1, as boosting keeps
 * them, would leave every tree a single leaf. Weighted data is therefore rescaled to mean 1
 * (summing to the number of examples); impurities and leaf distributions are ratios of weights
 * and do not change, only the child-weight threshold keeps its meaning of "about that many
 * examples".
 *
 * <p>Thread-safety: stateless.
 */
public final class TribuoData {
  /** The dimension name of regression targets. */
  public static final String TARGET = "target";

  private TribuoData() {}

  /**
   * @param data classification data
   * @return a Tribuo dataset with the same examples in the same order
   * @throws IllegalArgumentException if the data is regression data
   */
  public static MutableDataset<Label> classification(LabeledData data) {
    if (data.task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("expected classification data but got " + data);
    }
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("mlsys", factory), factory);
    Sorted sorted = new Sorted(data.featureNames());
    float[] w = weights(data);
    List<String> classes = data.classes();
    Label[] labels = new Label[classes.size()];
    for (int k = 0; k < labels.length; k++) {
      labels[k] = new Label(classes.get(k));
    }
    for (int i = 0; i < data.size(); i++) {
      Example<Label> ex = new ArrayExample<>(labels[data.classOf(i)], sorted.names, sorted.values(data, i));
      ex.setWeight(w[i]);
      ds.add(ex);
    }
    return ds;
  }

  /**
   * @param data regression data
   * @return a Tribuo dataset with the same examples in the same order
   * @throws IllegalArgumentException if the data is classification data
   */
  public static MutableDataset<Regressor> regression(LabeledData data) {
    if (data.task() != Task.REGRESSION) {
      throw new IllegalArgumentException("expected regression data but got " + data);
    }
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> ds = new MutableDataset<>(new SimpleDataSourceProvenance("mlsys", factory), factory);
    Sorted sorted = new Sorted(data.featureNames());
    float[] w = weights(data);
    for (int i = 0; i < data.size(); i++) {
      Example<Regressor> ex = new ArrayExample<>(new Regressor(TARGET, data.targetOf(i)), sorted.names,
          sorted.values(data, i));
      ex.setWeight(w[i]);
      ds.add(ex);
    }
    return ds;
  }

  /** Weights rescaled to mean 1; all ones when the data is unweighted. */
  static float[] weights(LabeledData data) {
    float[] w = new float[data.size()];
    if (!data.weighted()) {
      java.util.Arrays.fill(w, 1.0f);
      return w;
    }
    double sum = 0;
    for (int i = 0; i < w.length; i++) {
      sum += data.weightOf(i);
    }
    double scale = w.length / sum;
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (data.weightOf(i) * scale);
    }
    return w;
  }

  /** Feature names in Tribuo's (lexicographic) order and the permutation into it. */
  private static final class Sorted {
    final String[] names;
    final int[] from;

    Sorted(List<String> featureNames) {
      Integer[] order = new Integer[featureNames.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      java.util.Arrays.sort(order, java.util.Comparator.comparing(featureNames::get));
      names = new String[order.length];
      from = new int[order.length];
      for (int i = 0; i < order.length; i++) {
        from[i] = order[i];
        names[i] = featureNames.get(order[i]);
      }
    }

    double[] values(LabeledData data, int row) {
      double[] v = new double[from.length];
      for (int j = 0; j < v.length; j++) {
        v[j] = data.value(row, from[j]);
      }
      return v;
    }
  }
}
