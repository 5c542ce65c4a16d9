package dev.mlsys.data.labeling;

import java.util.List;
import java.util.Objects;

/**
 * How one labeling function behaves on a set of items (the statistics of Snorkel's
 * {@code LFAnalysis}). Fractions are over all items.
 *
 * @param name the function's name
 * @param polarity the classes it voted for, ascending
 * @param coverage the fraction of items it voted on
 * @param overlap the fraction of items it voted on that another function also voted on
 * @param conflict the fraction of items it voted on where another function voted another class
 * @param correct the number of its votes equal to the gold label (0 without gold labels)
 * @param incorrect the number of its votes that differ from the gold label (0 without gold)
 */
public record LabelingFunctionStats(String name, List<Integer> polarity, double coverage, double overlap,
    double conflict, int correct, int incorrect) {

  /** Copies the polarity and checks for nulls. */
  public LabelingFunctionStats {
    Objects.requireNonNull(name, "name");
    polarity = List.copyOf(polarity);
  }

  /** @return correct over voted-on items with a gold label, NaN if there were none */
  public double empiricalAccuracy() {
    int n = correct + incorrect;
    return n == 0 ? Double.NaN : (double) correct / n;
  }
}
