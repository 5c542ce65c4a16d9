package dev.mlsys.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonProperties {

  @Property
  void finiteDoublesRoundTripBitForBit(@ForAll double d) {
    if (Double.isFinite(d)) {
      double back = ((Number) Json.parse(Json.write(d))).doubleValue();
      assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(back));
    }
  }

  @Property
  void stringsRoundTrip(@ForAll String s) {
    assertEquals(s, Json.parse(Json.write(s)));
  }

  @Property
  void nestedValuesRoundTrip(@ForAll("values") Object v) {
    assertEquals(v, Json.parse(Json.write(v)));
    assertEquals(v, Json.parse(Json.pretty(v)));
  }

  @Provide
  Arbitrary<Object> values() {
    Arbitrary<Object> leaf = Arbitraries.oneOf(
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().filter(d -> d != Math.rint(d)).map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
        Arbitraries.of(true, false).map(b -> (Object) b));
    Arbitrary<Object> lists = leaf.list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), leaf).ofMaxSize(4)
        .map(m -> (Object) m);
    return Arbitraries.oneOf(leaf, lists, maps, Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(3),
        lists).ofMaxSize(3).map(m -> (Object) m));
  }
}
