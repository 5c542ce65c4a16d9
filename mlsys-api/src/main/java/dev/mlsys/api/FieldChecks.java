package dev.mlsys.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Converts a raw value to its field's canonical value under a {@link Coercion}, or records why it
 * cannot. Stateless; all methods are thread-safe.
 */
final class FieldChecks {
  private FieldChecks() {}

  /**
   * @param field the field the value is for
   * @param key the name the value was given under (for messages)
   * @param raw the raw value, non-null
   * @param coercion the conversion mode
   * @param out where a violation is added if the value is invalid
   * @return the canonical value, or {@code null} if a violation was added (or a lenient blank
   *     string means missing, which the caller checks with {@link #isBlankMissing})
   */
  static Object canonical(Field field, String key, Object raw, Coercion coercion, List<Violation> out) {
    switch (field.type()) {
      case NUMERIC:
        return numeric((NumericField) field, key, raw, coercion, out);
      case CATEGORICAL:
        return categorical((CategoricalField) field, key, raw, coercion, out);
      case TEXT:
        return text(key, raw, coercion, out);
      case BOOLEAN:
        return bool(key, raw, coercion, out);
      case TIMESTAMP:
        return timestamp(key, raw, coercion, out);
      default:
        throw new AssertionError(field.type());
    }
  }

  /** Under lenient coercion a blank string stands for a missing numeric, boolean or timestamp. */
  static boolean isBlankMissing(Field field, Object raw, Coercion coercion) {
    return coercion == Coercion.LENIENT
        && raw instanceof CharSequence cs
        && cs.toString().isBlank()
        && field.type() != FieldType.TEXT
        && field.type() != FieldType.CATEGORICAL;
  }

  private static Object numeric(NumericField f, String key, Object raw, Coercion coercion, List<Violation> out) {
    double v;
    if (raw instanceof Double d) {
      v = d;
    } else if (raw instanceof Number n && isKnownNumber(n)) {
      v = n.doubleValue();
    } else if (coercion == Coercion.LENIENT && raw instanceof CharSequence cs) {
      String s = cs.toString().trim();
      try {
        v = Double.parseDouble(s);
      } catch (NumberFormatException e) {
        out.add(new Violation(key, raw, Rule.UNPARSEABLE, "is not a number"));
        return null;
      }
    } else {
      out.add(wrongType(key, raw, coercion == Coercion.LENIENT ? "a number or a numeric string" : "a number"));
      return null;
    }
    if (!Double.isFinite(v)) {
      if (!f.allowNonFinite()) {
        out.add(new Violation(key, raw, Rule.NOT_FINITE, "is not finite"));
        return null;
      }
      if (Double.isNaN(v)) {
        return raw instanceof Double d ? d : Double.valueOf(v);
      }
    }
    if (v < f.min()) {
      out.add(new Violation(key, raw, Rule.OUT_OF_RANGE, "is below min " + fmt(f.min())));
      return null;
    }
    if (v > f.max()) {
      out.add(new Violation(key, raw, Rule.OUT_OF_RANGE, "is above max " + fmt(f.max())));
      return null;
    }
    return raw instanceof Double d ? d : Double.valueOf(v);
  }

  private static boolean isKnownNumber(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Float || n instanceof Short
        || n instanceof Byte || n instanceof BigDecimal || n instanceof BigInteger
        || n instanceof AtomicInteger || n instanceof AtomicLong;
  }

  private static Object categorical(CategoricalField f, String key, Object raw, Coercion coercion,
      List<Violation> out) {
    String s;
    if (raw instanceof CharSequence cs) {
      s = coercion == Coercion.LENIENT ? cs.toString().trim() : cs.toString();
    } else if (coercion == Coercion.LENIENT && (raw instanceof Number || raw instanceof Boolean)) {
      s = textOf(raw);
    } else {
      out.add(wrongType(key, raw, coercion == Coercion.LENIENT ? "a string, number or boolean" : "a string"));
      return null;
    }
    int i = f.indexOf(s);
    if (i >= 0) {
      return f.values().get(i);
    }
    if (f.unseenValue().isPresent()) {
      return f.unseenValue().get();
    }
    out.add(new Violation(key, raw, Rule.UNSEEN_CATEGORY, "is not one of " + abbreviate(f.values())));
    return null;
  }

