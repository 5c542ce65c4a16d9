package dev.mlsys.data.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsys.data.testdata.Golden;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class HashSamplerTest {
  /**
   * Fingerprints recorded when the format was fixed: farmhash fingerprint64 never changes, so
   * neither may these, or samples drawn earlier could not be reproduced.
   */
  @Test
  void fingerprintsAreFrozen() {
    assertArrayEquals(new long[] {-3708410573896926648L, 7300294628250587284L, 6528725604215146845L,
        9174833099578866762L, -1827304759517835268L}, new long[] {
            HashSampler.hashKey(0, "user-1"), HashSampler.hashKey(42, "user-1"), HashSampler.hashKey(42, 7L),
            HashSampler.hashKey(42, UUID.fromString("123e4567-e89b-12d3-a456-426614174000")),
            HashSampler.hashKey(-1, new byte[] {1, 2, 3})});
    assertEquals(HashSampler.hashKey(42, 7L), HashSampler.hashKey(42, 7));
    assertEquals(HashSampler.hashKey(42, 7L), HashSampler.hashKey(42, (short) 7));
  }

  /**
   * The same fingerprints from an independent implementation: Google's C++ farmhash compiled to
   * WebAssembly (npm farmhash-modern 1.1.0; src/test/golden/hash_fingerprints.js), over text keys
   * of every length class farmhash treats differently and over long keys, for four seeds. It also
   * reproduces the five frozen values above.
   */
  @Test
  void fingerprintsEqualGooglesFarmhash() {
    JsonNode cases = Golden.load("hash_fingerprints.json").get("cases");
    assertEquals(48, cases.size());
    for (JsonNode c : cases) {
      long seed = Long.parseLong(c.get("seed").asText());
      String key = c.get("key").asText();
      Object k = c.get("kind").asText().equals("text") ? key : (Object) Long.parseLong(key);
      assertEquals(Long.parseLong(c.get("fingerprint").asText()), HashSampler.hashKey(seed, k),
          "seed " + seed + " key '" + key + "'");
    }
  }

  @Test
  void nestedRatesGiveNestedSamples() {
    HashSampler<Integer> small = Samplers.<Integer>hash(0.1, i -> "k" + i).seed(3).build();
    HashSampler<Integer> large = small.withRate(0.3);
    int inSmall = 0;
    for (int i = 0; i < 50_000; i++) {
      if (small.test(i)) {
        inSmall++;
        assertTrue(large.test(i), "key " + i + " is in the 10% sample but not in the 30% one");
      }
    }
    assertTrue(inSmall > 0);
  }

  /**
   * The number of 200,000 distinct keys kept at rate 0.05 is Binomial(200000, 0.05) if the hash
   * behaves randomly; it must fall in the central 1 - 1e-3 interval of that distribution.
   */
  @Test
  void keepsEachKeyWithTheRate() {
    int n = 200_000;
    for (long seed : new long[] {0, 1, 2}) {
      HashSampler<Integer> h = Samplers.<Integer>hash(0.05, i -> i).seed(seed).build();
      long kept = IntStream.range(0, n).filter(h::test).count();
      BinomialDistribution b = BinomialDistribution.of(n, 0.05);
      int lo = b.inverseCumulativeProbability(0.0005);
      int hi = b.inverseSurvivalProbability(0.0005);
      assertTrue(kept >= lo && kept <= hi, "seed " + seed + ": kept " + kept + " not in [" + lo + ", " + hi + "]");
    }
  }

  /** Two seeds give (nearly) independent samples: the overlap is Binomial(n, 0.1 * 0.1). */
  @Test
  void seedsGiveIndependentSamples() {
    int n = 100_000;
    HashSampler<Integer> a = Samplers.<Integer>hash(0.1, i -> i).seed(1).build();
    HashSampler<Integer> b = Samplers.<Integer>hash(0.1, i -> i).seed(2).build();
    long both = IntStream.range(0, n).filter(i -> a.test(i) && b.test(i)).count();
    BinomialDistribution d = BinomialDistribution.of(n, 0.01);
    assertTrue(both >= d.inverseCumulativeProbability(0.0005) && both <= d.inverseSurvivalProbability(0.0005),
        "overlap " + both);
  }

  @Test
  void edgeRatesAndBadKeys() {
    HashSampler<String> none = Samplers.<String>hash(0, s -> s).build();
    HashSampler<String> all = Samplers.<String>hash(1, s -> s).build();
    for (int i = 0; i < 1000; i++) {
      assertFalse(none.test("x" + i));
      assertTrue(all.test("x" + i));
    }
    assertEquals("rate must be in [0, 1] but was: 1.5",
        assertThrows(IllegalArgumentException.class, () -> Samplers.hash(1.5, x -> x)).getMessage());
    HashSampler<Double> bad = Samplers.<Double>hash(0.5, d -> d).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bad.test(1.5));
    assertTrue(e.getMessage().endsWith("but was: java.lang.Double"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Samplers.<String>hash(0.5, s -> null).build().test("a"));
  }
}
