package dev.mlsys.monitor.stream;

/**
 * CPython's {@code random.Random}: the Mersenne Twister MT19937 (Matsumoto and Nishimura 1998)
 * seeded from an integer by {@code init_by_array} on its 32-bit words, with CPython's
 * {@code random()}, {@code getrandbits}, {@code _randbelow}, {@code sample} and {@code gauss}.
 *
 * <p>It exists so that KSWIN draws exactly River's reference samples for a given seed, which makes
 * its detections identical to River's. mlsys's own random components use SplittableRandom.
 *
 * <p>Not thread-safe. Allocates nothing after construction.
 */
final class PythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private static final double TWO_PI = 2.0 * Math.PI;
  private final int[] mt = new int[N];
  private int mti;
  private double gaussNext = Double.NaN;

  /** Seeds as {@code random.Random(seed)}: the absolute value's 32-bit words, least significant first. */
  PythonRandom(long seed) {
    seed(seed);
  }

  void seed(long seed) {
    long abs = seed == Long.MIN_VALUE ? Long.MIN_VALUE : Math.abs(seed);
    int[] key;
    int hi = (int) (abs >>> 32);
    if (hi != 0) {
      key = new int[] {(int) abs, hi};
    } else {
      key = new int[] {(int) abs};
    }
    initByArray(key);
    gaussNext = Double.NaN;
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (mti = 1; mti < N; mti++) {
      mt[mti] = 1812433253 * (mt[mti - 1] ^ (mt[mti - 1] >>> 30)) + mti;
    }
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    mti = N;
  }

  /** @return the next 32 random bits, as an unsigned value in a long */
  long nextUint32() {
    if (mti >= N) {
      int kk;
      for (kk = 0; kk < N - M; kk++) {
        int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        int y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      int y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      mti = 0;
    }
    int y = mt[mti++];
    y ^= (y >>> 11);
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= (y >>> 18);
    return y & 0xffffffffL;
  }

  /** @return {@code random.random()}: 53 random bits in [0, 1) */
  double random() {
    long a = nextUint32() >>> 5;
    long b = nextUint32() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** @return {@code random.getrandbits(k)} for 0 <= k <= 32 */
  long getrandbits(int k) {
    if (k == 0) {
      return 0;
    }
    return nextUint32() >>> (32 - k);
  }

  /** @return {@code random._randbelow(n)}: uniform in [0, n) by rejection on bit_length(n) bits */
  int randbelow(int n) {
    if (n <= 0) {
      return 0;
    }
    int k = 32 - Integer.numberOfLeadingZeros(n);
    long r = getrandbits(k);
    while (r >= n) {
      r = getrandbits(k);
    }
    return (int) r;
  }

  /**
   * {@code random.sample(range(n), k)} into {@code out[0..k)}, using the caller's scratch space:
   * {@code pool} of length >= n and {@code selected} of length >= n.
   */
  void sampleRange(int n, int k, int[] out, int[] pool, boolean[] selected) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("sample size k must be in [0, " + n + "] but was: " + k);
    }
    int setsize = 21;
    if (k > 5) {
      setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
    }
    if (n <= setsize) {
      for (int i = 0; i < n; i++) {
        pool[i] = i;
      }
      for (int i = 0; i < k; i++) {
        int j = randbelow(n - i);
        out[i] = pool[j];
        pool[j] = pool[n - i - 1];
      }
    } else {
      for (int i = 0; i < n; i++) {
        selected[i] = false;
      }
      for (int i = 0; i < k; i++) {
        int j = randbelow(n);
        while (selected[j]) {
          j = randbelow(n);
        }
        selected[j] = true;
        out[i] = j;
      }
    }
  }

  /** @return {@code random.gauss(mu, sigma)} (Box-Muller, caching the second value as CPython does) */
  double gauss(double mu, double sigma) {
    double z = gaussNext;
    gaussNext = Double.NaN;
    if (Double.isNaN(z)) {
      double x2pi = random() * TWO_PI;
      double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - random()));
      z = Math.cos(x2pi) * g2rad;
      gaussNext = Math.sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }
}
