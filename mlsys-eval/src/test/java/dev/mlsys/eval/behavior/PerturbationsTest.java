package dev.mlsys.eval.behavior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerturbationsTest {
  private static final Schema SCHEMA = Schema.builder()
      .numeric("age", 0, 120).numeric("income").nullable("income")
      .categorical("plan", "free", "pro", "team").categorical("region", "eu").nullable("region")
      .text("note").nullable("note")
      .label("churn", "no", "yes").build();
  private static final Row ROW = SCHEMA.row(java.util.Map.of("age", 40.0, "income", 1000.0, "plan", "pro",
      "region", "eu", "note", "I can't log in. Alice said it is not urgent!", "churn", "no"));

  private static Row apply(Perturbation p, Row row, long seed) {
    return p.apply(row, new SplittableRandom(seed));
  }

  @Test
  void numericPerturbationsStayInTheFieldsRange() {
    assertEquals(120.0, apply(Perturbations.scale("age", 10), ROW, 1).getDouble("age"));
    assertEquals(0.0, apply(Perturbations.shift("age", -100), ROW, 1).getDouble("age"));
    assertEquals(1500.0, apply(Perturbations.shift("income", 500), ROW, 1).getDouble("income"));
    Row noisy = apply(Perturbations.gaussianNoise("income", 10), ROW, 7);
    assertEquals(noisy, apply(Perturbations.gaussianNoise("income", 10), ROW, 7), "same seed, same row");
    assertNotEquals(noisy, apply(Perturbations.gaussianNoise("income", 10), ROW, 8));
    assertEquals("no", noisy.label(), "the label is left alone");
  }

  @Test
  void missingValuesAreLeftAlone() {
    Row missing = ROW.with("income", null);
    assertSame(missing, apply(Perturbations.scale("income", 2), missing, 1));
    assertSame(missing, apply(Perturbations.setMissing("income"), missing, 1));
    assertTrue(apply(Perturbations.setMissing("region"), ROW, 1).isMissing("region"));
  }

  @Test
  void categorySwapsPickAnotherDeclaredValueAndSkipSingleValueFields() {
    for (long seed = 0; seed < 20; seed++) {
      String plan = apply(Perturbations.swapCategory("plan"), ROW, seed).getString("plan");
      assertTrue(plan.equals("free") || plan.equals("team"), plan);
    }
    assertSame(ROW, apply(Perturbations.swapCategory("region"), ROW, 1));
  }

  @Test
  void wrongFieldsAreNamed() {
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> apply(Perturbations.scale("plan", 2), ROW, 1));
    assertEquals("field 'plan' is categorical; scale 'plan' by 2 needs a numeric field", type.getMessage());
    IllegalArgumentException required = assertThrows(IllegalArgumentException.class,
        () -> apply(Perturbations.setMissing("age"), ROW, 1));
    assertEquals("field 'age' is required; setMissing needs a nullable field", required.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> apply(Perturbations.typo("comment"), ROW, 1));
    assertTrue(unknown.getMessage().startsWith("schema has no field 'comment'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Perturbations.gaussianNoise("age", 0));
    assertThrows(IllegalArgumentException.class, () -> Perturbations.replaceWords("note", List.of("Alice")));
  }

  @Test
  void textPerturbations() {
    assertEquals("I CAN'T LOG IN. ALICE SAID IT IS NOT URGENT!", apply(Perturbations.uppercase("note"), ROW, 1).getString("note"));
    assertEquals("I can't log in. Alice said it is not urgent", apply(Perturbations.punctuation("note"), ROW, 1).getString("note"));
    assertEquals("I cant log in Alice said it is not urgent", apply(Perturbations.stripPunctuation("note"), ROW, 1).getString("note"));
    String contracted = apply(Perturbations.contractions("note"), ROW, 3).getString("note");
    assertTrue(List.of("I cannot log in. Alice said it is not urgent!", "I can't log in. Alice said it's not urgent!",
        "I can't log in. Alice said it isn't urgent!").contains(contracted), contracted);
    String renamed = apply(Perturbations.replaceWords("note", List.of("Alice", "Bob")), ROW, 1).getString("note");
    assertEquals("I can't log in. Bob said it is not urgent!", renamed);
    String synonym = apply(Perturbations.synonyms("note", List.of(List.of("urgent", "pressing"))), ROW, 1).getString("note");
    assertEquals("I can't log in. Alice said it is not pressing!", synonym);
  }

  @Test
  void textEditsWorkOnWholeWordsAndKeepCapitals() {
    assertEquals("Isn't it?", TextEdits.contraction("Is not it?", new SplittableRandom(1)));
    assertEquals("It is", TextEdits.contraction("It's", new SplittableRandom(1)));
    // "Alicea" is not the word "Alice"
    assertEquals("Alicea went", TextEdits.replaceWord("Alicea went", List.of(List.of("Alice", "Bob")), new SplittableRandom(1)));
    assertEquals("ba", TextEdits.typo("ab", new SplittableRandom(1)));
    assertEquals("aa", TextEdits.typo("aa", new SplittableRandom(1)), "no two different adjacent letters: unchanged");
    assertEquals("Done.", TextEdits.togglePunctuation("Done"));
    assertEquals("", TextEdits.togglePunctuation(""));
  }

  @Test
  void composedAndNamedPerturbations() {
    Perturbation both = Perturbations.shift("age", 1).andThen(Perturbations.setValue("plan", "team"));
    Row r = apply(both, ROW, 1);
    assertEquals(41.0, r.getDouble("age"));
    assertEquals("team", r.getString("plan"));
    assertEquals("shift 'age' by 1, then set 'plan' to team", both.description());
    assertEquals("older", Perturbations.of("older", row -> row.with("age", 80.0)).description());
    Perturbation lambda = (row, random) -> row;
    assertEquals("custom perturbation", lambda.description());
  }
}
