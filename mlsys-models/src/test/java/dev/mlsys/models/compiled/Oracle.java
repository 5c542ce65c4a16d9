package dev.mlsys.models.compiled;

import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.StackingModel;
import dev.mlsys.models.Task;
import dev.mlsys.models.TrainedModel;
import dev.mlsys.models.TribuoModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.IndependentRegressionTreeModel;

/**
 * What the compiled models must equal: the models' own outputs, Tribuo's predictions over examples
 * that leave missing features out, and xgboost4j's predictions over dense matrices with NaN as
 * missing.
 */
final class Oracle {
  private Oracle() {}

  /** @return whether the model holds an XGBoost booster anywhere (float arithmetic) */
  static boolean hasXGBoost(TrainedModel m) {
    if (m instanceof TribuoModel t) {
      return t.tribuoModel() instanceof XGBoostModel;
    }
    if (m instanceof EnsembleModel e) {
      return e.members().stream().anyMatch(Oracle::hasXGBoost);
    }
    if (m instanceof StackingModel s) {
      return s.bases().stream().anyMatch(Oracle::hasXGBoost) || hasXGBoost(s.meta());
    }
    return false;
  }

  /**
   * The expected output of a model for a row that may hold NaN. Tribuo reads an absent feature as
   * 0 in trees and linear models, so for them the model's own output on the row with NaN replaced
   * by 0 is the reference ({@link #tribuoAbsent} checks that premise against Tribuo itself). A
   * Tribuo XGBoost model is checked against xgboost4j with NaN as missing.
   */
  static double[] expected(TrainedModel m, double[] row) {
    if (m instanceof TribuoModel t && t.tribuoModel() instanceof XGBoostModel<?> x) {
      return xgboost(t, x, row);
    }
    double[] zeroed = row.clone();
    for (int j = 0; j < zeroed.length; j++) {
      if (Double.isNaN(zeroed[j])) {
        zeroed[j] = 0.0;
      }
    }
    return m.output(zeroed);
  }

  /** Tribuo's own prediction over an example that leaves the NaN features out, as TribuoModel maps it. */
  @SuppressWarnings("unchecked")
  static double[] tribuoAbsent(Model<?> model, List<String> features, List<String> classes, double[] row) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (int j = 0; j < row.length; j++) {
      if (!Double.isNaN(row[j])) {
        names.add(features.get(j));
        values.add(row[j]);
      }
    }
    String[] n = names.toArray(new String[0]);
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (classes.isEmpty()) {
      ArrayExample<Regressor> ex = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, n, v);
      return new double[] {((Model<Regressor>) model).predict(ex).getOutput().getValues()[0]};
    }
    ArrayExample<Label> ex = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, n, v);
    org.tribuo.Prediction<Label> p = ((Model<Label>) model).predict(ex);
    double[] out = new double[classes.size()];
    if (p.hasProbabilities()) {
      Map<String, Label> scores = p.getOutputScores();
      for (int c = 0; c < out.length; c++) {
        Label l = scores.get(classes.get(c));
        out[c] = l == null ? 0 : l.getScore();
      }
    } else {
      out[classes.indexOf(p.getOutput().getLabel())] = 1;
    }
    Finish.normalize(out, 0, out.length);
    return out;
  }

  /** xgboost4j over a dense one-row matrix, NaN missing, mapped to mlsys classes as TribuoModel maps them. */
  static double[] xgboost(TribuoModel t, XGBoostModel<?> x, double[] row) {
    Booster booster = x.getInnerModels().get(0);
    try {
      ImmutableFeatureMap fmap = x.getFeatureIDMap();
      float[] v = new float[fmap.size()];
      for (int f = 0; f < v.length; f++) {
        int j = t.featureNames().indexOf(fmap.get(f).getName());
        v[f] = j < 0 ? Float.NaN : (float) row[j];
      }
      float[] r = predict(booster, v);
      if (t.task() == Task.REGRESSION) {
        return new double[] {r[0]};
      }
      double[] out = new double[t.classes().size()];
      for (int g = 0; g < r.length; g++) {
        out[t.classes().indexOf(((Label) x.getOutputIDInfo().getOutput(g)).getLabel())] = r[g];
      }
      Finish.normalize(out, 0, out.length);
      return out;
    } finally {
      booster.dispose();
    }
  }

  /** One dense row through xgboost4j, NaN missing. */
  static float[] predict(Booster booster, float[] row) {
    DMatrix m = null;
    try {
      m = new DMatrix(row, 1, row.length, Float.NaN);
      return booster.predict(m)[0];
    } catch (XGBoostError e) {
      throw new IllegalStateException(e);
    } finally {
      if (m != null) {
        m.dispose();
      }
    }
  }

  /** Every split threshold of every tree in the model, per input feature. */
  static List<TreeSet<Double>> thresholds(TrainedModel m, List<String> features) {
    List<TreeSet<Double>> out = new ArrayList<>();
    for (int j = 0; j < features.size(); j++) {
      out.add(new TreeSet<>());
    }
    collect(m, features, out);
    return out;
  }

  private static void collect(TrainedModel m, List<String> features, List<TreeSet<Double>> out) {
    if (m instanceof TribuoModel t) {
      collect(t.tribuoModel(), features, out);
    } else if (m instanceof EnsembleModel e) {
      e.members().forEach(x -> collect(x, features, out));
    } else if (m instanceof StackingModel s) {
      s.bases().forEach(x -> collect(x, features, out));
    }
  }

  static void collect(Model<?> m, List<String> features, List<TreeSet<Double>> out) {
    if (m instanceof IndependentRegressionTreeModel r) {
      r.getRoots().values().forEach(n -> walk(n, m.getFeatureIDMap(), features, out));
    } else if (m instanceof TreeModel<?> t) {
      walk(t.getRoot(), m.getFeatureIDMap(), features, out);
    } else if (m instanceof WeightedEnsembleModel<?> e) {
      e.getModels().forEach(x -> collect(x, features, out));
    } else if (m instanceof XGBoostModel<?> x) {
      Booster b = x.getInnerModels().get(0);
      int[] inputOf = new int[x.getFeatureIDMap().size()];
      for (int f = 0; f < inputOf.length; f++) {
        inputOf[f] = features.indexOf(x.getFeatureIDMap().get(f).getName());
      }
      for (Tree tree : XGBoostReader.parse(b, inputOf).trees()) {
        walk(tree, tree.root(), out);
      }
      b.dispose();
    }
  }

  static void walk(Tree tree, int node, List<TreeSet<Double>> out) {
    if (!tree.isLeaf(node)) {
      out.get(tree.feature(node)).add(tree.threshold(node));
      walk(tree, tree.lo(node), out);
      walk(tree, tree.hi(node), out);
    }
  }

  private static void walk(Node<?> node, ImmutableFeatureMap fmap, List<String> features, List<TreeSet<Double>> out) {
    if (node instanceof SplitNode<?> s) {
      int j = features.indexOf(fmap.get(s.getFeatureID()).getName());
      if (j >= 0) {
        out.get(j).add(s.splitValue());
      }
      walk(s.getLessThanOrEqual(), fmap, features, out);
      walk(s.getGreaterThan(), fmap, features, out);
    }
  }
}
