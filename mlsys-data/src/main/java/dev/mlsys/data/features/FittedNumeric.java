package dev.mlsys.data.features;

import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Violation;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.data.features.NumericFeature.Scaling;
import dev.mlsys.data.features.NumericFeature.Transform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A fitted {@link NumericFeature}. */
final class FittedNumeric extends FittedFeature {
  /** Below this a scale counts as zero, as scikit-learn's {@code _handle_zeros_in_scale}. */
  private static final double TINY_SCALE = 10 * Math.ulp(1.0);

  private final NumericFeature spec;
  private final String field;
  private final String name;
  private final boolean impute;
  private final double imputeValue;
  private final boolean indicator;
  private final Transform transform;
  private final Scaling scaling;
  private final double shift;
  private final double scale;
  private final double[] edges;
  private final double[] inner;
  private final boolean oneHot;

  private FittedNumeric(NumericFeature spec, int[] slots, double imputeValue, double shift, double scale,
      double[] edges) {
    super(slots);
    this.spec = spec;
    this.field = spec.field();
    this.name = spec.name();
    this.impute = spec.imputation() != null;
    this.imputeValue = imputeValue;
    this.indicator = spec.indicator();
    this.transform = spec.transform();
    this.scaling = spec.scaling();
    this.shift = shift;
    this.scale = scale;
    this.edges = edges;
    this.inner = edges == null ? null : Arrays.copyOfRange(edges, 1, edges.length - 1);
    this.oneHot = edges != null && spec.encoding() == BucketEncoding.ONE_HOT;
  }

