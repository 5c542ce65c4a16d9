package dev.mlsys.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.InvalidInputException;
import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.api.Rule;
import dev.mlsys.api.Schema;
import dev.mlsys.api.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs every Java example of README.md. Each example lives here between {@code // example: NAME}
 * and {@code // end}; README.md shows it after {@code <!-- example: NAME -->}, and this test
 * checks the two texts are the same, so the README can never show code that does not compile or
 * run.
 */
class ReadmeExamplesTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path SOURCE = Path.of("src/test/java/dev/mlsys/cli/ReadmeExamplesTest.java");

  @Test
  void api() {
    // example: api
    Schema schema = Schema.builder()
        .numeric("age", 0, 130)
        .categorical("plan", "free", "pro")
        .text("note").nullable("note")
        .label("churn", "no", "yes")
        .build();

    List<Violation> problems = schema.validate(Map.of("age", -3, "plan", "gold"));
    // field 'age': value -3 is below min 0.0 (OUT_OF_RANGE)
    // field 'plan': value 'gold' is not one of [free, pro] (UNSEEN_CATEGORY)

    Row row = schema.row(Map.of("age", 31, "plan", "pro"));   // throws InvalidInputException if invalid
    Predictor model = r -> Prediction.of("yes", Map.of("no", 0.2, "yes", 0.8));
    Prediction p = model.predict(row);
    // end
    assertEquals(List.of("field 'age': value -3 is below min 0.0 (OUT_OF_RANGE)",
        "field 'plan': value 'gold' is not one of [free, pro] (UNSEEN_CATEGORY)"),
        problems.stream().map(Violation::message).toList());
    assertEquals(0.8, p.probability("yes"));
    assertThrows(InvalidInputException.class, () -> schema.row(Map.of("age", 31)));
    assertEquals(Rule.MISSING_REQUIRED, schema.validate(Map.of("age", 31)).get(0).rule());
  }

  @Test
  void readmeShowsExactlyTheseExamples() throws IOException {
    Map<String, String> inTests = examples(Files.readString(SOURCE),
        Pattern.compile("(?m)^ {4}// example: (\\S+)\\n(.*?)^ {4}// end$", Pattern.DOTALL), 4);
    Map<String, String> inReadme = examples(Files.readString(README),
        Pattern.compile("(?m)^<!-- example: (\\S+) -->\\n```java\\n(.*?)^```$", Pattern.DOTALL), 0);
    assertFalse(inReadme.isEmpty(), "README.md shows no marked example");
    for (Map.Entry<String, String> e : inReadme.entrySet()) {
      assertTrue(inTests.containsKey(e.getKey()), "README example '" + e.getKey() + "' has no test here");
      assertEquals(inTests.get(e.getKey()), e.getValue(), "README example '" + e.getKey() + "' differs from its test");
    }
  }

  private static Map<String, String> examples(String text, Pattern pattern, int indent) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      List<String> lines = new ArrayList<>();
      for (String line : m.group(2).split("\n", -1)) {
        lines.add(line.length() >= indent && line.substring(0, indent).isBlank() ? line.substring(indent) : line.strip());
      }
      out.put(m.group(1), String.join("\n", lines).strip());
    }
    return out;
  }
}
