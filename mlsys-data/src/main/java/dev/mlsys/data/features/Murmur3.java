package dev.mlsys.data.features;

/**
 * MurmurHash3 x86 32-bit (Austin Appleby, MurmurHash3.cpp, {@code MurmurHash3_x86_32}) with seed
 * 0, fed incrementally with bytes and with strings encoded as UTF-8 on the fly. Equal to Guava's
 * {@code Hashing.murmur3_32_fixed()} over the same bytes (unpaired surrogates encode as
 * {@code '?'}, as {@link String#getBytes} does), which the tests check, and so to
 * scikit-learn's {@code murmurhash3_32}.
 *
 * <p>The running state is a {@code long} passed by value (the hash so far in the high 32 bits,
 * up to three pending bytes in bits 8..31, their count in bits 0..1, and in bit 2 whether the last
 * string fed had a non-ASCII character), so hashing allocates nothing whatever the JIT decides;
 * the caller counts the bytes fed. Stateless and thread-safe.
 */
final class Murmur3 {
  /** The state before any byte. */
  static final long START = 0L;
  /** Set by {@link #putString} when the string had a non-ASCII character. */
  private static final long NON_ASCII = 4L;

  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private Murmur3() {}

  static long putByte(long state, int b) {
    int h1 = (int) (state >>> 32);
    int pending = (int) (state >>> 8) & 0xFFFFFF;
    int count = (int) state & 3;
    pending |= (b & 0xFF) << (8 * count);
    if (count == 3) {
      return (long) mixH1(h1, mixK1(pending)) << 32;
    }
    return ((long) h1 << 32) | ((long) pending << 8) | (count + 1);
  }

  static long putBytes(long state, byte[] bytes) {
    int h1 = (int) (state >>> 32);
    int pending = (int) (state >>> 8) & 0xFFFFFF;
    int count = (int) state & 3;
    for (byte b : bytes) {
      pending |= (b & 0xFF) << (8 * count);
      if (++count == 4) {
        h1 = mixH1(h1, mixK1(pending));
        pending = 0;
        count = 0;
      }
    }
    return ((long) h1 << 32) | ((long) pending << 8) | count;
  }

  /**
   * Feeds the UTF-8 encoding of {@code s}: {@code s.length()} bytes unless
   * {@link #hadNonAscii(long)}, else {@link #utf8Length(String)}.
   */
  static long putString(long state, String s) {
    int h1 = (int) (state >>> 32);
    int pending = (int) (state >>> 8) & 0xFFFFFF;
    int count = (int) state & 3;
    long flag = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      if (count == 0 && i + 4 <= n) {
        // a whole block of four ASCII characters at once
        char c0 = s.charAt(i);
        char c1 = s.charAt(i + 1);
        char c2 = s.charAt(i + 2);
        char c3 = s.charAt(i + 3);
        if ((c0 | c1 | c2 | c3) < 0x80) {
          h1 = mixH1(h1, mixK1(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)));
          i += 3;
          continue;
        }
      }
      char c = s.charAt(i);
      if (c >= 0x80) {
        // rare: hand the state to the general path for this character
        flag = NON_ASCII;
        state = putNonAscii(((long) h1 << 32) | ((long) pending << 8) | count, s, i);
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        }
        h1 = (int) (state >>> 32);
        pending = (int) (state >>> 8) & 0xFFFFFF;
        count = (int) state & 3;
        continue;
      }
      pending |= c << (8 * count);
      if (++count == 4) {
        h1 = mixH1(h1, mixK1(pending));
        pending = 0;
        count = 0;
      }
    }
    return ((long) h1 << 32) | ((long) pending << 8) | count | flag;
  }

  /** @return whether the last {@link #putString} call met a non-ASCII character */
  static boolean hadNonAscii(long state) {
    return (state & NON_ASCII) != 0;
  }

  /** Feeds the UTF-8 bytes of the non-ASCII character (or surrogate pair) at {@code i}. */
  private static long putNonAscii(long state, String s, int i) {
    char c = s.charAt(i);
    if (c < 0x800) {
      return putByte(putByte(state, 0xC0 | (c >>> 6)), 0x80 | (c & 0x3F));
    }
    if (!Character.isSurrogate(c)) {
      return putByte(putByte(putByte(state, 0xE0 | (c >>> 12)), 0x80 | ((c >>> 6) & 0x3F)), 0x80 | (c & 0x3F));
    }
    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      state = putByte(putByte(state, 0xF0 | (cp >>> 18)), 0x80 | ((cp >>> 12) & 0x3F));
      return putByte(putByte(state, 0x80 | ((cp >>> 6) & 0x3F)), 0x80 | (cp & 0x3F));
    }
    return putByte(state, '?'); // an unpaired surrogate, as the JDK's UTF-8 encoder writes it
  }

  /** @return the number of bytes {@link #putString(long, String)} feeds for {@code s} */
  static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2; // four bytes for two chars
          i++;
        } else if (!Character.isSurrogate(c)) {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  /**
   * @param state the state after the last byte
   * @param length the number of bytes fed
   * @return the 32-bit hash
   */
  static int hash(long state, int length) {
    int h = (int) (state >>> 32);
    if ((state & 3) != 0) {
      h ^= mixK1((int) (state >>> 8) & 0xFFFFFF);
    }
    h ^= length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }

  private static int mixK1(int k1) {
    k1 *= C1;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * C2;
  }

  private static int mixH1(int h1, int k1) {
    h1 ^= k1;
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }
}
