package dev.mlsys.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTest {
  static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 130)
      .numeric("score")
      .categorical("plan", "free", "pro")
      .text("note").nullable("note")
      .bool("vip")
      .timestamp("ts")
      .label("churn", "no", "yes")
      .build();

  static Map<String, Object> valid() {
    Map<String, Object> m = new HashMap<>();
    m.put("age", 31);
    m.put("score", 0.5);
    m.put("plan", "pro");
    m.put("vip", true);
    m.put("ts", "2024-05-01T12:00:00Z");
    return m;
  }

  @Test
  void validRecordHasNoViolationsAndLabelMayBeAbsent() {
    assertEquals(List.of(), SCHEMA.validate(valid()));
    Row row = SCHEMA.row(valid());
    assertEquals(31.0, row.get("age"));
    assertEquals(31.0, row.getDouble("age"));
    assertEquals("pro", row.getString("plan"));
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), row.get("ts"));
    assertNull(row.label());
    assertTrue(row.isMissing("note"));
  }

  @Test
  void reportsEveryViolationNotJustTheFirst() {
    Map<String, Object> m = valid();
    m.put("age", -3);
    m.remove("score");
    m.put("plan", "gold");
    m.put("vip", "yes");
    m.put("ts", "yesterday");
    m.put("colour", "red");
    m.put("churn", "maybe");
    List<Violation> vs = SCHEMA.validate(m);
    assertEquals(List.of(Rule.OUT_OF_RANGE, Rule.MISSING_REQUIRED, Rule.UNSEEN_CATEGORY, Rule.WRONG_TYPE,
        Rule.UNPARSEABLE, Rule.UNSEEN_CATEGORY, Rule.UNKNOWN_FIELD), vs.stream().map(Violation::rule).toList());
    assertEquals(List.of("age", "score", "plan", "vip", "ts", "churn", "colour"),
        vs.stream().map(Violation::field).toList());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SCHEMA.row(m));
    assertEquals(vs, e.violations());
    assertTrue(e.getMessage().contains("field 'age': value -3 is below min 0.0 (OUT_OF_RANGE)"), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid input (7 violations)"), e.getMessage());
  }

  @Test
  void messagesNameFieldValueAndRule() {
    Violation v = SCHEMA.validate(Map.of("age", 200.5, "score", 1, "plan", "pro", "vip", false, "ts", 0L)).get(0);
    assertEquals("field 'age': value 200.5 is above max 130.0 (OUT_OF_RANGE)", v.message());
    Violation w = SCHEMA.validate(Map.of("age", 1, "score", "42", "plan", "pro", "vip", false, "ts", 0L)).get(0);
    assertEquals("field 'score': value '42' has type String but must be a number (WRONG_TYPE)", w.message());
  }

  @Test
  void strictRejectsNumericStringsLenientParsesThem() {
    Map<String, Object> m = valid();
    m.put("score", "42");
    m.put("vip", "no");
    m.put("ts", "1714564800000");
    assertEquals(3, SCHEMA.validate(m, Coercion.STRICT).size());
    Row row = SCHEMA.row(m, Coercion.LENIENT);
    assertEquals(42.0, row.getDouble("score"));
    assertEquals(Boolean.FALSE, row.get("vip"));
    assertEquals(Instant.ofEpochMilli(1714564800000L), row.get("ts"));
  }

  @Test
  void lenientBlankIsMissingAndUnparseableIsNamed() {
    Map<String, Object> m = valid();
    m.put("score", "  ");
    assertEquals(Rule.MISSING_REQUIRED, SCHEMA.validate(m, Coercion.LENIENT).get(0).rule());
    m.put("score", "4two");
    Violation v = SCHEMA.validate(m, Coercion.LENIENT).get(0);
    assertEquals(Rule.UNPARSEABLE, v.rule());
    assertEquals("4two", v.value());
  }

  @Test
  void nonFiniteRejectedUnlessAllowed() {
    Map<String, Object> m = valid();
    m.put("score", Double.NaN);
    assertEquals(Rule.NOT_FINITE, SCHEMA.validate(m).get(0).rule());
    Schema allowing = SCHEMA.toBuilder().allowNonFinite("score").build();
    assertTrue(Double.isNaN(allowing.row(m).getDouble("score")));
    m.put("age", Double.POSITIVE_INFINITY);
    assertEquals(Rule.NOT_FINITE, allowing.validate(m).get(0).rule());
  }

  @Test
  void numbersOfAnyJdkTypeAreAccepted() {
    Map<String, Object> m = valid();
    for (Object n : List.of(7, 7L, 7.0f, (short) 7, (byte) 7, new BigDecimal("7"))) {
      m.put("age", n);
      assertEquals(7.0, SCHEMA.row(m).getDouble("age"), () -> n.getClass().getName());
    }
  }

  @Test
  void timestampsAcceptIsoFormsAndEpochMillis() {
    Map<String, Object> m = valid();
    Instant midnight = Instant.parse("2012-01-01T00:00:00Z");
    for (Object t : List.of("2012-01-01", "2012-01-01T00:00:00", "2012-01-01T01:00:00+01:00", "2012-01-01T00:00:00Z",
        midnight.toEpochMilli(), LocalDate.of(2012, 1, 1), midnight)) {
      m.put("ts", t);
      assertEquals(midnight, SCHEMA.row(m).get("ts"), () -> t.toString());
    }
    m.put("ts", 1.5);
    assertEquals(Rule.WRONG_TYPE, SCHEMA.validate(m).get(0).rule());
  }

  @Test
  void unseenCategoryCanMapToOther() {
    Schema s = Schema.builder().categorical("plan", "free", "pro", "other").mapUnseen("plan", "other").build();
    assertEquals("other", s.row(Map.of("plan", "gold")).getString("plan"));
    assertEquals("pro", s.row(Map.of("plan", "pro")).getString("plan"));
  }

  @Test
  void unknownFieldsCanBeIgnored() {
    Schema s = Schema.builder().numeric("x").ignoreUnknownFields().build();
    assertEquals(List.of(), s.validate(Map.of("x", 1, "y", 2)));
    assertEquals(Rule.UNKNOWN_FIELD, Schema.builder().numeric("x").build().validate(Map.of("x", 1, "y", 2)).get(0).rule());
  }

  @Test
  void rowsAreEqualWhateverTheFieldOrder() {
    Map<String, Object> a = new java.util.LinkedHashMap<>(valid());
    Map<String, Object> b = new java.util.TreeMap<>(valid());
    b.put("age", 31.0);
    assertEquals(SCHEMA.row(a), SCHEMA.row(b));
    assertEquals(SCHEMA.row(a).hashCode(), SCHEMA.row(b).hashCode());
  }

  @Test
  void builderRejectsDuplicateBlankAndMisuse() {
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().numeric("x").text("x"));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().numeric(" "));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().numeric("x").label("x", "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().label("y", "only"));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().nullable("nope"));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().numeric("x", 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Schema.builder().categorical("c", "a", "a"));
    IllegalStateException twice = assertThrows(IllegalStateException.class,
        () -> Schema.builder().label("y", "a", "b").label("z", "c", "d"));
    assertTrue(twice.getMessage().contains("'y'"), twice.getMessage());
    assertThrows(IllegalStateException.class, () -> Schema.builder().build());
  }

  @Test
  void schemaExposesFieldsAndLabelSeparately() {
    assertEquals(6, SCHEMA.fields().size());
    assertEquals("churn", SCHEMA.label().orElseThrow().name());
    assertEquals(List.of("no", "yes"), SCHEMA.labelClasses());
    assertEquals(6, SCHEMA.indexOf("churn"));
    assertFalse(SCHEMA.withoutLabel().label().isPresent());
    assertTrue(SCHEMA.field("note").orElseThrow().nullable());
  }

  @Test
  void rowOfTakesValuesByPosition() {
    Schema s = Schema.builder().numeric("x").categorical("c", "a", "b").label("y", "n", "p").build();
    Row r = s.rowOf(1, "a", "p");
    assertEquals("p", r.label());
    assertEquals(r.withoutLabel(), s.rowOf(1, "a"));
    assertThrows(IllegalArgumentException.class, () -> s.rowOf(1));
    assertThrows(InvalidInputException.class, () -> s.rowOf("x", "z"));
  }

  @Test
  void rowWithValidatesTheNewValue() {
    Row r = SCHEMA.row(valid());
    assertEquals(40.0, r.with("age", 40).getDouble("age"));
    assertEquals(31.0, r.getDouble("age"));
    assertThrows(InvalidInputException.class, () -> r.with("age", -1));
    assertThrows(IllegalArgumentException.class, () -> r.get("nope"));
    assertThrows(IllegalArgumentException.class, () -> r.getDouble("plan"));
  }
}
