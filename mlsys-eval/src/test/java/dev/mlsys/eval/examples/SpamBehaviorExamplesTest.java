package dev.mlsys.eval.examples;

import static dev.mlsys.eval.junit.ModelAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTestResult;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.behavior.SuiteResult;
import dev.mlsys.eval.junit.BehavioralDynamicTests;
import dev.mlsys.eval.testing.Datasets;
import dev.mlsys.eval.testing.SpamModels;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Behavioral suites for spam filters on spam.csv (word and character frequencies) and on
 * hand-written messages (text), catching two deliberately broken models: one that reads "free"
 * from the "hp" column and back, one that matches words case-sensitively.
 */
class SpamBehaviorExamplesTest {
  private static final List<Row> ROWS = ExampleData.spamRows();
  private static final List<Row> MESSAGES = ExampleData.messages();

  static BehavioralSuite frequencySuite() {
    return BehavioralSuite.named("spam.csv frequencies")
        .add(BehavioralTests.minimumFunctionality("obvious spam and ham")
            .expect("spam", List.of(blank().with("free", 3.0).with("money", 2.0).with("charDollar", 1.0),
                blank().with("remove", 2.0).with("your", 3.0).with("num000", 1.5).with("charExclamation", 2.0)))
            .expect("nonspam", List.of(blank().with("hp", 3.0).with("hpl", 2.0).with("meeting", 1.0),
                blank().with("george", 2.0).with("re", 2.0).with("edu", 1.0))))
        .add(BehavioralTests.directional("more 'free' never lowers P(spam)", Perturbations.shift("free", 1.0))
            .expectIncrease("spam").on(ROWS))
        .add(BehavioralTests.directional("more 'hp' never raises P(spam)", Perturbations.shift("hp", 1.0))
            .expectDecrease("spam").on(ROWS))
        .add(BehavioralTests.invariance("measurement noise on 'your'", Perturbations.gaussianNoise("your", 0.05))
            .withinProbability(0.05).samplesPerRow(2).seed(11).on(ROWS));
  }

  static BehavioralSuite textSuite() {
    return BehavioralSuite.named("spam messages")
        .add(BehavioralTests.minimumFunctionality("hand-labelled messages").expectRowLabels(MESSAGES))
        .add(BehavioralTests.invariance("upper case", Perturbations.uppercase("message")).on(MESSAGES))
        .add(BehavioralTests.invariance("final punctuation", Perturbations.punctuation("message")).on(MESSAGES))
        .add(BehavioralTests.invariance("contractions", Perturbations.contractions("message")).on(MESSAGES))
        .add(BehavioralTests.invariance("one typo", Perturbations.typo("message")).samplesPerRow(5).seed(3)
            .on(MESSAGES));
  }

  private static Row blank() {
    Schema schema = Datasets.spam().get(0).schema();
    Object[] zeros = new Object[schema.fields().size()];
    java.util.Arrays.fill(zeros, 0.0);
    return schema.rowOf(zeros);
  }

  @Test
  void theTrainedModelPassesTheFrequencySuite() {
    SuiteResult r = frequencySuite().run(SpamModels.good());
    assertTrue(r.passed(), r.report());
    assertTrue(SpamModels.weight("free") > 0 && SpamModels.weight("hp") < 0, "the trained signs the suite relies on");
  }

  @Test
  void theColumnMixUpIsCaughtByBothDirectionalTests() {
    SuiteResult r = frequencySuite().run(SpamModels.broken());
    assertFalse(r.passed());
    BehavioralTestResult free = r.result("more 'free' never lowers P(spam)");
    assertFalse(free.passed());
    // every non-saturated row moves the wrong way: the Wilson lower bound is above 95 %
    assertTrue(free.failureRateInterval().lower() > 0.95, free.report());
    assertEquals(5, free.worst().size());
    assertTrue(free.report().contains("changed: free: 0.0 -> 1.0"), free.report());
    assertFalse(r.result("more 'hp' never raises P(spam)").passed());
    assertTrue(r.result("measurement noise on 'your'").passed(), "the bug does not touch 'your'");
  }

  @Test
  void theTextModelPassesAndTheCaseSensitiveOneFailsUpperCase() {
    SuiteResult good = textSuite().run(SpamModels.text(true));
    assertTrue(good.passed(), good.report());
    SuiteResult broken = textSuite().run(SpamModels.text(false));
    BehavioralTestResult upper = broken.result("upper case");
    assertFalse(upper.passed(), upper.report());
    assertTrue(upper.report().contains("THE MEETING WITH GEORGE"), upper.report());
    assertTrue(broken.result("final punctuation").passed());
  }

  @Test
  void fluentAssertionsPassForTheModelAndShowTheWorstCasesAndSeedForTheBug() {
    assertThat(SpamModels.good()).increases("spam").when(Perturbations.shift("charDollar", 0.5)).on(ROWS);
    assertThat(SpamModels.text(true)).isInvariantTo(Perturbations.uppercase("message")).on(MESSAGES);
    assertThat(SpamModels.text(true)).predictsRowLabels().on(MESSAGES);
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> assertThat(SpamModels.broken()).increases("spam").when(Perturbations.shift("free", 1.0)).seed(99).on(ROWS));
    String message = e.getMessage();
    assertTrue(message.contains("reproduce with seed 99"), message);
    assertTrue(message.contains("worst failing cases:"), message);
    assertTrue(message.contains("95 % Wilson interval"), message);
    assertTrue(message.contains("P(spam) 0."), message);
  }

  @TestFactory
  Stream<DynamicNode> textSuiteAsDynamicTests() {
    return BehavioralDynamicTests.of(textSuite(), SpamModels.text(true), Path.of("target", "behavior", "spam-text.json"));
  }
}
