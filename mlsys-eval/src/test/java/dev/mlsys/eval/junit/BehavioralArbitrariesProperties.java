package dev.mlsys.eval.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.eval.behavior.Perturbation;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.behavior.PerturbedCase;
import dev.mlsys.eval.testing.Golden;
import dev.mlsys.eval.testing.SpamModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** "For all messages and all case, punctuation and contraction changes, the label does not change." */
class BehavioralArbitrariesProperties {
  private static final Schema MESSAGE = Schema.builder().text("message").label("type", "nonspam", "spam").build();
  private static final List<Row> MESSAGES = messages();
  private static final Predictor MODEL = SpamModels.text(true);

  private static List<Row> messages() {
    List<Row> out = new ArrayList<>();
    for (String line : Golden.resource("/behavior/messages.tsv").split("\n")) {
      String[] parts = line.split("\t", 2);
      out.add(MESSAGE.rowOf(parts[1], parts[0].equals("spam") ? "spam" : "nonspam"));
    }
    return out;
  }

  @Provide
  Arbitrary<PerturbedCase> harmless() {
    List<Perturbation> ps = List.of(Perturbations.uppercase("message"), Perturbations.lowercase("message"),
        Perturbations.punctuation("message"), Perturbations.contractions("message"));
    return BehavioralArbitraries.perturbed(MESSAGES, ps);
  }

  // a fixed seed: the property runs a real model, so its cases are pinned like any example test
  @Property(tries = 300, seed = "20240601")
  void theTextModelKeepsItsLabel(@ForAll("harmless") PerturbedCase c) {
    assertEquals(MODEL.predict(c.original()).label(), MODEL.predict(c.perturbed()).label(),
        () -> c.original() + " -> " + c.perturbed());
  }

  @Provide
  Arbitrary<PerturbedCase> typos() {
    return BehavioralArbitraries.perturbed(MESSAGES, Perturbations.typo("message"));
  }

  @Property(tries = 200)
  void everyGeneratedCaseIsReproducibleFromItsSeed(@ForAll("typos") PerturbedCase c) {
    Row again = Perturbations.typo("message").apply(c.original(), new SplittableRandom(c.seed()));
    assertEquals(c.perturbed(), again);
    assertEquals(MESSAGES.get(c.row()), c.original());
    assertTrue(c.changed(), "every message has two different adjacent letters");
  }

  @Provide
  Arbitrary<Row> shouted() {
    return BehavioralArbitraries.perturbed(MESSAGES.get(0), Perturbations.uppercase("message"));
  }

  @Property(tries = 20)
  void aSingleRowArbitraryPerturbsThatRow(@ForAll("shouted") Row r) {
    assertEquals(r.getString("message").toUpperCase(java.util.Locale.ROOT), r.getString("message"));
  }
}
