package dev.mlsys.eval.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.api.json.JsonObject;
import dev.mlsys.eval.behavior.BehavioralSuite;
import dev.mlsys.eval.behavior.BehavioralTests;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.behavior.SuiteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class BehavioralDynamicTestsTest {
  private static final Schema SCHEMA = Schema.builder().numeric("x").label("y", "neg", "pos").build();
  private static final List<Row> ROWS = List.of(SCHEMA.rowOf(-2.0), SCHEMA.rowOf(-0.5), SCHEMA.rowOf(0.5), SCHEMA.rowOf(2.0));
  private static final Predictor SIGN = row -> row.getDouble("x") >= 0
      ? Prediction.of("pos", Map.of("neg", 0.2, "pos", 0.8)) : Prediction.of("neg", Map.of("neg", 0.8, "pos", 0.2));
  private static final BehavioralSuite SUITE = BehavioralSuite.named("sign model")
      .add(BehavioralTests.invariance("small noise", Perturbations.shift("x", 0.1)).on(ROWS))
      .add(BehavioralTests.invariance("large shift", Perturbations.shift("x", 1.0)).on(ROWS));

  private static List<DynamicTest> flatten(List<? extends DynamicNode> nodes) {
    List<DynamicTest> out = new ArrayList<>();
    for (DynamicNode n : nodes) {
      if (n instanceof DynamicContainer c) {
        out.addAll(flatten(c.getChildren().toList()));
      } else {
        out.add((DynamicTest) n);
      }
    }
    return out;
  }

  @Test
  void oneDynamicTestPerBehavioralTestFailingWithItsReportAndTheJsonWrittenAtTheEnd(@TempDir Path dir) throws Throwable {
    Path report = dir.resolve("nested").resolve("sign.json");
    List<DynamicNode> nodes = BehavioralDynamicTests.of(SUITE, SIGN, report).toList();
    assertEquals(1, nodes.size());
    assertEquals("sign model", nodes.get(0).getDisplayName());
    List<DynamicTest> tests = flatten(nodes);
    assertEquals(List.of("small noise", "large shift"), tests.stream().map(DynamicNode::getDisplayName).toList());
    tests.get(0).getExecutable().execute();
    assertFalse(Files.exists(report), "written only when every test has run");
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
    assertTrue(e.getMessage().startsWith("invariance test 'large shift' failed: 1 of 4 cases failed"), e.getMessage());
    JsonObject json = JsonObject.parse(Files.readString(report), "report");
    json.requireFormat(SuiteResult.FORMAT, SuiteResult.VERSION);
    assertEquals(2, json.getObjects("results").size());
    assertFalse(json.getBoolean("passed"));
  }

  @Test
  void precomputedResultsBecomeDynamicTestsToo() throws Throwable {
    SuiteResult result = SUITE.run(SIGN);
    List<DynamicTest> tests = flatten(BehavioralDynamicTests.of(result).toList());
    tests.get(0).getExecutable().execute();
    assertThrows(AssertionFailedError.class, () -> tests.get(1).getExecutable().execute());
  }
}
