package dev.mlsys.data.sampling;

import static dev.mlsys.data.sampling.ByteFormat.check;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which random streams a sampler's keys came from, so that merge can refuse samplers whose keys
 * are not independent (the classic mistake: every partition built with the same seed).
 *
 * <p>{@code stream} is the start state of the sampler's own generator; it counts as used once the
 * generator has moved. {@code merged} holds the streams of everything merged in. A merged sampler
 * draws from the stream {@code a.stream ^ b.stream}: XOR is commutative and associative, so the
 * result of merging does not depend on the order or the tree of merges.
 *
 * <p>Immutable.
 */
final class Lineage {
  private static final long[] NONE = new long[0];

  final long stream;
  private final long[] merged;

  Lineage(long stream, long[] merged) {
    this.stream = stream;
    this.merged = merged;
  }

  static Lineage of(long seed, long partition) {
    return new Lineage(SplitMix64.streamStart(seed, partition), NONE);
  }

  /** @return the sorted streams whose draws are in the sampler, given its generator now */
  long[] used(SplitMix64 rng) {
    if (rng.state() == stream) {
      return merged;
    }
    return union(merged, new long[] {stream});
  }

  /**
   * @throws IllegalArgumentException if the two samplers drew from a common stream
   */
  static Lineage merge(Lineage a, SplitMix64 rngA, Lineage b, SplitMix64 rngB) {
    long[] ua = a.used(rngA);
    long[] ub = b.used(rngB);
    long[] all = union(ua, ub);
    if (all.length != ua.length + ub.length) {
      throw sharedStreams(ua.length + ub.length - all.length);
    }
    return new Lineage(a.stream ^ b.stream, all);
  }

  /**
   * The lineage of many samplers merged at once, in O(m log m) for m streams; equal to folding
   * {@link #merge}.
   *
   * @throws IllegalArgumentException if two of them drew from a common stream
   */
  static Lineage mergeAll(List<Lineage> lineages, List<SplitMix64> generators) {
    long stream = 0;
    int total = 0;
    long[][] used = new long[lineages.size()][];
    for (int i = 0; i < used.length; i++) {
      used[i] = lineages.get(i).used(generators.get(i));
      total += used[i].length;
      stream ^= lineages.get(i).stream;
    }
    long[] all = new long[total];
    int n = 0;
    for (long[] u : used) {
      System.arraycopy(u, 0, all, n, u.length);
      n += u.length;
    }
    Arrays.sort(all);
    int shared = 0;
    for (int i = 1; i < all.length; i++) {
      if (all[i] == all[i - 1]) {
        shared++;
      }
    }
    if (shared > 0) {
      throw sharedStreams(shared);
    }
    // a copy of one sampler must not draw again from the stream its keys came from
    return new Lineage(lineages.size() == 1 ? SplitMix64.mix64(stream ^ 0x5851f42d4c957f2dL) : stream, all);
  }

  private static IllegalArgumentException sharedStreams(int shared) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "cannot merge samplers that drew from the same random stream (%d of their streams are"
            + " shared): their samples are not independent; build the sampler of each partition"
            + " with its own .partition(index) (or its own seed), and merge each partition once",
        shared));
  }

  /** Writes the stream, then the count and the merged streams: the part of every sampler's bytes that is its lineage. */
  void write(DataOutput out) throws IOException {
    out.writeLong(stream);
    out.writeInt(merged.length);
    for (long m : merged) {
      out.writeLong(m);
    }
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws dev.mlsys.api.CorruptArtifactException naming {@code format} if the merged streams
   *     are not a strictly increasing list
   */
  static Lineage read(DataInput in, String format) throws IOException {
    long stream = in.readLong();
    int n = in.readInt();
    check(n >= 0, format, "merged stream count must be >= 0 but was: " + n);
    long[] merged = new long[n];
    for (int i = 0; i < n; i++) {
      merged[i] = in.readLong();
    }
    check(sortedDistinct(merged), format, "merged streams must be strictly increasing");
    return new Lineage(stream, merged);
  }

  static long[] union(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < a.length || j < b.length) {
      long next;
      if (j == b.length || (i < a.length && a[i] < b[j])) {
        next = a[i++];
      } else if (i == a.length || b[j] < a[i]) {
        next = b[j++];
      } else {
        next = a[i++];
        j++;
      }
      out[n++] = next;
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static boolean sortedDistinct(long[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i - 1] >= values[i]) {
        return false;
      }
    }
    return true;
  }
}
