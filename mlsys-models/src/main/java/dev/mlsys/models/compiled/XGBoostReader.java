package dev.mlsys.models.compiled;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mlsys.models.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Reads an xgboost4j {@link Booster} from its JSON model ({@code Booster.toByteArray("json")},
 * XGBoost 1.6 schema): the objective, the base score, the output group of every tree and each
 * tree's flat node arrays ({@code left_children}, {@code right_children}, {@code split_indices},
 * {@code split_conditions} (thresholds, and leaf values at leaves), {@code default_left}). Every
 * float is parsed from its decimal text straight to float, so thresholds and leaf values carry the
 * booster's exact bits.
 */
final class XGBoostReader {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The objectives read here, for error messages. */
  static final String OBJECTIVES = "multi:softprob, multi:softmax, binary:logistic, binary:logitraw, reg:logistic,"
      + " reg:squarederror, reg:linear, reg:squaredlogerror, reg:pseudohubererror, reg:absoluteerror, count:poisson,"
      + " reg:gamma, reg:tweedie";

  private XGBoostReader() {}

  /** The parts of a booster's JSON model a kernel needs. */
  record Parsed(String objective, int numClass, float baseScore, List<Tree> trees, int[] group) {}

  /**
   * @param booster a booster this call takes over: disposed once compiled, kept by the fallback
   * @param inputOf per booster feature index, the input position or {@link Inputs#ABSENT}
   * @param pos for classification, the output position of each class; null for regression
   * @param normalize whether mlsys's normalisation follows (as {@code TribuoModel} applies it)
   * @param fallback whether an unreadable booster falls back to xgboost4j's own prediction
   */
  static Kernel read(Booster booster, int[] inputOf, int width, Task task, int outputs, int[] pos, boolean normalize,
      boolean fallback, String name) {
    Parsed parsed;
    try {
      parsed = parse(booster, inputOf);
    } catch (UnsupportedModelException e) {
      if (!fallback) {
        booster.dispose();
        throw e;
      }
      String objective = objectiveOf(booster);
      return new NativeXGBoostKernel(width, outputs, booster, inputOf, "binary:logistic".equals(objective), pos,
          normalize);
    }
    booster.dispose();
    return kernel(parsed, width, task, outputs, pos, normalize, name);
  }

  static Kernel kernel(Parsed p, int width, Task task, int outputs, int[] pos, boolean normalize, String name) {
    int groups = Math.max(1, p.numClass);
    XGBoostKernel.Transform transform = switch (p.objective) {
      case "multi:softprob" -> XGBoostKernel.Transform.SOFTMAX;
      case "multi:softmax" -> XGBoostKernel.Transform.ARGMAX;
      case "binary:logistic" -> XGBoostKernel.Transform.BINARY_LOGISTIC;
      case "reg:logistic" -> XGBoostKernel.Transform.LOGISTIC_VALUE;
      case "count:poisson", "reg:gamma", "reg:tweedie" -> XGBoostKernel.Transform.EXP_VALUE;
      case "reg:squarederror", "reg:linear", "reg:squaredlogerror", "reg:pseudohubererror", "reg:absoluteerror",
          "binary:logitraw" -> XGBoostKernel.Transform.IDENTITY_VALUE;
      default -> throw new UnsupportedModelException("XGBoost objective '" + p.objective + "' of model '" + name
          + "' cannot be compiled; supported objectives are " + OBJECTIVES);
    };
    boolean classifies = transform == XGBoostKernel.Transform.SOFTMAX || transform == XGBoostKernel.Transform.ARGMAX
        || transform == XGBoostKernel.Transform.BINARY_LOGISTIC;
    if (classifies != (task == Task.CLASSIFICATION)) {
      throw new UnsupportedModelException("XGBoost objective '" + p.objective + "' of model '" + name + "' does not fit a "
          + task.name().toLowerCase(Locale.ROOT) + " model");
    }
    int expected = transform == XGBoostKernel.Transform.BINARY_LOGISTIC ? 2 : groups;
    if (classifies && pos.length != expected) {
      throw new UnsupportedModelException("XGBoost model '" + name + "' has " + expected + " classes but "
          + pos.length + " were given");
    }
    return new XGBoostKernel(width, outputs, transform, groups, baseMargin(p.objective, p.baseScore),
        TreeLayout.of(p.trees, 1, false), p.group, pos, normalize);
  }

