package dev.mlsys.data.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Coercion;
import dev.mlsys.api.Field;
import dev.mlsys.api.NumericField;
import dev.mlsys.api.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SchemaJsonProperties {

  @Property(tries = 100)
  void everySchemaRoundTrips(@ForAll("schemas") Schema schema) {
    assertEquals(schema, SchemaJson.read(SchemaJson.write(schema)));
    assertEquals(schema, SchemaJson.fromTree(SchemaJson.toTree(schema), "tree"));
  }

  @Provide
  Arbitrary<Schema> schemas() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange(' ', '\u2000').ofMinLength(1).ofMaxLength(12)
        .filter(s -> !s.isBlank());
    Arbitrary<List<Field>> fields = Combinators.combine(names, Arbitraries.integers().between(0, 4),
            Arbitraries.of(true, false), bounds(), bounds(), values(), Arbitraries.of(true, false))
        .as((name, kind, nullable, a, b, values, other) -> switch (kind) {
          case 0 -> (Field) new NumericField(name, nullable, Math.min(a, b), Math.max(a, b), other);
          case 1 -> {
            var f = Field.categorical(name, values.toArray(new String[0])).withNullable(nullable);
            yield other ? f.mapUnseenTo(values.get(values.size() - 1)) : f;
          }
          case 2 -> Field.text(name).withNullable(nullable);
          case 3 -> Field.bool(name).withNullable(nullable);
          default -> Field.timestamp(name).withNullable(nullable);
        }).list().ofMinSize(1).ofMaxSize(8).uniqueElements(Field::name);
    return Combinators.combine(fields, Arbitraries.of(true, false), Arbitraries.of(Coercion.class),
        Arbitraries.of(true, false), values()).as((fs, withLabel, coercion, ignore, classes) -> {
          Schema.Builder b = Schema.builder().coercion(coercion);
          fs.forEach(b::field);
          if (withLabel && classes.size() >= 2 && fs.stream().noneMatch(f -> f.name().equals("\u0000label"))) {
            b.label("\u0000label", classes.toArray(new String[0]));
          }
          if (ignore) {
            b.ignoreUnknownFields();
          }
          return b.build();
        });
  }

  private Arbitrary<Double> bounds() {
    return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 0.1));
  }

  private Arbitrary<List<String>> values() {
    return Arbitraries.strings().ofMaxLength(6).set().ofMinSize(1).ofMaxSize(6)
        .map(s -> new ArrayList<>(new LinkedHashSet<>(s)));
  }
}
