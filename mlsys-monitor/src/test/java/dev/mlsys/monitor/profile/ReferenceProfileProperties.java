package dev.mlsys.monitor.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of profiles: merging partitions equals profiling the whole, in any split and order. */
class ReferenceProfileProperties {
  private static final Schema SCHEMA = Schema.builder().numeric("x").categorical("c", "a", "b", "c").build();

  @Property(tries = 100, seed = "7")
  void mergeOfAnySplitEqualsTheWhole(@ForAll @Size(max = 60) List<@DoubleRange(min = -1e6, max = 1e6) Double> xs,
      @ForAll @IntRange(min = 0, max = 60) int cut) {
    List<Map<String, ?>> records = new ArrayList<>();
    for (int i = 0; i < xs.size(); i++) {
      records.add(Map.of("x", xs.get(i), "c", "abc".substring(i % 3, i % 3 + 1)));
    }
    int k = Math.min(cut, records.size());
    ReferenceProfile left = ReferenceProfile.of(SCHEMA, records.subList(0, k));
    ReferenceProfile right = ReferenceProfile.of(SCHEMA, records.subList(k, records.size()));
    ReferenceProfile whole = ReferenceProfile.of(SCHEMA, records);
    for (ReferenceProfile merged : List.of(left.merge(right), right.merge(left))) {
      NumericProfile m = (NumericProfile) merged.field("x").orElseThrow();
      NumericProfile w = (NumericProfile) whole.field("x").orElseThrow();
      assertEquals(w.valid(), m.valid());
      assertArrayEquals(w.sortedValues().orElseThrow(), m.sortedValues().orElseThrow());
      assertEquals(w.mean(), m.mean(), 1e-9 * (1 + Math.abs(w.mean())));
      assertEquals(w.variance(), m.variance(), 1e-9 * (1 + w.variance()));
      assertEquals(((CategoricalProfile) whole.field("c").orElseThrow()).counts(),
          ((CategoricalProfile) merged.field("c").orElseThrow()).counts());
    }
  }

  @Property(tries = 50, seed = "7")
  void jsonRoundTripIsLossless(@ForAll @Size(max = 40) List<@DoubleRange(min = -1e9, max = 1e9) Double> xs) {
    List<Map<String, ?>> records = new ArrayList<>();
    for (Double x : xs) {
      records.add(Map.of("x", x, "c", "a"));
    }
    ReferenceProfile p = ReferenceProfile.of(SCHEMA, records);
    assertEquals(p.toJson(), ReferenceProfile.fromJson(p.toJson()).toJson());
  }
}
