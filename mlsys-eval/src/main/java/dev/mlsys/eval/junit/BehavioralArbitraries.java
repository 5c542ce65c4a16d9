package dev.mlsys.eval.junit;

import dev.mlsys.api.Row;
import dev.mlsys.eval.behavior.Perturbation;
import dev.mlsys.eval.behavior.PerturbedCase;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik {@link Arbitrary arbitraries} for behavioral properties: "for all rows and all typos, the
 * label does not change".
 *
 * <pre>{@code
 * @Provide
 * Arbitrary<PerturbedCase> typos() {
 *   return BehavioralArbitraries.perturbed(MESSAGES, Perturbations.typo("message"));
 * }
 *
 * @Property
 * void typosKeepTheLabel(@ForAll("typos") PerturbedCase c) {
 *   assertEquals(model.predict(c.original()).label(), model.predict(c.perturbed()).label());
 * }
 * }</pre>
 *
 * <p>A case's perturbation is seeded from a jqwik-generated long, so jqwik's own seed reproduces
 * a failure and shrinking moves towards the first row and seed 0. Needs jqwik-api on the class
 * path (an optional dependency of mlsys-eval).
 */
public final class BehavioralArbitraries {
  private BehavioralArbitraries() {}

  /**
   * @param rows the rows to draw from, not empty
   * @return one of the rows
   */
  public static Arbitrary<Row> rows(List<Row> rows) {
    return Arbitraries.of(nonEmpty(rows));
  }

  /**
   * @param perturbations the perturbations to draw from, at least one
   * @return one of them
   */
  public static Arbitrary<Perturbation> perturbations(Perturbation... perturbations) {
    if (perturbations.length == 0) {
      throw new IllegalArgumentException("perturbations must not be empty");
    }
    return Arbitraries.of(perturbations);
  }

  /**
   * @param row a row
   * @param perturbation a perturbation
   * @return the row perturbed with a generated seed
   */
  public static Arbitrary<Row> perturbed(Row row, Perturbation perturbation) {
    Objects.requireNonNull(row, "row");
    Objects.requireNonNull(perturbation, "perturbation");
    return Arbitraries.longs().map(seed -> perturbation.apply(row, new SplittableRandom(seed)));
  }

  /**
   * @param rows the rows to draw from, not empty
   * @param perturbation a perturbation
   * @return a row with its perturbed copy and the seed that made it (the case's {@code row} is the
   *     row's index in the list, its {@code sample} 0)
   */
  public static Arbitrary<PerturbedCase> perturbed(List<Row> rows, Perturbation perturbation) {
    List<Row> copy = nonEmpty(rows);
    Objects.requireNonNull(perturbation, "perturbation");
    return Combinators.combine(Arbitraries.integers().between(0, copy.size() - 1), Arbitraries.longs())
        .as((i, seed) -> new PerturbedCase(i, 0, seed, copy.get(i),
            perturbation.apply(copy.get(i), new SplittableRandom(seed))));
  }

  /**
   * @param rows the rows to draw from, not empty
   * @param perturbations the perturbations to draw from, at least one
   * @return a row perturbed by one of the perturbations
   */
  public static Arbitrary<PerturbedCase> perturbed(List<Row> rows, List<Perturbation> perturbations) {
    List<Row> copy = nonEmpty(rows);
    if (perturbations.isEmpty()) {
      throw new IllegalArgumentException("perturbations must not be empty");
    }
    List<Perturbation> ps = List.copyOf(perturbations);
    return Combinators.combine(Arbitraries.integers().between(0, copy.size() - 1), Arbitraries.of(ps),
        Arbitraries.longs()).as((i, p, seed) -> new PerturbedCase(i, 0, seed, copy.get(i),
            p.apply(copy.get(i), new SplittableRandom(seed))));
  }

  private static List<Row> nonEmpty(List<Row> rows) {
    Objects.requireNonNull(rows, "rows");
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("rows must not be empty");
    }
    return List.copyOf(rows);
  }
}