  /** The margin every prediction starts from: the objective's {@code ProbToMargin(base_score)}. */
  static float baseMargin(String objective, float baseScore) {
    return switch (objective) {
      case "binary:logistic", "reg:logistic", "binary:logitraw" -> (float) -Math.log(1.0f / baseScore - 1.0f);
      case "count:poisson", "reg:gamma", "reg:tweedie" -> (float) Math.log(baseScore);
      default -> baseScore;
    };
  }

  static String objectiveOf(Booster booster) {
    try {
      return JSON.readTree(booster.toByteArray("json")).path("learner").path("objective").path("name").asText();
    } catch (IOException | XGBoostError e) {
      return "";
    }
  }

  static Parsed parse(Booster booster, int[] inputOf) {
    JsonNode root;
    try {
      root = JSON.readTree(booster.toByteArray("json"));
    } catch (XGBoostError | IOException e) {
      throw new UnsupportedModelException("cannot read the XGBoost model as JSON: " + e.getMessage());
    }
    return parse(root, inputOf);
  }

  static Parsed parse(JsonNode root, int[] inputOf) {
    JsonNode learner = root.path("learner");
    JsonNode gb = learner.path("gradient_booster");
    String boosterName = gb.path("name").asText();
    if (!"gbtree".equals(boosterName)) {
      throw new UnsupportedModelException("XGBoost booster '" + boosterName + "' cannot be compiled; only gbtree");
    }
    String objective = learner.path("objective").path("name").asText();
    JsonNode params = learner.path("learner_model_param");
    int numClass = Integer.parseInt(params.path("num_class").asText("0"));
    float baseScore = Float.parseFloat(params.path("base_score").asText("0.5"));
    if (Integer.parseInt(params.path("num_target").asText("1")) != 1) {
      throw new UnsupportedModelException("XGBoost models with several targets cannot be compiled");
    }
    JsonNode model = gb.path("model");
    JsonNode info = model.path("tree_info");
    JsonNode trees = model.path("trees");
    List<Tree> out = new ArrayList<>(trees.size());
    int[] group = new int[trees.size()];
    for (int t = 0; t < trees.size(); t++) {
      group[t] = info.get(t).asInt();
      out.add(tree(trees.get(t), inputOf));
    }
    return new Parsed(objective, numClass, baseScore, out, group);
  }

  private static Tree tree(JsonNode t, int[] inputOf) {
    int[] left = ints(t.path("left_children"));
    int[] right = ints(t.path("right_children"));
    int[] index = ints(t.path("split_indices"));
    float[] cond = floats(t.path("split_conditions"));
    int[] defaultLeft = ints(t.path("default_left"));
    JsonNode types = t.path("split_type");
    for (JsonNode s : types) {
      if (s.asInt() != 0) {
        throw new UnsupportedModelException("XGBoost trees with categorical splits cannot be compiled");
      }
    }
    Tree tree = new Tree();
    tree.root(node(tree, 0, left, right, index, cond, defaultLeft, inputOf));
    return tree;
  }

  private static int node(Tree tree, int n, int[] left, int[] right, int[] index, float[] cond, int[] defaultLeft,
      int[] inputOf) {
    if (left[n] == -1) {
      return tree.leaf(new double[] {cond[n]});
    }
    boolean missingHi = defaultLeft[n] == 0;
    int f = index[n];
    int position = f < inputOf.length ? inputOf[f] : Inputs.ABSENT;
    if (position == Inputs.ABSENT) {
      // A feature the inputs never carry is always missing: take the default branch now.
      return node(tree, missingHi ? right[n] : left[n], left, right, index, cond, defaultLeft, inputOf);
    }
    int lo = node(tree, left[n], left, right, index, cond, defaultLeft, inputOf);
    int hi = node(tree, right[n], left, right, index, cond, defaultLeft, inputOf);
    return tree.split(position, cond[n], missingHi, lo, hi);
  }

  private static int[] ints(JsonNode a) {
    int[] v = new int[a.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode e = a.get(i);
      v[i] = e.isBoolean() ? (e.asBoolean() ? 1 : 0) : e.asInt();
    }
    return v;
  }

  private static float[] floats(JsonNode a) {
    float[] v = new float[a.size()];
    for (int i = 0; i < v.length; i++) {
      // From the decimal text, not through double: a double rounding could miss the float.
      v[i] = Float.parseFloat(a.get(i).asText());
    }
    return v;
  }
}
