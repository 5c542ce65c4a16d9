package dev.mlsys.data.labeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The join against a direct O(n m) reading of its rules, and its accounting laws. */
class LabelJoinProperties {
  /** Items are compared by identity: equal records must still be told apart. */
  static final class Item {
    final int key;
    final long t;

    Item(int key, long t) {
      this.key = key;
      this.t = t;
    }
  }

  @Provide
  Arbitrary<List<Item>> items() {
    return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.longs().between(0, 60))
        .as(Item::new).list().ofMaxSize(40);
  }

  private static LabelJoin<Item, Item> join(int window, Attribution a) {
    return LabelJoin.<Item, Item>of(i -> i.key, i -> Instant.ofEpochSecond(i.t), i -> i.key,
        i -> Instant.ofEpochSecond(i.t)).window(Duration.ofSeconds(window)).attribution(a)
        .asOf(Instant.ofEpochSecond(50));
  }

  /** The rules read directly: outcomes in (time, input) order; candidates by (time, input) order. */
  private static Map<Item, Item> reference(List<Item> ps, List<Item> os, int window, Attribution a) {
    Map<Item, Item> outcomeOf = new IdentityHashMap<>();
    Integer[] order = new Integer[os.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> os.get(x).t != os.get(y).t ? Long.compare(os.get(x).t, os.get(y).t) : x - y);
    List<Integer> pOrder = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      pOrder.add(i);
    }
    pOrder.sort((x, y) -> ps.get(x).t != ps.get(y).t ? Long.compare(ps.get(x).t, ps.get(y).t) : x - y);
    for (int oi : order) {
      Item o = os.get(oi);
      List<Item> candidates = new ArrayList<>();
      for (int pi : pOrder) {
        Item p = ps.get(pi);
        if (p.key == o.key && p.t <= o.t && o.t <= p.t + window && !outcomeOf.containsKey(p)) {
          candidates.add(p);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      if (a == Attribution.LATEST_PREDICTION) {
        outcomeOf.put(candidates.get(candidates.size() - 1), o);
      } else {
        candidates.forEach(p -> outcomeOf.put(p, o));
      }
    }
    return outcomeOf;
  }

  @Property(tries = 500)
  void joinEqualsTheDirectReadingOfItsRules(@ForAll("items") List<Item> ps, @ForAll("items") List<Item> os,
      @ForAll @IntRange(max = 20) int window, @ForAll boolean each) {
    Attribution a = each ? Attribution.EACH_PREDICTION : Attribution.LATEST_PREDICTION;
    var r = join(window, a).join(ps, os);
    Map<Item, Item> expected = reference(ps, os, window, a);
    assertEquals(expected.size(), r.matched().size());
    for (var m : r.matched()) {
      assertTrue(expected.get(m.prediction()) == m.outcome());
      assertEquals(Duration.ofSeconds(m.outcome().t - m.prediction().t), m.delay());
    }
  }

  @Property(tries = 500)
  void everyPredictionAndOutcomeIsAccountedForExactlyOnce(@ForAll("items") List<Item> ps,
      @ForAll("items") List<Item> os, @ForAll @IntRange(max = 20) int window, @ForAll boolean each) {
    var r = join(window, each ? Attribution.EACH_PREDICTION : Attribution.LATEST_PREDICTION).join(ps, os);
    Map<Item, Integer> seen = new IdentityHashMap<>();
    r.matched().forEach(m -> seen.merge(m.prediction(), 1, Integer::sum));
    r.pending().forEach(p -> seen.merge(p, 1, Integer::sum));
    r.expired().forEach(p -> seen.merge(p, 1, Integer::sum));
    assertEquals(ps.size(), seen.size());
    assertTrue(seen.values().stream().allMatch(c -> c == 1));
    Map<Item, Integer> outcomeUses = new IdentityHashMap<>();
    r.matched().forEach(m -> outcomeUses.merge(m.outcome(), 1, Integer::sum));
    r.unmatchedOutcomes().forEach(u -> outcomeUses.merge(u.outcome(), 1_000, Integer::sum));
    assertEquals(os.size(), outcomeUses.size());
    for (int uses : outcomeUses.values()) {
      // an unmatched outcome is never also matched; under latest attribution an outcome labels one prediction
      assertTrue(uses == 1_000 || uses < 1_000 && (each || uses == 1));
    }
    for (Item p : r.pending()) {
      assertTrue(p.t + window > 50);
    }
    for (Item p : r.expired()) {
      assertTrue(p.t + window <= 50);
    }
  }
}
