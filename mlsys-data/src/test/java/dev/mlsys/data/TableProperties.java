package dev.mlsys.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.arrow.memory.RootAllocator;

/** Laws of {@link Table}: rows round-trip unaltered, derived tables are what they say, no memory leaks. */
class TableProperties {
  static final Schema SCHEMA = TableTest.SCHEMA;

  @Property(tries = 50)
  void rowsRoundTripAndDerivedTablesObeyTheirDefinitions(@ForAll("rows") List<Row> rows,
      @ForAll @Size(max = 40) List<Integer> picks, @ForAll int headSize) {
    try (RootAllocator allocator = new RootAllocator()) {
      int[] indices = picks.stream().mapToInt(p -> Math.floorMod(p, Math.max(rows.size(), 1))).toArray();
      if (rows.isEmpty()) {
        indices = new int[0];
      }
      int n = Math.floorMod(headSize, rows.size() + 3);
      try (Table t = Table.fromRows(SCHEMA, rows, allocator);
           Table taken = t.take(indices);
           Table head = t.head(n);
           Table selected = t.select("seen", "churn", "note")) {
        assertEquals(rows, t.toRows());
        List<Row> expected = new ArrayList<>();
        for (int i : indices) {
          expected.add(rows.get(i));
        }
        assertEquals(expected, taken.toRows());
        assertEquals(rows.subList(0, Math.min(n, rows.size())), head.toRows());
        assertArrayEquals(t.strings("note"), selected.strings("note"));
        assertArrayEquals(t.doubles("seen"), selected.doubles("seen"));
        assertArrayEquals(t.codes("churn"), selected.codes("churn"));
        double[] scores = t.doubles("score");
        for (int i = 0; i < rows.size(); i++) {
          double expectedScore = rows.get(i).getDouble("score");
          assertEquals(Double.doubleToLongBits(expectedScore), Double.doubleToLongBits(scores[i]));
        }
      }
      assertEquals(0, allocator.getAllocatedMemory());
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    return rowLists();
  }

  /** @return lists of rows of {@link TableTest#SCHEMA} with every kind of value, missing ones included */
  static Arbitrary<List<Row>> rowLists() {
    Arbitrary<Double> age = Arbitraries.doubles().between(0, 130);
    Arbitrary<String> plan = Arbitraries.of("free", "pro", "team").injectNull(0.2);
    Arbitrary<String> note = Arbitraries.strings().ofMaxLength(20).injectNull(0.2);
    Arbitrary<Boolean> active = Arbitraries.of(true, false).injectNull(0.2);
    Arbitrary<Instant> seen = Arbitraries.longs().between(-9_000_000_000_000_000_000L / 1_000_000_000L,
        9_000_000_000L).flatMap(sec -> Arbitraries.integers().between(0, 999_999_999)
        .map(ns -> Instant.ofEpochSecond(sec, ns))).injectNull(0.2);
    Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0)).injectNull(0.2);
    Arbitrary<String> churn = Arbitraries.of("no", "yes").injectNull(0.2);
    List<Arbitrary<Object>> columns = Arrays.asList(age.asGeneric(), plan.asGeneric(), note.asGeneric(),
        active.asGeneric(), seen.asGeneric(), score.asGeneric(), churn.asGeneric());
    return Combinators.combine(columns)
        .as(values -> SCHEMA.rowOf(values.toArray()))
        .list().ofMaxSize(50);
  }
}
