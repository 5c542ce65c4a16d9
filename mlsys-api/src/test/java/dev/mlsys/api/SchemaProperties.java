package dev.mlsys.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SchemaProperties {
  private static final Schema SCHEMA = SchemaTest.SCHEMA;

  @Property
  void validationNeverThrowsOnArbitraryMapsAndRowAgreesWithValidate(@ForAll("records") Map<String, Object> record) {
    for (Coercion c : Coercion.values()) {
      List<Violation> vs = SCHEMA.validate(record, c);
      try {
        Row row = SCHEMA.row(record, c);
        assertEquals(List.of(), vs);
        assertEquals(row, SCHEMA.row(row.toMap(), c));
      } catch (InvalidInputException e) {
        assertFalse(vs.isEmpty());
        assertEquals(vs, e.violations());
        vs.forEach(v -> assertFalse(v.message().isEmpty()));
      }
    }
  }

  @Property
  void validRowsRoundTripThroughTheirMap(@ForAll("validRecords") Map<String, Object> record) {
    Row row = SCHEMA.row(record);
    Row again = SCHEMA.row(row.toMap());
    assertEquals(row, again);
    assertEquals(row.hashCode(), again.hashCode());
    assertEquals(row, SCHEMA.row(row.toMap(), Coercion.LENIENT));
  }

  @Provide
  Arbitrary<Map<String, Object>> records() {
    Arbitrary<Object> anything = Arbitraries.oneOf(
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY).map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
        Arbitraries.of("free", "pro", "2024-01-01", "true", "12", " 7 ", "", "NaN").map(s -> (Object) s),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b),
        Arbitraries.just(new Object()),
        Arbitraries.just(List.of(1, 2)),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.just(null));
    Arbitrary<String> keys = Arbitraries.of("age", "score", "plan", "note", "vip", "ts", "churn", "extra", "");
    return Arbitraries.maps(keys, anything).ofMaxSize(9).map(HashMap::new);
  }

  @Provide
  Arbitrary<Map<String, Object>> validRecords() {
    return net.jqwik.api.Combinators.combine(
        Arbitraries.doubles().between(0, 130),
        Arbitraries.doubles().between(-1e12, 1e12),
        Arbitraries.of("free", "pro"),
        Arbitraries.strings().ofMaxLength(20).injectNull(0.3),
        Arbitraries.of(true, false),
        Arbitraries.longs().between(-1_000_000_000_000L, 4_000_000_000_000L),
        Arbitraries.of("no", "yes").injectNull(0.5)
    ).as((age, score, plan, note, vip, ts, churn) -> {
      Map<String, Object> m = new HashMap<>();
      m.put("age", age);
      m.put("score", score);
      m.put("plan", plan);
      m.put("note", note);
      m.put("vip", vip);
      m.put("ts", Instant.ofEpochMilli(ts));
      m.put("churn", churn);
      return m;
    });
  }
}
