package dev.mlsys.monitor.profile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Lenient reading of raw values, as records read from CSV or JSON arrive: numbers from numeric
 * strings, booleans from their usual spellings, categories by their text (integral numbers
 * without ".0"). A value that cannot be read is a type error, never an exception.
 */
final class Values {
  /** Sentinel for "could not be read". */
  static final Object TYPE_ERROR = new Object();

  private Values() {}

  /** @return whether the raw value stands for a missing value (null, blank, NA, N/A, null, NaN) */
  static boolean isMissing(Object raw) {
    if (raw == null) {
      return true;
    }
    if (raw instanceof Double d) {
      return d.isNaN();
    }
    if (raw instanceof Float f) {
      return f.isNaN();
    }
    if (raw instanceof CharSequence cs) {
      String s = cs.toString().trim();
      return s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("N/A") || s.equalsIgnoreCase("null")
          || s.equalsIgnoreCase("NaN");
    }
    return false;
  }

  /** @return the finite number, or NaN when the value is not a finite number */
  static double number(Object raw) {
    double v;
    if (raw instanceof Boolean) {
      return Double.NaN;
    } else if (raw instanceof Number n) {
      v = n.doubleValue();
    } else if (raw instanceof CharSequence cs) {
      try {
        v = Double.parseDouble(cs.toString().trim());
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    } else {
      return Double.NaN;
    }
    return Double.isFinite(v) ? v : Double.NaN;
  }

  /** @return the category text of a value */
  static String category(Object raw) {
    if (raw instanceof CharSequence cs) {
      return cs.toString().trim();
    }
    if (raw instanceof Double || raw instanceof Float || raw instanceof BigDecimal) {
      double d = ((Number) raw).doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return raw.toString();
    }
    if (raw instanceof Number || raw instanceof BigInteger || raw instanceof Boolean) {
      return raw.toString();
    }
    return raw.toString();
  }

  /** @return "true", "false", or {@link #TYPE_ERROR} */
  static Object bool(Object raw) {
    if (raw instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (raw instanceof Number n) {
      double d = n.doubleValue();
      return d == 1 ? "true" : d == 0 ? "false" : TYPE_ERROR;
    }
    if (raw instanceof CharSequence cs) {
      switch (cs.toString().trim().toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "t", "1":
          return "true";
        case "false", "no", "n", "f", "0":
          return "false";
        default:
          return TYPE_ERROR;
      }
    }
    return TYPE_ERROR;
  }
}
