package dev.mlsys.api.json;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, strict JSON reader and writer for the modules that must stay free of third-party
 * dependencies (eval, serving, monitor write their artifacts and reports with it). It maps JSON
 * to plain Java: objects to insertion-ordered {@code Map<String, Object>}, arrays to
 * {@code List<Object>}, strings, {@link Long} for integers that fit, {@link Double} for other
 * numbers, {@link Boolean} and {@code null}.
 *
 * <pre>{@code
 * String text = Json.write(Map.of("formatVersion", 1, "slope", -1.25));
 * Map<String, Object> back = Json.parseObject(text);
 * }</pre>
 *
 * <p>Doubles are written in their shortest round-trip form, so a value read back is bit-identical.
 * NaN and infinities have no JSON form: writing one throws, unless written with
 * {@link #write(Object, boolean)} and {@code nonFiniteAsNull}. Nesting deeper than
 * {@value #MAX_DEPTH} levels is refused on reading, so untrusted input cannot exhaust the stack.
 *
 * <p>Thread-safety: stateless; safe for concurrent use.
 */
public final class Json {
  /** Deepest nesting accepted by the reader. */
  public static final int MAX_DEPTH = 256;

  private Json() {}

  /**
   * @param value a map, iterable, array, string, number, boolean, enum or {@code null}
   * @return compact JSON text
   * @throws IllegalArgumentException for a non-finite double or a type with no JSON form
   */
  public static String write(Object value) {
    return write(value, false);
  }

  /**
   * @param value a map, iterable, array, string, number, boolean, enum or {@code null}
   * @param nonFiniteAsNull write NaN and infinities as {@code null} instead of throwing
   * @return compact JSON text
   * @throws IllegalArgumentException for a type with no JSON form
   */
  public static String write(Object value, boolean nonFiniteAsNull) {
    StringBuilder sb = new StringBuilder();
    new Writer(sb, nonFiniteAsNull, null).value(value, "$");
    return sb.toString();
  }

  /**
   * @param value as for {@link #write(Object)}
   * @return JSON text indented by two spaces, one member per line
   */
  public static String pretty(Object value) {
    return pretty(value, false);
  }

  /**
   * @param value as for {@link #write(Object)}
   * @param nonFiniteAsNull write NaN and infinities as {@code null} instead of throwing
   * @return JSON text indented by two spaces, one member per line
   */
  public static String pretty(Object value, boolean nonFiniteAsNull) {
    StringBuilder sb = new StringBuilder();
    new Writer(sb, nonFiniteAsNull, "  ").value(value, "$");
    return sb.toString();
  }

  /**
   * @param text JSON text
   * @return the value it holds
   * @throws JsonException naming the position of the first error
   */
  public static Object parse(String text) {
    Reader r = new Reader(text);
    r.skipSpace();
    Object v = r.value(0);
    r.skipSpace();
    if (r.pos < text.length()) {
      throw r.error("unexpected text after the value");
    }
    return v;
  }

  /**
   * @param text JSON text holding an object
   * @return the object as an insertion-ordered map
   * @throws JsonException if the text is not valid JSON or not an object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map)) {
      throw new JsonException("expected a JSON object but found " + kind(v));
    }
    return (Map<String, Object>) v;
  }

  static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map) {
      return "an object";
    }
    if (v instanceof List) {
      return "an array";
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  private static final class Writer {
    private final StringBuilder sb;
    private final boolean nonFiniteAsNull;
    private final String indent;
    private int depth;

    Writer(StringBuilder sb, boolean nonFiniteAsNull, String indent) {
      this.sb = sb;
      this.nonFiniteAsNull = nonFiniteAsNull;
      this.indent = indent;
    }

    void value(Object v, String path) {
      if (v == null) {
        sb.append("null");
      } else if (v instanceof CharSequence || v instanceof Character || v instanceof Enum) {
        string(v instanceof Enum<?> e ? e.name() : v.toString());
      } else if (v instanceof Boolean) {
        sb.append(v);
      } else if (v instanceof Double || v instanceof Float) {
        number(((Number) v).doubleValue(), path);
      } else if (v instanceof Number) {
        sb.append(v);
      } else if (v instanceof Map<?, ?> m) {
        object(m, path);
      } else if (v instanceof Iterable<?> it) {
        array(it.iterator(), path);
      } else if (v.getClass().isArray()) {
        int n = Array.getLength(v);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(Array.get(v, i));
        }
        array(items.iterator(), path);
      } else {
        throw new IllegalArgumentException("no JSON form for " + v.getClass().getName() + " at " + path);
      }
    }

    private void number(double d, String path) {
      if (!Double.isFinite(d)) {
        if (!nonFiniteAsNull) {
          throw new IllegalArgumentException("JSON has no form for " + d + " at " + path);
        }
        sb.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
        sb.append((long) d).append(".0");
      } else {
        sb.append(Double.toString(d));
      }
    }

    private void object(Map<?, ?> m, String path) {
      sb.append('{');
      depth++;
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new IllegalArgumentException("JSON object keys must be strings but found " + e.getKey() + " at " + path);
        }
        sb.append(first ? "" : ",");
        newline();
        string(key);
        sb.append(indent == null ? ":" : ": ");
        value(e.getValue(), path + "." + key);
        first = false;
      }
      depth--;
      if (!first) {
        newline();
      }
      sb.append('}');
    }

    private void array(Iterator<?> it, String path) {
      sb.append('[');
      depth++;
      int i = 0;
      while (it.hasNext()) {
        sb.append(i == 0 ? "" : ",");
        newline();
        value(it.next(), path + "[" + i + "]");
        i++;
      }
      depth--;
      if (i > 0) {
        newline();
      }
      sb.append(']');
    }

    private void newline() {
      if (indent != null) {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
          sb.append(indent);
        }
      }
    }

    private void string(String s) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"': sb.append("\\\""); break;
          case '\\': sb.append("\\\\"); break;
          case '\n': sb.append("\\n"); break;
          case '\r': sb.append("\\r"); break;
          case '\t': sb.append("\\t"); break;
          case '\b': sb.append("\\b"); break;
          case '\f': sb.append("\\f"); break;
          default:
            if (c < 0x20 || c == '\u2028' || c == '\u2029') {
              sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
        }
      }
      sb.append('"');
    }
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      if (s == null) {
        throw new JsonException("JSON text must not be null");
      }
      this.s = s;
    }

    Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw error("nesting deeper than " + MAX_DEPTH + " levels");
      }
      if (pos >= s.length()) {
        throw error("unexpected end of input");
      }
      char c = s.charAt(pos);
      switch (c) {
        case '{': return object(depth);
        case '[': return array(depth);
        case '"': return string();
        case 't': literal("true"); return Boolean.TRUE;
        case 'f': literal("false"); return Boolean.FALSE;
        case 'n': literal("null"); return null;
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    private Map<String, Object> object(int depth) {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      skipSpace();
      if (peek() == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a string key");
        }
        String key = string();
        skipSpace();
        expect(':');
        skipSpace();
        Object v = value(depth + 1);
        if (m.containsKey(key)) {
          throw error("duplicate key \"" + key + "\"");
        }
        m.put(key, v);
        skipSpace();
        char c = next();
        if (c == '}') {
          return m;
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or '}'");
        }
      }
    }

    private List<Object> array(int depth) {
      pos++;
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      while (true) {
        skipSpace();
        list.add(value(depth + 1));
        skipSpace();
        char c = next();
        if (c == ']') {
          return list;
        }
        if (c != ',') {
          pos--;
          throw error("expected ',' or ']'");
        }
      }
    }

    private String string() {
      pos++;
      StringBuilder sb = null;
      int start = pos;
      while (true) {
        if (pos >= s.length()) {
          throw error("unterminated string");
        }
        char c = s.charAt(pos);
        if (c == '"') {
          String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
          pos++;
          return out;
        }
        if (c < 0x20) {
          throw error("control character in string");
        }
        if (c == '\\') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(s, start, pos);
          pos++;
          char e = next();
          switch (e) {
            case '"': sb.append('"'); break;
            case '\\': sb.append('\\'); break;
            case '/': sb.append('/'); break;
            case 'b': sb.append('\b'); break;
            case 'f': sb.append('\f'); break;
            case 'n': sb.append('\n'); break;
            case 'r': sb.append('\r'); break;
            case 't': sb.append('\t'); break;
            case 'u':
              if (pos + 4 > s.length()) {
                throw error("truncated \\u escape");
              }
              try {
                sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
              } catch (NumberFormatException ex) {
                throw error("bad \\u escape");
              }
              pos += 4;
              break;
            default:
              pos--;
              throw error("bad escape '\\" + e + "'");
          }
          start = pos;
        } else {
          pos++;
        }
      }
    }

    private Object number() {
      int start = pos;
      if (peek() == '-') {
        pos++;
      }
      if (peek() == '0') {
        pos++;
      } else if (isDigit(peek())) {
        while (isDigit(peek())) {
          pos++;
        }
      } else {
        throw error("expected a digit");
      }
      boolean integral = true;
      if (peek() == '.') {
        integral = false;
        pos++;
        if (!isDigit(peek())) {
          throw error("expected a digit after '.'");
        }
        while (isDigit(peek())) {
          pos++;
        }
      }
      if (peek() == 'e' || peek() == 'E') {
        integral = false;
        pos++;
        if (peek() == '+' || peek() == '-') {
          pos++;
        }
        if (!isDigit(peek())) {
          throw error("expected a digit in the exponent");
        }
        while (isDigit(peek())) {
          pos++;
        }
      }
      String text = s.substring(start, pos);
      if (integral) {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException outsideLongRange) {
          return Double.parseDouble(text);
        }
      }
      return Double.parseDouble(text);
    }

    private void literal(String word) {
      if (!s.startsWith(word, pos)) {
        throw error("expected '" + word + "'");
      }
      pos += word.length();
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      pos++;
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
      if (pos >= s.length()) {
        throw error("unexpected end of input");
      }
      return s.charAt(pos++);
    }

    void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          pos++;
        } else {
          break;
        }
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    JsonException error(String what) {
      int line = 1;
      int col = 1;
      for (int i = 0; i < Math.min(pos, s.length()); i++) {
        if (s.charAt(i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      return new JsonException("invalid JSON at line " + line + ", column " + col + ": " + what);
    }
  }
}
