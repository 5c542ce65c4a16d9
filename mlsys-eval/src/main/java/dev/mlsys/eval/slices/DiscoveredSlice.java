package dev.mlsys.eval.slices;

/**
 * A slice found to underperform by {@link SliceAnalysis#discover(String...)}.
 *
 * <p>Immutable value.
 *
 * @param slice its name ("OCCUPATION=Student, HS or College" or "SEX=F &amp; AGE=18-24")
 * @param depth how many conditions define it (1 or 2)
 * @param size its number of examples
 * @param value the metric on the slice
 * @param complementValue the metric on every other example
 * @param effectSize the difference of mean per-row loss, slice minus rest, over the pooled
 *     standard deviation sqrt((var_slice + var_rest) / 2) (Slice Finder's effect size)
 * @param pValue one-sided Welch test that the slice's mean loss is higher
 * @param adjustedPValue Benjamini-Hochberg adjusted over the candidates of the same depth
 */
public record DiscoveredSlice(String slice, int depth, long size, double value, double complementValue,
    double effectSize, double pValue, double adjustedPValue) {}
