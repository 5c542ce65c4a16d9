package dev.mlsys.data.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mlsys.api.BooleanField;
import dev.mlsys.api.CategoricalField;
import dev.mlsys.api.Coercion;
import dev.mlsys.api.CorruptArtifactException;
import dev.mlsys.api.Field;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Schema;
import dev.mlsys.api.TextField;
import dev.mlsys.api.TimestampField;
import dev.mlsys.api.UnknownFieldPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The versioned JSON form of a {@link Schema}: format {@value #FORMAT}, version
 * {@value #VERSION}. Every option of every field kind survives a round trip, so
 * {@code read(write(schema)).equals(schema)}.
 *
 * <pre>{@code
 * {
 *   "format": "mlsys.schema",
 *   "formatVersion": 1,
 *   "coercion": "strict",
 *   "unknownFields": "reject",
 *   "fields": [
 *     {"name": "age", "type": "numeric", "nullable": false, "min": 0.0, "max": 130.0, "allowNonFinite": false},
 *     {"name": "plan", "type": "categorical", "nullable": true, "values": ["free", "pro", "other"], "unseen": "other"},
 *     {"name": "note", "type": "text", "nullable": true},
 *     {"name": "active", "type": "boolean", "nullable": false},
 *     {"name": "seen", "type": "timestamp", "nullable": false}
 *   ],
 *   "label": {"name": "churn", "type": "categorical", "values": ["no", "yes"]}
 * }
 * }</pre>
 *
 * <p>A numeric bound that is infinite in its own direction (no bound) is left out; the rare bound
 * that is infinite the other way (a minimum of +infinity) is the string {@code "Infinity"}. {@code "unseen"} is left out when
 * unseen categories are rejected. The label is always nullable, so it carries no
 * {@code "nullable"} member. Readers are strict: an unknown member, a missing member, a wrong
 * JSON type, another format or an unknown version is a {@link CorruptArtifactException} that
 * names the member and what was expected.
 *
 * <p>Other artifacts (feature pipelines, model manifests) embed a schema with
 * {@link #toTree(Schema)} and {@link #fromTree(JsonNode, String)}.
 *
 * <p>Thread-safety: stateless; all methods are safe for concurrent use.
 */
public final class SchemaJson {
  /** The format name written in the {@code "format"} member. */
  public static final String FORMAT = "mlsys.schema";
  /** The version this build writes, and the newest it reads. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> TOP_MEMBERS =
      Set.of("format", "formatVersion", "coercion", "unknownFields", "fields", "label");

  private SchemaJson() {}

  /**
   * @param schema the schema to write
   * @return its JSON text, indented, ending with a line break
   */
  public static String write(Schema schema) {
    try {
      return MAPPER.writeValueAsString(toTree(schema)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema tree could not be written as JSON", e);
    }
  }

  /**
   * Writes a schema to a file in UTF-8, replacing the file if it exists.
   *
   * @param schema the schema to write
   * @param file where to write it
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Schema schema, Path file) {
    try {
      Files.writeString(file, write(schema), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write schema to " + file + ": " + reason(e), e);
    }
  }

  /**
   * @param json JSON text in this format
   * @return the schema
   * @throws CorruptArtifactException if the text is not valid JSON of this format and version
   */
  public static Schema read(String json) {
    return read(json, "schema");
  }

  /**
   * @param file a file in this format
   * @return the schema
   * @throws CorruptArtifactException if the file is not valid JSON of this format and version
   * @throws UncheckedIOException if the file cannot be read
   */
  public static Schema read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema from " + file + ": " + reason(e), e);
    }
    return read(text, file.toString());
  }

  private static Schema read(String json, String where) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CorruptArtifactException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null) {
      throw new CorruptArtifactException(where + ": expected a JSON object but the text is empty");
    }
    return fromTree(tree, where);
  }

  /**
   * @param schema the schema
   * @return a fresh JSON tree of the schema in this format, to write or embed
   */
  public static ObjectNode toTree(Schema schema) {
    ObjectNode root = NODES.objectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", VERSION);
    root.put("coercion", schema.coercion().name().toLowerCase(Locale.ROOT));
    root.put("unknownFields", schema.unknownFields().name().toLowerCase(Locale.ROOT));
    ArrayNode fields = root.putArray("fields");
    for (Field f : schema.fields()) {
      fields.add(field(f, true));
    }
    schema.label().ifPresent(l -> root.set("label", field(l, false)));
    return root;
  }

  /**
   * @param tree a JSON tree in this format
   * @param where the artifact the tree came from (a file name, "model.json#schema"), for messages
   * @return the schema
   * @throws CorruptArtifactException if the tree is not this format and version, or is invalid
   */
  public static Schema fromTree(JsonNode tree, String where) {
    Node root = new Node(tree, where);
    root.requireObject();
    root.allowOnly(TOP_MEMBERS);
    String format = root.text("format");
    if (!FORMAT.equals(format)) {
      throw new CorruptArtifactException(where + ": expected format '" + FORMAT + "' but found '" + format + "'");
    }
    long version = root.integer("formatVersion");
    if (version != VERSION) {
      throw new CorruptArtifactException(where + ": format '" + FORMAT + "' version " + version
          + " is not readable by this build, which reads version " + VERSION);
    }
    Schema.Builder b = Schema.builder();
    b.coercion(root.enumValue("coercion", Coercion.class));
    if (root.enumValue("unknownFields", UnknownFieldPolicy.class) == UnknownFieldPolicy.IGNORE) {
      b.ignoreUnknownFields();
    }
    Node fields = root.member("fields");
    fields.requireArray();
    for (int i = 0; i < fields.node.size(); i++) {
      Field f = readField(fields.element(i), true);
      try {
        b.field(f);
      } catch (IllegalArgumentException e) {
        throw new CorruptArtifactException(fields.element(i).where + ": " + e.getMessage(), e);
      }
    }
    if (root.has("label")) {
      Node label = root.member("label");
      try {
        b.label(readField(label, false));
      } catch (IllegalArgumentException e) {
        throw new CorruptArtifactException(label.where + ": " + e.getMessage(), e);
      }
    }
    try {
      return b.build();
    } catch (IllegalStateException e) {
      throw new CorruptArtifactException(where + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode field(Field f, boolean withNullable) {
    ObjectNode o = NODES.objectNode();
    o.put("name", f.name());
    o.put("type", f.type().id());
    if (withNullable) {
      o.put("nullable", f.nullable());
    }
    if (f instanceof NumericField n) {
      if (n.min() != Double.NEGATIVE_INFINITY) {
        o.put("min", n.min());
      }
      if (n.max() != Double.POSITIVE_INFINITY) {
        o.put("max", n.max());
      }
      o.put("allowNonFinite", n.allowNonFinite());
    } else if (f instanceof CategoricalField c) {
      ArrayNode values = o.putArray("values");
      c.values().forEach(values::add);
      c.unseenValue().ifPresent(u -> o.put("unseen", u));
    }
    return o;
  }

  private static Field readField(Node n, boolean feature) {
    n.requireObject();
    String type = n.text("type");
    String name = n.text("name");
    boolean nullable = feature ? n.bool("nullable") : true;
    Set<String> common = feature ? Set.of("name", "type", "nullable") : Set.of("name", "type");
    try {
      switch (type) {
        case "numeric": {
          n.allowOnly(plus(common, "min", "max", "allowNonFinite"));
          double min = n.has("min") ? n.bound("min") : Double.NEGATIVE_INFINITY;
          double max = n.has("max") ? n.bound("max") : Double.POSITIVE_INFINITY;
          return new NumericField(name, nullable, min, max, n.bool("allowNonFinite"));
        }
        case "categorical": {
          n.allowOnly(plus(common, "values", "unseen"));
          Node values = n.member("values");
          values.requireArray();
          List<String> list = new ArrayList<>(values.node.size());
          for (int i = 0; i < values.node.size(); i++) {
            list.add(values.element(i).requireText());
          }
          String unseen = n.has("unseen") ? n.text("unseen") : null;
          return new CategoricalField(name, nullable, list, unseen);
        }
        case "text":
          n.allowOnly(common);
          return new TextField(name, nullable);
        case "boolean":
          n.allowOnly(common);
          return new BooleanField(name, nullable);
        case "timestamp":
          n.allowOnly(common);
          return new TimestampField(name, nullable);
        default:
          throw new CorruptArtifactException(n.where + ".type: expected one of numeric, categorical, text, "
              + "boolean, timestamp but found '" + type + "'");
      }
    } catch (IllegalArgumentException e) {
      throw new CorruptArtifactException(n.where + ": " + e.getMessage(), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Set<String> plus(Set<String> base, String... more) {
    java.util.HashSet<String> s = new java.util.HashSet<>(base);
    s.addAll(List.of(more));
    return s;
  }

  /** A JSON node with its path, for checked reads whose failures name the member. */
  private static final class Node {
    final JsonNode node;
    final String where;

    Node(JsonNode node, String where) {
      this.node = node;
      this.where = where;
    }

    void requireObject() {
      if (!node.isObject()) {
        throw wrong("an object");
      }
    }

    void requireArray() {
      if (!node.isArray()) {
        throw wrong("an array");
      }
    }

    String requireText() {
      if (!node.isTextual()) {
        throw wrong("a string");
      }
      return node.textValue();
    }

    boolean has(String key) {
      return node.has(key);
    }

    void allowOnly(Set<String> members) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!members.contains(key)) {
          throw new CorruptArtifactException(where + ": unknown member '" + key + "'; expected only "
              + new java.util.TreeSet<>(members));
        }
      }
    }

    Node member(String key) {
      JsonNode child = node.get(key);
      if (child == null) {
        throw new CorruptArtifactException(where + ": missing member '" + key + "'");
      }
      return new Node(child, where + "." + key);
    }

    Node element(int i) {
      return new Node(node.get(i), where + "[" + i + "]");
    }

    String text(String key) {
      return member(key).requireText();
    }

    boolean bool(String key) {
      Node m = member(key);
      if (!m.node.isBoolean()) {
        throw m.wrong("true or false");
      }
      return m.node.booleanValue();
    }

    double bound(String key) {
      Node m = member(key);
      if (m.node.isTextual() && ("Infinity".equals(m.node.textValue()) || "-Infinity".equals(m.node.textValue()))) {
        return Double.parseDouble(m.node.textValue());
      }
      if (!m.node.isNumber()) {
        throw m.wrong("a number");
      }
      return m.node.doubleValue();
    }

    long integer(String key) {
      Node m = member(key);
      if (!m.node.isIntegralNumber() || !m.node.canConvertToLong()) {
        throw m.wrong("an integer");
      }
      return m.node.longValue();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
      Node m = member(key);
      String text = m.requireText();
      for (E e : type.getEnumConstants()) {
        if (e.name().toLowerCase(Locale.ROOT).equals(text)) {
          return e;
        }
      }
      List<String> allowed = new ArrayList<>();
      for (E e : type.getEnumConstants()) {
        allowed.add(e.name().toLowerCase(Locale.ROOT));
      }
      throw new CorruptArtifactException(m.where + ": expected one of " + allowed + " but found '" + text + "'");
    }

    CorruptArtifactException wrong(String expected) {
      String found = node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT)
          + " " + abbreviate(node.toString());
      return new CorruptArtifactException(where + ": expected " + expected + " but found " + found);
    }

    private static String abbreviate(String s) {
      return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
  }
}