  static FittedNumeric fit(NumericFeature spec, int slot, double[] raw) {
    String field = spec.field();
    double imputeValue = Double.NaN;
    double[] v = raw;
    if (spec.imputation() != null) {
      Imputation imp = spec.imputation();
      if (imp.strategy() == Imputation.Strategy.CONSTANT) {
        imputeValue = (Double) imp.constant();
      } else {
        double[] observed = Stats.observedSorted(raw);
        if (observed.length == 0) {
          throw new IllegalArgumentException("field '" + field + "': cannot fit " + imp + " imputation: all "
              + raw.length + " training values are missing");
        }
        imputeValue = switch (imp.strategy()) {
          case MEAN -> Stats.mean(observed);
          case MEDIAN -> Stats.median(observed);
          case MOST_FREQUENT -> Stats.mostFrequent(observed);
          default -> throw new AssertionError(imp);
        };
      }
      v = raw.clone();
      for (int i = 0; i < v.length; i++) {
        if (Double.isNaN(v[i])) {
          v[i] = imputeValue;
        }
      }
    }
    if (spec.transform() != Transform.NONE) {
      v = v == raw ? raw.clone() : v;
      for (int i = 0; i < v.length; i++) {
        v[i] = transform(spec.transform(), field, v[i], raw[i]);
      }
    }
    double shift = 0;
    double scale = 1;
    double[] edges = null;
    Scaling s = spec.scaling();
    if (s != Scaling.NONE && s != Scaling.FIXED_BUCKETS) {
      double[] observed = Stats.observedSorted(v);
      if (observed.length == 0) {
        throw new IllegalArgumentException("field '" + field + "': cannot fit " + s.id() + ": all " + raw.length
            + " training values are missing");
      }
      switch (s) {
        case STANDARD -> {
          shift = Stats.mean(observed);
          double std = Stats.std(observed, shift);
          scale = isConstant(std * std, shift, observed.length) || std < TINY_SCALE ? 1.0 : std;
        }
        case MIN_MAX -> {
          shift = observed[0];
          double range = observed[observed.length - 1] - observed[0];
          scale = range < TINY_SCALE ? 1.0 : range;
        }
        case QUANTILE_BUCKETS -> edges = Stats.quantileEdges(observed, spec.bucketCount());
        default -> throw new AssertionError(s);
      }
      if (!Double.isFinite(shift) || !Double.isFinite(scale)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "field '%s': %s statistics overflow (shift %s, scale %s)", field, s.id(), shift, scale));
      }
    } else if (s == Scaling.FIXED_BUCKETS) {
      edges = spec.fixedEdges();
    }
    return new FittedNumeric(spec, new int[] {slot}, imputeValue, shift, scale, edges);
  }

  /** scikit-learn's {@code _is_constant_feature}: a variance within rounding error of zero. */
  private static boolean isConstant(double var, double mean, int n) {
    double eps = Math.ulp(1.0);
    double bound = n * eps * var + (n * mean * eps) * (n * mean * eps);
    return var <= bound;
  }

  private static double transform(Transform t, String field, double v, double raw) {
    if (Double.isNaN(v)) {
      return v;
    }
    switch (t) {
      case LOG:
        if (!(v > 0)) {
          throw domain(field, raw, v, "must be > 0 for the log transform");
        }
        return StrictMath.log(v);
      case LOG1P:
        if (!(v > -1)) {
          throw domain(field, raw, v, "must be > -1 for the log1p transform");
        }
        return StrictMath.log1p(v);
      default:
        return v;
    }
  }

  private static InvalidInputException domain(String field, double raw, double v, String rule) {
    String expected = Double.isNaN(raw) ? "(imputed as " + v + ") " + rule : rule;
    return new InvalidInputException(List.of(new Violation(field, Double.isNaN(raw) ? null : raw,
        Rule.OUT_OF_RANGE, expected)));
  }

  @Override
  Feature spec() {
    return spec;
  }

  @Override
  int width() {
    return (oneHot ? edges.length - 1 : 1) + (indicator ? 1 : 0);
  }

  @Override
  void outputNames(List<String> out) {
    if (oneHot) {
      for (int b = 0; b + 1 < edges.length; b++) {
        out.add(name + "[" + bound(edges[b]) + "," + bound(edges[b + 1]) + ")");
      }
    } else {
      out.add(name);
    }
    if (indicator) {
      out.add(name + ":missing");
    }
  }

  private static String bound(double e) {
    return e == Double.NEGATIVE_INFINITY ? "-inf" : e == Double.POSITIVE_INFINITY ? "inf" : Double.toString(e);
  }

  @Override
  void write(Row row, int[] positions, double[] out, int offset) {
    writeValue(row.getDouble(positions[slots[0]]), out, offset);
  }

  @Override
  void writeColumns(Columns columns, double[] out, int stride, int offset) {
    double[] col = columns.numeric(field);
    for (int r = 0, o = offset; r < col.length; r++, o += stride) {
      writeValue(col[r], out, o);
    }
  }

  /** The whole per-value computation; both the row and the column path call it. */
  void writeValue(double raw, double[] out, int offset) {
    boolean missing = Double.isNaN(raw);
    double v = missing && impute ? imputeValue : raw;
    if (transform != Transform.NONE) {
      v = transform(transform, field, v, raw);
    }
    int o = offset;
    switch (scaling) {
      case STANDARD, MIN_MAX -> out[o++] = (v - shift) / scale;
      case QUANTILE_BUCKETS, FIXED_BUCKETS -> {
        if (oneHot) {
          int width = edges.length - 1;
          if (Double.isNaN(v)) {
            Arrays.fill(out, o, o + width, Double.NaN);
          } else {
            Arrays.fill(out, o, o + width, 0.0);
            out[o + Stats.bucketOf(inner, v)] = 1.0;
          }
          o += width;
        } else {
          out[o++] = Double.isNaN(v) ? Double.NaN : Stats.bucketOf(inner, v);
        }
      }
      default -> out[o++] = v;
    }
    if (indicator) {
      out[o] = missing ? 1.0 : 0.0;
    }
  }

  @Override
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "numeric");
    m.put("field", field);
    if (!name.equals(field)) {
      m.put("name", name);
    }
    if (impute) {
      Map<String, Object> imp = new LinkedHashMap<>();
      imp.put("strategy", spec.imputation().strategy().id());
      imp.put("value", imputeValue);
      m.put("impute", imp);
    }
    m.put("missingIndicator", indicator);
    m.put("transform", transform.id());
    Map<String, Object> sc = new LinkedHashMap<>();
    sc.put("kind", scaling.id());
    switch (scaling) {
      case STANDARD -> {
        sc.put("mean", shift);
        sc.put("scale", scale);
      }
      case MIN_MAX -> {
        sc.put("min", shift);
        sc.put("range", scale);
      }
      case QUANTILE_BUCKETS, FIXED_BUCKETS -> {
        if (scaling == Scaling.QUANTILE_BUCKETS) {
          sc.put("requestedBuckets", spec.bucketCount());
        }
        sc.put("encoding", spec.encoding().id());
        sc.put("edges", PipelineJson.doubles(edges));
      }
      default -> { }
    }
    m.put("scaling", sc);
    return m;
  }

  static FittedNumeric fromJson(JsonObject o, int slot) {
    String field = o.getString("field");
    NumericFeature spec = NumericFeature.of(field);
    if (o.has("name")) {
      spec = spec.named(o.getString("name"));
    }
    double imputeValue = Double.NaN;
    if (o.has("impute")) {
      JsonObject imp = o.getObject("impute");
      Imputation.Strategy strategy = PipelineJson.strategy(imp);
      imputeValue = PipelineJson.finite(imp, "value");
      spec = spec.impute(strategy == Imputation.Strategy.CONSTANT ? Imputation.constant(imputeValue)
          : strategy == Imputation.Strategy.MEAN ? Imputation.mean()
          : strategy == Imputation.Strategy.MEDIAN ? Imputation.median() : Imputation.mostFrequent());
    }
    if (o.getBoolean("missingIndicator")) {
      spec = spec.missingIndicator();
    }
    String t = o.getString("transform");
    switch (t) {
      case "none" -> { }
      case "log" -> spec = spec.log();
      case "log1p" -> spec = spec.log1p();
      default -> throw new CorruptArtifactException(o + ": unknown transform '" + t + "'; expected none, log or log1p");
    }
    JsonObject sc = o.getObject("scaling");
    String kind = sc.getString("kind");
    double shift = 0;
    double scale = 1;
    double[] edges = null;
    switch (kind) {
      case "none" -> { }
      case "standard" -> {
        spec = spec.standardScaled();
        shift = PipelineJson.finite(sc, "mean");
        scale = PipelineJson.positive(sc, "scale");
      }
      case "min-max" -> {
        spec = spec.minMaxScaled();
        shift = PipelineJson.finite(sc, "min");
        scale = PipelineJson.positive(sc, "range");
      }
      case "quantile-buckets", "fixed-buckets" -> {
        BucketEncoding enc = PipelineJson.bucketEncoding(sc);
        edges = PipelineJson.edges(sc, field);
        if (kind.equals("quantile-buckets")) {
          spec = spec.quantileBuckets(sc.getInt("requestedBuckets"), enc);
        } else {
          spec = spec.buckets(enc, Arrays.copyOfRange(edges, 1, edges.length - 1));
          if (edges[0] != Double.NEGATIVE_INFINITY || edges[edges.length - 1] != Double.POSITIVE_INFINITY) {
            throw new CorruptArtifactException("feature '" + field + "': fixed bucket edges must start at -Infinity "
                + "and end at Infinity");
          }
        }
      }
      default -> throw new CorruptArtifactException("feature '" + field + "': unknown scaling kind '" + kind
          + "'; expected none, standard, min-max, quantile-buckets or fixed-buckets");
    }
    return new FittedNumeric(spec, new int[] {slot}, imputeValue, shift, scale, edges);
  }
}
