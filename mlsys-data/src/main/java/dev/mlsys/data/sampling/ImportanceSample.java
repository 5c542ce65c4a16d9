package dev.mlsys.data.sampling;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The draws of an {@link ImportanceSampler}, each with its importance weight, and the estimators
 * that use them. There is deliberately no way to get the items without their weights: an
 * unweighted average of an importance sample estimates the proposal's mean, not the target's.
 *
 * <p>With target p and proposal q normalised over the items seen, and n draws x_1..x_n from q
 * (with replacement), w_i = p(x_i) / q(x_i):
 * <ul>
 *   <li>{@link #mean}: (1/n) sum w_i f(x_i), unbiased for the target mean sum_x p(x) f(x);
 *   <li>{@link #standardError}: the standard error of that estimate, from the sample;
 *   <li>{@link #selfNormalizedMean}: sum w_i f(x_i) / sum w_i, consistent, with a bias of order
 *       1/n, and free of the normalising constants;
 *   <li>{@link #effectiveSampleSize}: (sum w_i)^2 / sum w_i^2, how many plain draws the sample is
 *       worth (Kish).
 * </ul>
 *
 * <p>Thread-safety: immutable and thread-safe.
 *
 * @param <T> the item type
 */
public final class ImportanceSample<T> {
  private final List<Weighted<T>> draws;
  private final long populationSize;

  ImportanceSample(List<Weighted<T>> draws, long populationSize) {
    this.draws = List.copyOf(draws);
    this.populationSize = populationSize;
  }

  /** @return the draws in draw order, each with its weights; unmodifiable */
  public List<Weighted<T>> draws() {
    return draws;
  }

  /** @return the number of draws n (0 if no item of positive proposal weight was seen) */
  public int size() {
    return draws.size();
  }

  /** @return the number of items the draws were made from */
  public long populationSize() {
    return populationSize;
  }

  /**
   * @param f the quantity to average
   * @return the unbiased importance-sampling estimate of the target mean of f; NaN if empty
   */
  public double mean(ToDoubleFunction<? super T> f) {
    Objects.requireNonNull(f, "f");
    double sum = 0;
    for (Weighted<T> d : draws) {
      sum += d.weight() * f.applyAsDouble(d.item());
    }
    return draws.isEmpty() ? Double.NaN : sum / draws.size();
  }

  /**
   * @param f the quantity to average
   * @return the estimated standard error of {@link #mean}: the sample standard deviation of
   *     w_i f(x_i) over sqrt(n); NaN with fewer than two draws
   */
  public double standardError(ToDoubleFunction<? super T> f) {
    int n = draws.size();
    if (n < 2) {
      return Double.NaN;
    }
    double mean = mean(f);
    double ss = 0;
    for (Weighted<T> d : draws) {
      double x = d.weight() * f.applyAsDouble(d.item()) - mean;
      ss += x * x;
    }
    return Math.sqrt(ss / (n - 1) / n);
  }

  /**
   * @param f the quantity to average
   * @return the self-normalised estimate sum w_i f(x_i) / sum w_i; NaN if empty
   */
  public double selfNormalizedMean(ToDoubleFunction<? super T> f) {
    Objects.requireNonNull(f, "f");
    if (draws.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (Weighted<T> d : draws) {
      sum += d.normalizedWeight() * f.applyAsDouble(d.item());
    }
    return sum;
  }

  /** @return Kish's effective sample size (sum w)^2 / sum w^2; 0 if empty */
  public double effectiveSampleSize() {
    double s = 0;
    double s2 = 0;
    for (Weighted<T> d : draws) {
      s += d.weight();
      s2 += d.weight() * d.weight();
    }
    return s2 == 0 ? 0 : s * s / s2;
  }

  @Override
  public String toString() {
    return "ImportanceSample[draws=" + draws.size() + ", populationSize=" + populationSize
        + ", effectiveSampleSize=" + effectiveSampleSize() + "]";
  }
}
