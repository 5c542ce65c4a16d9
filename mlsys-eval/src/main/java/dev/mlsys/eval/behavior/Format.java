package dev.mlsys.eval.behavior;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Row;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Locale-independent formatting for reports and JSON. */
final class Format {
  private Format() {}

  /** @return v with up to six significant digits and no trailing zeros ("2", "0.05", "1.5e-07") */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    String s = String.format(Locale.ROOT, "%.6g", v);
    if (s.contains("e")) {
      return s;
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }

  /** @return p with three decimals, "0.930" */
  static String probability(double p) {
    return Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.3f", p);
  }

  /** @return a share as per cent with three significant digits, "6.67 %", "100 %" */
  static String percent(double share) {
    if (Double.isNaN(share)) {
      return "n/a";
    }
    double v = 100 * share;
    if (v == 0 || v == 100) {
      return (int) v + " %";
    }
    String s = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    return s + " %";
  }

  /** @return the row's text, cut to {@code limit} characters with an ellipsis */
  static String truncated(Row row, int limit) {
    String s = String.valueOf(row);
    return s.length() <= limit ? s : s.substring(0, limit - 1) + "\u2026";
  }

  /** @return the fields whose values differ, "free: 0.0 -> 1.0, message: 'a' -> 'b'" */
  static String changes(Row before, Row after) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < before.size(); i++) {
      Object a = before.get(i);
      Object b = after.get(i);
      if (!java.util.Objects.equals(a, b)) {
        sb.append(sb.length() == 0 ? "" : ", ").append(before.schema().allFields().get(i).name()).append(": ")
            .append(quoted(a)).append(" -> ").append(quoted(b));
      }
    }
    return sb.toString();
  }

  private static String quoted(Object v) {
    return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
  }

  /** @return the row's present values as JSON-ready values (timestamps as ISO-8601 text) */
  static Map<String, Object> row(Row row) {
    if (row == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : row.toMap().entrySet()) {
      Object v = e.getValue();
      out.put(e.getKey(), v instanceof Instant i ? i.toString() : v);
    }
    return out;
  }

  /** @return the prediction as a JSON-ready map */
  static Map<String, Object> prediction(Prediction p) {
    if (p == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (p.label() != null) {
      out.put("label", p.label());
    } else {
      out.put("value", p.value());
    }
    if (!p.probabilities().isEmpty()) {
      out.put("probabilities", new LinkedHashMap<>(p.probabilities()));
    }
    return out;
  }
}