  private static Object text(String key, Object raw, Coercion coercion, List<Violation> out) {
    if (raw instanceof CharSequence cs) {
      return cs.toString();
    }
    if (coercion == Coercion.LENIENT && (raw instanceof Number || raw instanceof Boolean || raw instanceof Character)) {
      return textOf(raw);
    }
    out.add(wrongType(key, raw, coercion == Coercion.LENIENT ? "a string, number, boolean or character" : "a string"));
    return null;
  }

  private static Object bool(String key, Object raw, Coercion coercion, List<Violation> out) {
    if (raw instanceof Boolean b) {
      return b;
    }
    if (coercion == Coercion.LENIENT) {
      if (raw instanceof CharSequence cs) {
        switch (cs.toString().trim().toLowerCase(Locale.ROOT)) {
          case "true": case "yes": case "y": case "t": case "1":
            return Boolean.TRUE;
          case "false": case "no": case "n": case "f": case "0":
            return Boolean.FALSE;
          default:
            out.add(new Violation(key, raw, Rule.UNPARSEABLE, "is not a boolean (true/false, yes/no, 1/0)"));
            return null;
        }
      }
      if (raw instanceof Number n && isKnownNumber(n)) {
        double d = n.doubleValue();
        if (d == 0 || d == 1) {
          return d == 1;
        }
        out.add(new Violation(key, raw, Rule.UNPARSEABLE, "is not a boolean (only 0 and 1 are)"));
        return null;
      }
    }
    out.add(wrongType(key, raw, coercion == Coercion.LENIENT ? "a boolean, boolean string, 0 or 1" : "a boolean"));
    return null;
  }

  private static Object timestamp(String key, Object raw, Coercion coercion, List<Violation> out) {
    if (raw instanceof Instant i) {
      return i;
    }
    if (raw instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    if (raw instanceof ZonedDateTime z) {
      return z.toInstant();
    }
    if (raw instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (raw instanceof LocalDate d) {
      return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (raw instanceof Date d) {
      return d.toInstant();
    }
    if (raw instanceof Number n && isKnownNumber(n)) {
      Long millis = integralMillis(n);
      if (millis != null) {
        return Instant.ofEpochMilli(millis);
      }
      if (coercion == Coercion.STRICT || !isIntegral(n)) {
        out.add(wrongType(key, raw, "integral epoch milliseconds"));
        return null;
      }
      return Instant.ofEpochMilli((long) n.doubleValue());
    }
    if (raw instanceof CharSequence cs) {
      String s = cs.toString().trim();
      if (coercion == Coercion.LENIENT && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')
          && s.lastIndexOf('-') <= 0) {
        try {
          return Instant.ofEpochMilli(Long.parseLong(s));
        } catch (NumberFormatException e) {
          out.add(new Violation(key, raw, Rule.UNPARSEABLE, "is not epoch milliseconds in the long range"));
          return null;
        }
      }
      Instant parsed = parseIso(coercion == Coercion.LENIENT && s.length() > 10 && s.charAt(10) == ' '
          ? s.substring(0, 10) + 'T' + s.substring(11) : s);
      if (parsed == null) {
        out.add(new Violation(key, raw, Rule.UNPARSEABLE,
            "is not an ISO-8601 timestamp (e.g. 2024-05-01T12:00:00Z or 2024-05-01)"));
      }
      return parsed;
    }
    out.add(wrongType(key, raw, "an Instant, ISO-8601 string or epoch milliseconds"));
    return null;
  }

  private static Long integralMillis(Number n) {
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte
        || n instanceof AtomicLong || n instanceof AtomicInteger) {
      return n.longValue();
    }
    if (n instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    return null;
  }

  private static boolean isIntegral(Number n) {
    double d = n.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63;
  }

  static Instant parseIso(String s) {
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
      return t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException | ArithmeticException e) {
      return null;
    }
  }

  private static String textOf(Object raw) {
    if (raw instanceof Number n && isKnownNumber(n) && !(n instanceof BigDecimal) && isIntegral(n)
        && Math.abs(n.doubleValue()) < 0x1p53) {
      return Long.toString((long) n.doubleValue());
    }
    return String.valueOf(raw);
  }

  private static Violation wrongType(String key, Object raw, String expected) {
    return new Violation(key, raw, Rule.WRONG_TYPE,
        "has type " + raw.getClass().getSimpleName() + " but must be " + expected);
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%s", d);
  }

  private static String abbreviate(List<String> values) {
    if (values.size() <= 12) {
      return values.toString();
    }
    return values.subList(0, 12).toString().replace("]", ", ... (" + values.size() + " values)]");
  }
}
