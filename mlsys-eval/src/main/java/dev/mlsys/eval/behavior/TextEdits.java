package dev.mlsys.eval.behavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The string edits behind the text perturbations (after CheckList, Ribeiro et al. 2020, section 2). */
final class TextEdits {
  /** Pairs of (expanded, contracted) English forms. */
  static final List<String[]> CONTRACTIONS = List.of(
      new String[] {"is not", "isn't"}, new String[] {"are not", "aren't"}, new String[] {"cannot", "can't"},
      new String[] {"do not", "don't"}, new String[] {"does not", "doesn't"}, new String[] {"did not", "didn't"},
      new String[] {"will not", "won't"}, new String[] {"would not", "wouldn't"},
      new String[] {"should not", "shouldn't"}, new String[] {"could not", "couldn't"},
      new String[] {"have not", "haven't"}, new String[] {"has not", "hasn't"}, new String[] {"was not", "wasn't"},
      new String[] {"were not", "weren't"}, new String[] {"I am", "I'm"}, new String[] {"you are", "you're"},
      new String[] {"we are", "we're"}, new String[] {"they are", "they're"}, new String[] {"it is", "it's"},
      new String[] {"that is", "that's"}, new String[] {"there is", "there's"}, new String[] {"I have", "I've"},
      new String[] {"I will", "I'll"}, new String[] {"you will", "you'll"}, new String[] {"let us", "let's"});

  private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{Punct}+$");

  private TextEdits() {}

  /** Swaps two adjacent, different letters at a random position; the text itself if it has none. */
  static String typo(String text, RandomGenerator random) {
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i + 1 < text.length(); i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (Character.isLetter(a) && Character.isLetter(b) && a != b) {
        positions.add(i);
      }
    }
    if (positions.isEmpty()) {
      return text;
    }
    int i = positions.get(random.nextInt(positions.size()));
    char[] c = text.toCharArray();
    char t = c[i];
    c[i] = c[i + 1];
    c[i + 1] = t;
    return new String(c);
  }

  /** Removes the trailing punctuation, or adds a full stop if there is none. */
  static String togglePunctuation(String text) {
    String stripped = text.stripTrailing();
    Matcher m = TRAILING_PUNCTUATION.matcher(stripped);
    if (m.find()) {
      return stripped.substring(0, m.start());
    }
    return stripped.isEmpty() ? text : stripped + ".";
  }

  /** Removes every punctuation character. */
  static String stripPunctuation(String text) {
    return text.replaceAll("\\p{Punct}", "");
  }

  /** Expands or contracts one randomly chosen applicable form (matched as whole words, any case). */
  static String contraction(String text, RandomGenerator random) {
    List<int[]> spots = new ArrayList<>();
    List<String> replacements = new ArrayList<>();
    for (String[] pair : CONTRACTIONS) {
      for (int side = 0; side < 2; side++) {
        Matcher m = wordPattern(pair[side]).matcher(text);
        while (m.find()) {
          spots.add(new int[] {m.start(), m.end()});
          replacements.add(matchCase(m.group(), pair[1 - side]));
        }
      }
    }
    if (spots.isEmpty()) {
      return text;
    }
    int k = random.nextInt(spots.size());
    int[] s = spots.get(k);
    return text.substring(0, s[0]) + replacements.get(k) + text.substring(s[1]);
  }

  /**
   * Replaces one randomly chosen whole-word occurrence of any word of a group with another word of
   * the same group (names, locations, synonyms).
   */
  static String replaceWord(String text, List<List<String>> groups, RandomGenerator random) {
    List<int[]> spots = new ArrayList<>();
    List<List<String>> alternatives = new ArrayList<>();
    for (List<String> group : groups) {
      for (String word : group) {
        Matcher m = wordPattern(word).matcher(text);
        while (m.find()) {
          List<String> others = new ArrayList<>(group);
          others.remove(word);
          if (!others.isEmpty()) {
            spots.add(new int[] {m.start(), m.end()});
            alternatives.add(others);
          }
        }
      }
    }
    if (spots.isEmpty()) {
      return text;
    }
    int k = random.nextInt(spots.size());
    List<String> others = alternatives.get(k);
    int[] s = spots.get(k);
    return text.substring(0, s[0]) + others.get(random.nextInt(others.size())) + text.substring(s[1]);
  }

  private static Pattern wordPattern(String phrase) {
    return Pattern.compile("(?<![\\p{L}\\p{N}'])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}'])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** Gives the replacement the capitalisation of the first letter of what it replaces. */
  private static String matchCase(String found, String replacement) {
    if (found.isEmpty() || replacement.isEmpty()) {
      return replacement;
    }
    boolean upper = Character.isUpperCase(found.charAt(0));
    String first = replacement.substring(0, 1);
    return (upper ? first.toUpperCase(Locale.ROOT) : replacement.startsWith("I") ? first : first.toLowerCase(Locale.ROOT))
        + replacement.substring(1);
  }
}
