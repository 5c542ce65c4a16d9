package dev.mlsys.serving.routing;

import java.util.Objects;

/**
 * Factories for the routers a {@code PredictionService} can test new versions with: canary
 * releases, A/B tests and multi-armed bandits, plus the deterministic entity hash they split on.
 *
 * <pre>{@code
 * service.route(Routers.canary("v2", 0.05));
 * AbTest ab = Routers.abTest("v1", "v2", 0.5);
 * Bandit bandit = Routers.ucb1("v1", "v2", "v3");
 * }</pre>
 *
 * <p>Thread-safety: every router returned is safe for concurrent use.
 */
public final class Routers {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Routers() {}

  /**
   * @param version the canary version (must be staged in the service)
   * @param share the share of entities it serves, in [0, 1]
   * @return a canary router, adjustable at run time with {@link Canary#share(double)}
   * @throws IllegalArgumentException if the version is blank or the share is outside [0, 1]
   */
  public static Canary canary(String version, double share) {
    return new CanaryRouter(version, share);
  }

  /**
   * @param control the control version (arm A)
   * @param treatment the treatment version (arm B)
   * @param treatmentShare the share of entities sent to the treatment, in [0, 1]
   * @return an A/B test splitting entities by hash
   * @throws IllegalArgumentException if a version is blank, both are equal, or the share is outside [0, 1]
   */
  public static AbTest abTest(String control, String treatment, double treatmentShare) {
    return new AbTestRouter(control, treatment, treatmentShare);
  }

  /**
   * @param epsilon the exploration probability, in [0, 1]
   * @param seed the seed of the exploration draws
   * @param versions the arms, at least two, distinct
   * @return an epsilon-greedy bandit
   * @throws IllegalArgumentException if epsilon is outside [0, 1] or the arms are invalid
   */
  public static Bandit epsilonGreedy(double epsilon, long seed, String... versions) {
    return new BanditRouter(new EpsilonGreedy(epsilon, seed), versions);
  }

  /**
   * @param versions the arms, at least two, distinct
   * @return a UCB1 bandit (deterministic: it needs no seed)
   * @throws IllegalArgumentException if the arms are invalid
   */
  public static Bandit ucb1(String... versions) {
    return new BanditRouter(new Ucb1(), versions);
  }

  /**
   * @param seed the seed of the posterior draws
   * @param versions the arms, at least two, distinct
   * @return a Thompson sampling bandit with Beta(1, 1) priors
   * @throws IllegalArgumentException if the arms are invalid
   */
  public static Bandit thompsonSampling(long seed, String... versions) {
    return new BanditRouter(new ThompsonSampling(seed), versions);
  }

  /**
   * The hash routers split entities on: 64-bit FNV-1a over the key's UTF-16 code units, finished
   * with the SplitMix64 mixer. The same key gives the same hash on every JVM and every run.
   *
   * @param key an entity key such as a user id
   * @return a well-mixed 64-bit hash
   * @throws NullPointerException if the key is null
   */
  public static long entityHash(CharSequence key) {
    Objects.requireNonNull(key, "key");
    long h = FNV_OFFSET;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  /**
   * @param x any 64-bit value
   * @return the SplitMix64 finaliser of x (Steele, Lea and Flood, "Fast splittable pseudorandom
   *     number generators", OOPSLA 2014): a bijection that spreads every input bit over the output
   */
  public static long mix(long x) {
    long z = x;
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A point in [0, 1) from an entity hash and a per-router salt, so routers split independently. */
  static double unitInterval(long entityHash, long salt) {
    return (mix(entityHash ^ salt) >>> 11) * 0x1.0p-53;
  }

  static String checkVersion(String version, String what) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException(what + " must be a non-blank version but was: "
          + (version == null ? "null" : "'" + version + "'"));
    }
    return version;
  }
}
