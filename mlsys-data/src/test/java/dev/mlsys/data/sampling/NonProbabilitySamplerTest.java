package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NonProbabilitySamplerTest {
  @Test
  void convenienceTakesTheFirstN() {
    NonProbabilitySampler<Integer> s = Samplers.convenience(3);
    IntStream.range(0, 10).forEach(s::add);
    assertEquals(List.of(0, 1, 2), s.sample());
    assertEquals(10, s.count());
    assertTrue(s.bias().contains("first"));
  }

  @Test
  void quotaTakesTheFirstNPerGroup() {
    NonProbabilitySampler<Integer> s = Samplers.quota((Integer i) -> i % 3, 2);
    IntStream.range(0, 20).forEach(s::add);
    assertEquals(List.of(0, 1, 2, 3, 4, 5), s.sample());
    assertEquals(NonProbabilitySampler.Method.QUOTA, s.method());
    assertThrows(IllegalArgumentException.class, () -> Samplers.quota(x -> null, 2).add("a"));
  }

  @Test
  void judgmentTakesWhatTheRuleSelects() {
    NonProbabilitySampler<Integer> s = Samplers.judgment((Integer i) -> i % 7 == 0);
    assertTrue(s.add(14));
    assertFalse(s.add(15));
    assertEquals(List.of(14), s.sample());
  }

  @Test
  void snowballGrowsBreadthFirstByWaves() {
    Map<String, List<String>> graph = Map.of(
        "a", List.of("b", "c"), "b", List.of("a", "d"), "c", List.of("e"),
        "d", List.of("f"), "e", List.of(), "f", List.of("g"), "g", List.of());
    SnowballSampler<String> s = Samplers.snowball(List.of("a"), graph::get);
    assertEquals(List.of("a"), s.waves(0).sample());
    assertEquals(List.of("a", "b", "c"), s.waves(1).sample());
    assertEquals(List.of("a", "b", "c", "d", "e"), s.waves(2).sample());
    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), s.sample());
    assertEquals(List.of("a", "b", "c", "d"), s.limit(4).sample());
    assertTrue(s.bias().contains("well-connected"));
  }
}
