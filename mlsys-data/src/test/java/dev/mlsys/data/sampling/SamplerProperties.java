package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.CorruptArtifactException;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Laws of the mergeable samplers: bulk equals one by one, merge is exact set algebra, bytes round-trip. */
class SamplerProperties {

  private static Integer[] items(int n) {
    return IntStream.range(0, n).boxed().toArray(Integer[]::new);
  }

  @Property(tries = 200)
  void bulkPathsEqualOneByOne(@ForAll @IntRange(min = 1, max = 50) int k,
      @ForAll @IntRange(min = 0, max = 3000) int n, @ForAll @IntRange(min = 0, max = 3000) int cut,
      @ForAll long seed) {
    Integer[] a = items(n);
    int c = Math.min(cut, n);
    ReservoirSampler<Integer> one = Samplers.<Integer>reservoir(k).seed(seed).build();
    for (Integer x : a) {
      one.add(x);
    }
    ReservoirSampler<Integer> bulk = Samplers.<Integer>reservoir(k).seed(seed).build();
    bulk.addAll(a, 0, c);
    bulk.addAll(Arrays.asList(a).subList(c, n));
    ReservoirSampler<Integer> iter = Samplers.<Integer>reservoir(k).seed(seed).build();
    iter.addAll(new java.util.LinkedList<>(Arrays.asList(a)));
    assertEquals(one.sample(), bulk.sample());
    assertEquals(one.sample(), iter.sample());
    assertEquals(n, bulk.count());
    LongReservoirSampler l1 = Samplers.longReservoir(k).seed(seed).build();
    LongReservoirSampler l2 = Samplers.longReservoir(k).seed(seed).build();
    for (int i = 0; i < n; i++) {
      l1.add(i);
    }
    l2.addRange(0, c);
    l2.addAll(IntStream.range(c, n).asLongStream().toArray());
    assertArrayEquals(l1.sample(), l2.sample());
    assertEquals(one.sample().stream().mapToLong(Integer::longValue).boxed().toList(),
        Arrays.stream(l1.sample()).boxed().toList());
  }

  @Property(tries = 200)
  void mergeIsCommutativeAssociativeAndMergeAllIsTheFold(@ForAll @IntRange(min = 1, max = 30) int k,
      @ForAll @Size(3) List<@IntRange(min = 0, max = 500) Integer> sizes, @ForAll long seed) {
    ReservoirSampler<Integer>[] r = partitions(k, sizes, seed);
    List<Integer> ab = r[0].merge(r[1]).sample();
    assertEquals(ab, r[1].merge(r[0]).sample());
    List<Integer> left = r[0].merge(r[1]).merge(r[2]).sample();
    assertEquals(left, r[0].merge(r[1].merge(r[2])).sample());
    assertEquals(left, ReservoirSampler.mergeAll(List.of(r[2], r[0], r[1])).sample());
    assertEquals(sizes.stream().mapToInt(Integer::intValue).sum(), r[0].merge(r[1]).merge(r[2]).count());

    WeightedReservoirSampler<Integer>[] w = weighted(k, sizes, seed);
    List<Integer> wl = w[0].merge(w[1]).merge(w[2]).sample();
    assertEquals(wl, w[2].merge(w[1].merge(w[0])).sample());
    assertEquals(wl, WeightedReservoirSampler.mergeAll(List.of(w[1], w[2], w[0])).sample());
  }

  @SuppressWarnings("unchecked")
  private static ReservoirSampler<Integer>[] partitions(int k, List<Integer> sizes, long seed) {
    ReservoirSampler<Integer>[] r = new ReservoirSampler[sizes.size()];
    int next = 0;
    for (int p = 0; p < r.length; p++) {
      r[p] = Samplers.<Integer>reservoir(k).seed(seed).partition(p).build();
      for (int i = 0; i < sizes.get(p); i++) {
        r[p].add(next++);
      }
    }
    return r;
  }

  @SuppressWarnings("unchecked")
  private static WeightedReservoirSampler<Integer>[] weighted(int k, List<Integer> sizes, long seed) {
    WeightedReservoirSampler<Integer>[] r = new WeightedReservoirSampler[sizes.size()];
    int next = 0;
    for (int p = 0; p < r.length; p++) {
      r[p] = Samplers.<Integer>weightedReservoir(k).seed(seed).partition(p).build();
      for (int i = 0; i < sizes.get(p); i++) {
        r[p].add(next, 1 + (next % 7));
        next++;
      }
    }
    return r;
  }

