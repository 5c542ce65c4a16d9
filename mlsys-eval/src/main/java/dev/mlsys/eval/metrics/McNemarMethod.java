package dev.mlsys.eval.metrics;

/** How the McNemar test turns the discordant counts b and c into a p-value. */
public enum McNemarMethod {
  /** Two-sided exact binomial test of min(b, c) under Binomial(b + c, 1/2); right for small counts. */
  EXACT,
  /** (b - c)^2 / (b + c) against chi-squared with one degree of freedom. */
  CHI_SQUARED,
  /** Edwards' continuity correction: (|b - c| - 1)^2 / (b + c). */
  CHI_SQUARED_CORRECTED
}
