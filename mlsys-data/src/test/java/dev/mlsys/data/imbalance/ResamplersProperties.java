package dev.mlsys.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.data.split.TrainingMatrix;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of the resamplers over generated imbalanced matrices. */
class ResamplersProperties {

  /** A matrix of 2..4 classes, each with at least 2 rows, columns 0..d-1; column 0 nominal codes. */
  record Data(double[][] x, int[] y) {
    TrainingMatrix training() {
      return TrainingMatrix.of(x, y, "generated");
    }
  }

  @Provide
  Arbitrary<Data> data() {
    return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.integers().between(1, 4),
        Arbitraries.longs()).as((classes, width, seed) -> {
          SplittableRandom r = new SplittableRandom(seed);
          int n = 0;
          int[] sizes = new int[classes];
          for (int c = 0; c < classes; c++) {
            sizes[c] = 2 + r.nextInt(c == 0 ? 60 : 15);
            n += sizes[c];
          }
          double[][] x = new double[n][width + 1];
          int[] y = new int[n];
          int i = 0;
          for (int c = 0; c < classes; c++) {
            for (int t = 0; t < sizes[c]; t++, i++) {
              y[i] = c * 10; // labels need not be 0..k-1
              x[i][0] = r.nextInt(3);
              for (int j = 1; j <= width; j++) {
                // a few repeated values make ties and duplicates
                x[i][j] = r.nextInt(4) == 0 ? c : c + r.nextGaussian();
              }
            }
          }
          return new Data(x, y);
        });
  }

  private static Map<Integer, Integer> counts(int[] y) {
    Map<Integer, Integer> m = new HashMap<>();
    for (int v : y) {
      m.merge(v, 1, Integer::sum);
    }
    return m;
  }

  @Property(tries = 200)
  void randomOverSamplingAddsOnlyCopiesAndBalances(@ForAll("data") Data d, @ForAll long seed) {
    TrainingMatrix out = Resamplers.randomOver().seed(seed).resample(d.training());
    int max = counts(d.y()).values().stream().max(Integer::compare).orElseThrow();
    counts(out.labels()).values().forEach(c -> assertEquals(max, c));
    Set<String> originals = new HashSet<>();
    for (int i = 0; i < d.y().length; i++) {
      assertArrayEquals(d.x()[i], out.row(i), "originals first, in order");
      originals.add(Arrays.toString(d.x()[i]) + "/" + d.y()[i]);
    }
    for (int i = d.y().length; i < out.size(); i++) {
      assertTrue(originals.contains(Arrays.toString(out.row(i)) + "/" + out.label(i)));
    }
  }

  @Property(tries = 200)
  void randomUnderSamplingKeepsAnOrderedSubsetAndBalances(@ForAll("data") Data d, @ForAll long seed) {
    TrainingMatrix out = Resamplers.randomUnder().seed(seed).resample(d.training());
    int min = counts(d.y()).values().stream().min(Integer::compare).orElseThrow();
    counts(out.labels()).values().forEach(c -> assertEquals(min, c));
    int j = 0;
    for (int i = 0; i < out.size(); i++) {
      while (!(Arrays.equals(d.x()[j], out.row(i)) && d.y()[j] == out.label(i))) {
        j++; // throws past the end if out is not a subsequence of the input
      }
      j++;
    }
  }

  @Property(tries = 200)
  void smoteCountsAreExactAndEverySyntheticRowLiesOnASegmentToANeighbour(@ForAll("data") Data d,
      @ForAll @IntRange(min = 1, max = 6) int k, @ForAll long seed) {
    TrainingMatrix out = Resamplers.smote().k(k).seed(seed).resample(d.training());
    int max = counts(d.y()).values().stream().max(Integer::compare).orElseThrow();
    counts(out.labels()).values().forEach(c -> assertEquals(max, c));
    Map<Integer, int[]> members = new HashMap<>();
    Map<Integer, int[][]> nn = new HashMap<>();
    for (int c : counts(d.y()).keySet()) {
      int[] m = IntStream.range(0, d.y().length).filter(i -> d.y()[i] == c).toArray();
      members.put(c, m);
      nn.put(c, Neighbors.kNearest(d.x(), m, Math.min(k, m.length - 1), null, 0));
    }
    for (int i = d.y().length; i < out.size(); i++) {
      int c = out.label(i);
      assertTrue(ResamplersTest.onSomeSegment(out.row(i), d.x(), members.get(c), nn.get(c)), "row " + i);
    }
    assertEquals(out, Resamplers.smote().k(k).seed(seed).resample(d.training()), "seeded");
  }

  @Property(tries = 200)
  void smoteNcTakesNominalValuesFromTheNeighboursAndInterpolatesTheRest(@ForAll("data") Data d,
      @ForAll @IntRange(min = 1, max = 6) int k, @ForAll long seed) {
    TrainingMatrix out = Resamplers.smoteNc().categoricalColumns(0).k(k).seed(seed).resample(d.training());
    int max = counts(d.y()).values().stream().max(Integer::compare).orElseThrow();
    counts(out.labels()).values().forEach(c -> assertEquals(max, c));
    for (int i = d.y().length; i < out.size(); i++) {
      int c = out.label(i);
      double[] v = out.row(i);
      Set<Double> codes = new HashSet<>();
      double[] lo = new double[v.length];
      double[] hi = new double[v.length];
      Arrays.fill(lo, Double.POSITIVE_INFINITY);
      Arrays.fill(hi, Double.NEGATIVE_INFINITY);
      for (int a = 0; a < d.y().length; a++) {
        if (d.y()[a] == c) {
          codes.add(d.x()[a][0]);
          for (int j = 1; j < v.length; j++) {
            lo[j] = Math.min(lo[j], d.x()[a][j]);
            hi[j] = Math.max(hi[j], d.x()[a][j]);
          }
        }
      }
      assertTrue(codes.contains(v[0]), "nominal value seen in the class");
      for (int j = 1; j < v.length; j++) {
        assertTrue(v[j] >= lo[j] && v[j] <= hi[j], "within the class's range");
      }
    }
  }

  @Property(tries = 200)
  void tomekLinksRemoveExactlyTheLinkedRowsOutsideTheSmallestClass(@ForAll("data") Data d) {
    double[][] x = d.x();
    int n = x.length;
    // an independent definition: mutual nearest neighbours (ties to the lower index) of different classes
    int[] nn = new int[n];
    for (int a = 0; a < n; a++) {
      double best = Double.POSITIVE_INFINITY;
      for (int b = 0; b < n; b++) {
        if (b != a) {
          double s = 0;
          for (int j = 0; j < x[a].length; j++) {
            s += (x[a][j] - x[b][j]) * (x[a][j] - x[b][j]);
          }
          if (s < best) {
            best = s;
            nn[a] = b;
          }
        }
      }
    }
    Map<Integer, Integer> counts = counts(d.y());
    int minorityCount = counts.values().stream().min(Integer::compare).orElseThrow();
    int minority = counts.keySet().stream().sorted().filter(c -> counts.get(c) == minorityCount).findFirst()
        .orElseThrow();
    List<Integer> expected = IntStream.range(0, n).filter(a -> !(d.y()[nn[a]] != d.y()[a] && nn[nn[a]] == a
        && d.y()[a] != minority)).boxed().toList();
    TrainingMatrix out = Resamplers.tomekLinks().resample(d.training());
    assertEquals(expected.size(), out.size());
    for (int i = 0; i < out.size(); i++) {
      assertArrayEquals(x[expected.get(i)], out.row(i));
    }
  }

  @Property
  void balancedWeightsGiveEveryClassTheSameTotalWeight(@ForAll("data") Data d) {
    Map<Integer, Double> w = ClassWeights.balanced(d.y());
    Map<Integer, Integer> counts = counts(d.y());
    double n = d.y().length;
    for (var e : counts.entrySet()) {
      // n / (k * count) * count = n / k, up to one rounding of each operation
      assertEquals(n / counts.size(), w.get(e.getKey()) * e.getValue(), 1e-12 * n);
    }
    double[] sample = ClassWeights.balancedSampleWeights(d.y());
    assertEquals(n, Arrays.stream(sample).sum(), 1e-9 * n);
  }
}
