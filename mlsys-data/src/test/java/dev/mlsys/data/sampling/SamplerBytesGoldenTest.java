package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The byte forms of the mergeable samplers, pinned by golden files written by version 1: the
 * same state must give the same bytes, and the golden bytes must read back to that state. A
 * change to a format needs a new version, not a silent edit.
 */
class SamplerBytesGoldenTest {

  static byte[] golden(String name) throws IOException {
    try (InputStream in = SamplerBytesGoldenTest.class.getResourceAsStream("/golden/sampling/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      return in.readAllBytes();
    }
  }

  /** Two partitions merged, then more items: a lineage with merged streams and a drawn skip. */
  static ReservoirSampler<Integer> reservoir() {
    ReservoirSampler<Integer> a = Samplers.<Integer>reservoir(5).seed(11).partition(0).build();
    ReservoirSampler<Integer> b = Samplers.<Integer>reservoir(5).seed(11).partition(1).build();
    IntStream.range(0, 200).forEach(a::add);
    IntStream.range(200, 300).forEach(b::add);
    ReservoirSampler<Integer> m = a.merge(b);
    IntStream.range(300, 340).forEach(m::add);
    return m;
  }

  static LongReservoirSampler longReservoir() {
    LongReservoirSampler a = Samplers.longReservoir(4).seed(5).partition(0).build();
    LongReservoirSampler b = Samplers.longReservoir(4).seed(5).partition(1).build();
    a.addRange(0, 150);
    b.addRange(150, 170);
    LongReservoirSampler m = a.merge(b);
    m.addRange(170, 190);
    return m;
  }

  static WeightedReservoirSampler<Integer> weighted() {
    WeightedReservoirSampler<Integer> a = Samplers.<Integer>weightedReservoir(3).seed(2).partition(0).build();
    WeightedReservoirSampler<Integer> b = Samplers.<Integer>weightedReservoir(3).seed(2).partition(1).build();
    IntStream.range(0, 60).forEach(i -> a.add(i, 1 + i % 4));
    IntStream.range(60, 90).forEach(i -> b.add(i, 0.5));
    WeightedReservoirSampler<Integer> m = a.merge(b);
    IntStream.range(90, 100).forEach(i -> m.add(i, 3.0));
    return m;
  }

  static final ToDoubleFunction<Integer> PROPOSAL = i -> 1 + i % 3;

  /** Two partitions merged, then enough items for the pending jumps to be drawn and the heap used. */
  static ImportanceSampler<Integer> importance() {
    ImportanceSampler<Integer> a = Samplers.<Integer>importance(3, PROPOSAL).seed(4).partition(0).build();
    ImportanceSampler<Integer> b = Samplers.<Integer>importance(3, PROPOSAL).seed(4).partition(1).build();
    IntStream.range(0, 40).forEach(a::add);
    IntStream.range(40, 70).forEach(b::add);
    ImportanceSampler<Integer> m = a.merge(b);
    IntStream.range(70, 90).forEach(m::add);
    return m;
  }

  static StratifiedSampler<Integer> stratified() {
    StratifiedSampler.Builder<Integer> builder = Samplers.<Integer>stratified((Integer i) -> "s" + (i % 3))
        .proportional(7).seed(9);
    StratifiedSampler<Integer> a = builder.partition(0).build();
    StratifiedSampler<Integer> b = builder.partition(1).build();
    IntStream.range(0, 120).forEach(a::add);
    IntStream.range(120, 200).forEach(b::add);
    StratifiedSampler<Integer> m = a.merge(b);
    IntStream.range(200, 230).forEach(m::add);
    return m;
  }

  @Test
  void reservoirBytesAreVersionOne() throws IOException {
    byte[] g = golden("reservoir-v1.bin");
    ReservoirSampler<Integer> r = reservoir();
    assertArrayEquals(g, r.toBytes(ItemSerializer.integers()));
    ReservoirSampler<Integer> back = ReservoirSampler.fromBytes(g, ItemSerializer.integers());
    assertEquals(r.sample(), back.sample());
    assertArrayEquals(g, back.toBytes(ItemSerializer.integers()));
  }

  @Test
  void longReservoirBytesAreVersionOne() throws IOException {
    byte[] g = golden("long-reservoir-v1.bin");
    LongReservoirSampler r = longReservoir();
    assertArrayEquals(g, r.toBytes());
    LongReservoirSampler back = LongReservoirSampler.fromBytes(g);
    assertArrayEquals(r.sample(), back.sample());
    assertArrayEquals(g, back.toBytes());
  }

  @Test
  void weightedReservoirBytesAreVersionOne() throws IOException {
    byte[] g = golden("weighted-reservoir-v1.bin");
    WeightedReservoirSampler<Integer> r = weighted();
    assertArrayEquals(g, r.toBytes(ItemSerializer.integers()));
    WeightedReservoirSampler<Integer> back = WeightedReservoirSampler.fromBytes(g, ItemSerializer.integers());
    assertEquals(r.sample(), back.sample());
    assertArrayEquals(g, back.toBytes(ItemSerializer.integers()));
  }

  @Test
  void stratifiedBytesAreVersionOne() throws IOException {
    byte[] g = golden("stratified-v1.bin");
    StratifiedSampler<Integer> r = stratified();
    assertArrayEquals(g, r.toBytes(ItemSerializer.integers(), ItemSerializer.strings()));
    StratifiedSampler<Integer> back = StratifiedSampler.fromBytes(g, ItemSerializer.integers(),
        ItemSerializer.strings(), (Integer i) -> "s" + (i % 3));
    assertEquals(r.sample(), back.sample());
    assertArrayEquals(g, back.toBytes(ItemSerializer.integers(), ItemSerializer.strings()));
  }

  @Test
  void importanceBytesAreVersionOne() throws IOException {
    byte[] g = golden("importance-v1.bin");
    ImportanceSampler<Integer> r = importance();
    assertArrayEquals(g, r.toBytes(ItemSerializer.integers()));
    ImportanceSampler<Integer> back = ImportanceSampler.fromBytes(g, ItemSerializer.integers(), PROPOSAL, null);
    assertEquals(r.sample().draws(), back.sample().draws());
    assertArrayEquals(g, back.toBytes(ItemSerializer.integers()));
  }
}