  /** A restored sampler is the same sampler: same sample now and after more items, merged or not. */
  @Property(tries = 150)
  void bytesRoundTripTheWholeState(@ForAll @IntRange(min = 1, max = 20) int k,
      @ForAll @IntRange(min = 0, max = 400) int before, @ForAll @IntRange(min = 0, max = 400) int after,
      @ForAll long seed) {
    ReservoirSampler<Integer>[] parts = partitions(k, List.of(before, before / 2, 0), seed);
    ReservoirSampler<Integer> r = parts[0].merge(parts[1]);
    ReservoirSampler<Integer> back = ReservoirSampler.fromBytes(r.toBytes(ItemSerializer.integers()),
        ItemSerializer.integers());
    assertEquals(r.sample(), back.sample());
    for (int i = 0; i < after; i++) {
      r.add(10_000 + i);
      back.add(10_000 + i);
    }
    assertEquals(r.sample(), back.sample());
    assertArrayEquals(r.toBytes(ItemSerializer.integers()), back.toBytes(ItemSerializer.integers()));

    WeightedReservoirSampler<Integer>[] w = weighted(k, List.of(before, after, 0), seed);
    WeightedReservoirSampler<Integer> wm = w[0].merge(w[1]);
    WeightedReservoirSampler<Integer> wb = WeightedReservoirSampler.fromBytes(
        wm.toBytes(ItemSerializer.integers()), ItemSerializer.integers());
    for (int i = 0; i < after; i++) {
      wm.add(i, 2.5);
      wb.add(i, 2.5);
    }
    assertEquals(wm.sample(), wb.sample());
    assertEquals(wm.count(), wb.count());

    LongReservoirSampler l = Samplers.longReservoir(k).seed(seed).build();
    l.addRange(0, before);
    LongReservoirSampler lb = LongReservoirSampler.fromBytes(l.toBytes());
    l.addRange(before, before + after);
    lb.addRange(before, before + after);
    assertArrayEquals(l.sample(), lb.sample());

    StratifiedSampler<Integer> s = Samplers.<Integer>stratified((Integer i) -> "s" + (i % 3))
        .proportional(k).seed(seed).build();
    IntStream.range(0, before).forEach(s::add);
    StratifiedSampler<Integer> sb = StratifiedSampler.fromBytes(
        s.toBytes(ItemSerializer.integers(), ItemSerializer.strings()),
        ItemSerializer.integers(), ItemSerializer.strings(), (Integer i) -> "s" + (i % 3));
    IntStream.range(before, before + after).forEach(s::add);
    IntStream.range(before, before + after).forEach(sb::add);
    assertEquals(s.sample(), sb.sample());
    assertEquals(s.counts(), sb.counts());

    // importance: restored fresh, just filled (next jumps pending), mid-stream, and after a merge
    ToDoubleFunction<Integer> proposal = i -> 1 + i % 5;
    ToDoubleFunction<Integer> target = i -> i % 7 == 3 ? 0.0 : 2.0;
    ImportanceSampler<Integer> ia = Samplers.<Integer>importance(k, proposal).target(target).seed(seed).build();
    ImportanceSampler<Integer> ib = Samplers.<Integer>importance(k, proposal).target(target).seed(seed)
        .partition(1).build();
    IntStream.range(0, before).forEach(ia::add);
    IntStream.range(before, before + before / 2).forEach(ib::add);
    for (ImportanceSampler<Integer> im : List.of(ia, ia.merge(ib))) {
      ImportanceSampler<Integer> restored = ImportanceSampler.fromBytes(im.toBytes(ItemSerializer.integers()),
          ItemSerializer.integers(), proposal, target);
      IntStream.range(1_000, 1_000 + after).forEach(im::add);
      IntStream.range(1_000, 1_000 + after).forEach(restored::add);
      assertEquals(im.count(), restored.count());
      if (im.count() > 0) {
        assertEquals(im.sample().draws(), restored.sample().draws());
      }
      assertArrayEquals(im.toBytes(ItemSerializer.integers()), restored.toBytes(ItemSerializer.integers()));
    }
  }

  @Property(tries = 50)
  void stratifiedMergeIsOrderFree(@ForAll @IntRange(min = 1, max = 10) int n,
      @ForAll @Size(3) List<@IntRange(min = 0, max = 300) Integer> sizes, @ForAll long seed) {
    @SuppressWarnings("unchecked")
    StratifiedSampler<Integer>[] s = new StratifiedSampler[3];
    int next = 0;
    for (int p = 0; p < 3; p++) {
      s[p] = Samplers.<Integer>stratified((Integer i) -> i % 4).proportional(n).seed(seed).partition(p).build();
      for (int i = 0; i < sizes.get(p); i++) {
        s[p].add(next++);
      }
    }
    StratifiedSampler<Integer> a = s[0].merge(s[1]).merge(s[2]);
    StratifiedSampler<Integer> b = s[2].merge(s[0].merge(s[1]));
    assertEquals(a.sample(), b.sample());
    assertEquals(Math.min(n, next), a.allocation().values().stream().mapToInt(Integer::intValue).sum());
  }

  @Property(tries = 50)
  void corruptBytesAreRejectedNeverMisread(@ForAll @IntRange(min = 0, max = 200) int cut) {
    ReservoirSampler<String> r = Samplers.<String>reservoir(5).seed(3).build();
    IntStream.range(0, 50).forEach(i -> r.add("item" + i));
    byte[] bytes = r.toBytes(ItemSerializer.strings());
    byte[] truncated = Arrays.copyOf(bytes, Math.min(cut, bytes.length - 1));
    assertThrows(CorruptArtifactException.class, () -> ReservoirSampler.fromBytes(truncated, ItemSerializer.strings()));

    ImportanceSampler<String> im = Samplers.<String>importance(4, x -> x.length()).seed(3).build();
    IntStream.range(0, 50).forEach(i -> im.add("item" + i));
    byte[] whole = im.toBytes(ItemSerializer.strings());
    byte[] cutShort = Arrays.copyOf(whole, Math.min(cut, whole.length - 1));
    assertThrows(CorruptArtifactException.class,
        () -> ImportanceSampler.fromBytes(cutShort, ItemSerializer.strings(), x -> x.length(), null));
  }
}
