package dev.mlsys.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Adjusted p-values worked by hand (as statsmodels' multipletests gives them). */
class CorrectionTest {
  private static final double[] P = {0.01, 0.04, 0.03, 0.005};

  @Test
  void bonferroniMultipliesByTheNumberOfTests() {
    assertArrayEquals(new double[] {0.04, 0.16, 0.12, 0.02}, Correction.BONFERRONI.adjust(P), 1e-15);
    assertArrayEquals(new double[] {1.0}, Correction.BONFERRONI.adjust(new double[] {1.0}), 0);
  }

  @Test
  void holmStepsDownAndStaysMonotone() {
    // sorted 0.005*4 = 0.02, 0.01*3 = 0.03, 0.03*2 = 0.06, 0.04*1 = 0.04 -> max so far 0.06
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Correction.HOLM.adjust(P), 1e-15);
  }

  @Test
  void benjaminiHochbergStepsUp() {
    // sorted 0.005*4/1 = 0.02, 0.01*4/2 = 0.02, 0.03*4/3 = 0.04, 0.04*4/4 = 0.04
    assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, Correction.BENJAMINI_HOCHBERG.adjust(P), 1e-15);
    assertArrayEquals(new double[] {0.9, 0.9}, Correction.BENJAMINI_HOCHBERG.adjust(new double[] {0.9, 0.5}), 1e-15);
  }

  @Test
  void noneKeepsTheRawValues() {
    assertArrayEquals(P, Correction.NONE.adjust(P), 0);
    assertArrayEquals(new double[0], Correction.HOLM.adjust(new double[0]), 0);
  }

  @Test
  void rejectsInvalidPValues() {
    assertThrows(IllegalArgumentException.class, () -> Correction.HOLM.adjust(new double[] {0.1, Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> Correction.BONFERRONI.adjust(new double[] {1.5}));
  }
}
