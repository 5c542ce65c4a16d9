package dev.mlsys.monitor.stats;

import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-squared test of homogeneity on the 2 x K contingency table of category counts,
 * without Yates' continuity correction: {@code scipy.stats.chi2_contingency(table,
 * correction=False)}.
 *
 * <p>Categories are the union of both sides; a category seen on one side only counts as zero on
 * the other, and a category with zero count on both sides is dropped (it carries no information
 * and would make an expected frequency zero). With a single category the table has no degrees of
 * freedom: statistic 0, p-value 1, as scipy reports. Assumptions: independent observations;
 * expected counts of at least about 5 per cell for the chi-squared approximation to hold.
 * Default threshold used by the monitor: p &lt; 0.05. Negative counts, null categories and sides
 * whose counts sum to zero are rejected with an {@link IllegalArgumentException}.
 *
 * <p>Thread-safety: stateless.
 */
final class ChiSquared implements CategoricalDriftTest {

  @Override
  public String name() {
    return "chi2";
  }

  @Override
  public boolean hasPValue() {
    return true;
  }

  @Override
  public TestResult test(Map<String, Long> reference, Map<String, Long> current) {
    long r0 = Samples.total(reference, "reference");
    long r1 = Samples.total(current, "current");
    TreeSet<String> categories = new TreeSet<>(reference.keySet());
    categories.addAll(current.keySet());
    double n = (double) r0 + r1;
    double stat = 0;
    int k = 0;
    for (String c : categories) {
      long a = Samples.count(reference, c, "reference");
      long b = Samples.count(current, c, "current");
      long col = a + b;
      if (col == 0) {
        continue;
      }
      k++;
      double e0 = (double) r0 * col / n;
      double e1 = (double) r1 * col / n;
      stat += (a - e0) * (a - e0) / e0 + (b - e1) * (b - e1) / e1;
    }
    int dof = k - 1;
    if (dof == 0) {
      return new TestResult(name(), 0.0, 1.0);
    }
    double p = ChiSquaredDistribution.of(dof).survivalProbability(stat);
    return new TestResult(name(), stat, p);
  }
}
