package dev.mlsys.data.features;

/**
 * MurmurHash3 x86 32-bit (Austin Appleby, MurmurHash3.cpp, {@code MurmurHash3_x86_32}) with seed
 * 0, fed incrementally with bytes and with strings encoded as UTF-8 on the fly, so hashing a
 * feature allocates nothing. Equal to Guava's {@code Hashing.murmur3_32_fixed()} over the same
 * bytes (unpaired surrogates encode as {@code '?'}, as {@link String#getBytes} does), which the
 * tests check, and to scikit-learn's {@code murmurhash3_32}.
 *
 * <p>A small mutable state meant to live in one method (where the JIT keeps it in registers);
 * not thread-safe.
 */
final class Murmur3 {
  private static final int C1 = 0xcc9e2d51;
  private static final int C2 = 0x1b873593;

  private int h1;
  private int pending;
  private int pendingBytes;
  private int length;

  void putByte(int b) {
    pending |= (b & 0xFF) << (8 * pendingBytes);
    length++;
    if (++pendingBytes == 4) {
      h1 = mixH1(h1, mixK1(pending));
      pending = 0;
      pendingBytes = 0;
    }
  }

  void putBytes(byte[] bytes) {
    for (byte b : bytes) {
      putByte(b);
    }
  }

  /** Feeds the UTF-8 encoding of {@code s}. */
  void putString(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        putByte(c);
      } else {
        i = putNonAscii(s, i, c);
      }
    }
  }

  /**
   * Encodes the non-ASCII character at {@code i}, kept out of {@link #putString} so that the ASCII
   * loop stays small enough to inline (and this state to stay off the heap).
   *
   * @return the index of the last char consumed
   */
  private int putNonAscii(String s, int i, char c) {
    if (c < 0x800) {
      putByte(0xC0 | (c >>> 6));
      putByte(0x80 | (c & 0x3F));
    } else if (!Character.isSurrogate(c)) {
      putByte(0xE0 | (c >>> 12));
      putByte(0x80 | ((c >>> 6) & 0x3F));
      putByte(0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(++i));
      putByte(0xF0 | (cp >>> 18));
      putByte(0x80 | ((cp >>> 12) & 0x3F));
      putByte(0x80 | ((cp >>> 6) & 0x3F));
      putByte(0x80 | (cp & 0x3F));
    } else {
      putByte('?'); // an unpaired surrogate, as the JDK's UTF-8 encoder writes it
    }
    return i;
  }

  int hash() {
    int h = h1;
    if (pendingBytes > 0) {
      h ^= mixK1(pending);
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
