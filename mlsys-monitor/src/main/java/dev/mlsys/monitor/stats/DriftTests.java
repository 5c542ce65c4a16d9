package dev.mlsys.monitor.stats;

/**
 * Static factories for the two-sample drift tests and distances: the entry point of this package.
 *
 * <pre>{@code
 * TestResult ks = DriftTests.kolmogorovSmirnov().test(reference, current);    // p-value as scipy.stats.ks_2samp
 * TestResult chi = DriftTests.chiSquared().test(refCounts, curCounts);        // chi2_contingency, no Yates
 * double psi = DriftTests.psi(10).test(reference, current).statistic();
 * }</pre>
 *
 * <p>Each test's Javadoc states its assumptions, the threshold the {@code DriftMonitor} uses by
 * default, and what it does with NaN and empty input (a clear {@link IllegalArgumentException},
 * never a silent NaN). Tests with a p-value agree with scipy 1.10.1 to 1e-9 relative on the
 * statistic and 1e-6 on the p-value.
 *
 * <p>Thread-safety: every test returned is immutable and safe to share, for example in a
 * {@code static final} field.
 */
public final class DriftTests {
  private DriftTests() {}

  /** @return the two-sided two-sample Kolmogorov-Smirnov test, p-value method {@link PValueMethod#AUTO} */
  public static KolmogorovSmirnov kolmogorovSmirnov() {
    return new KolmogorovSmirnov(PValueMethod.AUTO);
  }

  /**
   * @param method exact, asymptotic, or auto (exact when max(n, m) &lt;= 10,000)
   * @return the two-sided two-sample Kolmogorov-Smirnov test
   */
  public static KolmogorovSmirnov kolmogorovSmirnov(PValueMethod method) {
    return new KolmogorovSmirnov(method);
  }

  /** @return the two-sample Cramér-von Mises test, p-value exact when both samples hold &lt;= 20 values */
  public static NumericDriftTest cramerVonMises() {
    return new CramerVonMises(PValueMethod.AUTO);
  }

  /**
   * @param method exact, asymptotic, or auto (exact when both samples hold &lt;= 20 values)
   * @return the two-sample Cramér-von Mises test
   */
  public static NumericDriftTest cramerVonMises(PValueMethod method) {
    return new CramerVonMises(method);
  }

  /** @return the k-sample Anderson-Darling test (Scholz and Stephens 1987), also usable with two samples */
  public static AndersonDarling andersonDarling() {
    return new AndersonDarling();
  }

  /** @return Pearson's chi-squared test on the 2 x K table of category counts, without Yates' correction */
  public static CategoricalDriftTest chiSquared() {
    return new ChiSquared();
  }

  /** @return the first Wasserstein distance, as scipy.stats.wasserstein_distance */
  public static NumericDriftTest wasserstein() {
    return new WassersteinDistance();
  }

  /**
   * @param bins the number of bins cut at the reference quantiles, >= 2
   * @return the population stability index
   * @throws IllegalArgumentException if bins &lt; 2
   */
  public static NumericDriftTest psi(int bins) {
    return new PopulationStabilityIndex(bins);
  }

  /**
   * @param bins the number of equal-width bins over the pooled range, >= 1
   * @return the Jensen-Shannon distance (log base 2, in [0, 1]) between the binned samples
   * @throws IllegalArgumentException if bins &lt; 1
   */
  public static NumericDriftTest jensenShannon(int bins) {
    return new BinnedDistance(CategoricalDistance.Kind.JENSEN_SHANNON, bins);
  }

  /**
   * @param bins the number of equal-width bins over the pooled range, >= 1
   * @return the Hellinger distance (in [0, 1]) between the binned samples
   * @throws IllegalArgumentException if bins &lt; 1
   */
  public static NumericDriftTest hellinger(int bins) {
    return new BinnedDistance(CategoricalDistance.Kind.HELLINGER, bins);
  }

  /** @return the Jensen-Shannon distance (log base 2, in [0, 1]) between category proportions */
  public static CategoricalDriftTest jensenShannonCategorical() {
    return new CategoricalDistance(CategoricalDistance.Kind.JENSEN_SHANNON);
  }

  /** @return the Hellinger distance (in [0, 1]) between category proportions */
  public static CategoricalDriftTest hellingerCategorical() {
    return new CategoricalDistance(CategoricalDistance.Kind.HELLINGER);
  }

  /** @return the L-infinity distance max |p - q| between category proportions */
  public static CategoricalDriftTest lInfinity() {
    return new CategoricalDistance(CategoricalDistance.Kind.L_INFINITY);
  }

  /** @return the kernel MMD test with 500 permutations and seed 0 */
  public static MultivariateDriftTest mmd() {
    return new MaximumMeanDiscrepancy(500, 0L);
  }

  /**
   * @param permutations number of permutations for the p-value, >= 1
   * @param seed seed of the permutation generator
   * @return the kernel MMD test (RBF kernel, median-heuristic bandwidth)
   * @throws IllegalArgumentException if permutations &lt; 1
   */
  public static MultivariateDriftTest mmd(int permutations, long seed) {
    return new MaximumMeanDiscrepancy(permutations, seed);
  }

  /** @return the domain-classifier test with half of each sample held out and seed 0 */
  public static MultivariateDriftTest domainClassifier() {
    return new DomainClassifier(0.5, 0L);
  }

  /**
   * @param testFraction share of each sample held out to score the classifier, in (0, 1)
   * @param seed seed of the split
   * @return the domain-classifier (classifier two-sample) test: held-out ROC AUC of a logistic
   *     regression telling current from reference points, one-sided Mann-Whitney p-value
   * @throws IllegalArgumentException if testFraction is not in (0, 1)
   */
  public static MultivariateDriftTest domainClassifier(double testFraction, long seed) {
    return new DomainClassifier(testFraction, seed);
  }
}
