package dev.mlsys.eval.behavior;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

class PerturbationsProperties {

  @Property
  void aTypoSwapsExactlyTwoAdjacentLetters(@ForAll @AlphaChars @StringLength(max = 30) String text, @ForAll long seed) {
    String typo = TextEdits.typo(text, new SplittableRandom(seed));
    assertEquals(text.length(), typo.length());
    char[] a = text.toCharArray();
    char[] b = typo.toCharArray();
    Arrays.sort(a);
    Arrays.sort(b);
    assertArrayEquals(a, b, "same letters");
    int first = -1;
    int differences = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != typo.charAt(i)) {
        differences++;
        first = first < 0 ? i : first;
      }
    }
    assertTrue(differences == 0 || differences == 2 && typo.charAt(first) == text.charAt(first + 1),
        text + " -> " + typo);
  }

  @Property
  void textEditsAreReproducibleFromTheSeed(@ForAll @StringLength(max = 40) String text, @ForAll long seed) {
    assertEquals(TextEdits.typo(text, new SplittableRandom(seed)), TextEdits.typo(text, new SplittableRandom(seed)));
    assertEquals(TextEdits.contraction(text, new SplittableRandom(seed)),
        TextEdits.contraction(text, new SplittableRandom(seed)));
  }

  @Property
  void togglingPunctuationTwiceRestoresAFullStop(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String word) {
    String once = TextEdits.togglePunctuation(word);
    assertEquals(word + ".", once);
    assertEquals(word, TextEdits.togglePunctuation(once));
  }
}
