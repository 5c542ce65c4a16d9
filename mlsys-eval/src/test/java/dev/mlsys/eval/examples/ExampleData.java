package dev.mlsys.eval.examples;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import dev.mlsys.eval.behavior.Perturbation;
import dev.mlsys.eval.behavior.Perturbations;
import dev.mlsys.eval.testing.Datasets;
import dev.mlsys.eval.testing.Golden;
import java.util.ArrayList;
import java.util.List;

/** Rows and perturbations shared by the spam and income examples. */
final class ExampleData {
  static final Schema MESSAGE = Schema.builder().text("message").label("type", "nonspam", "spam").build();

  private ExampleData() {}

  /** @return the hand-written messages of behavior/messages.tsv, labelled */
  static List<Row> messages() {
    List<Row> out = new ArrayList<>();
    for (String line : Golden.resource("/behavior/messages.tsv").split("\n")) {
      if (!line.isBlank()) {
        String[] parts = line.split("\t", 2);
        out.add(MESSAGE.rowOf(parts[1], parts[0].equals("spam") ? "spam" : "nonspam"));
      }
    }
    return out;
  }

  /** @return 200 rows of spam.csv, every 23rd */
  static List<Row> spamRows() {
    return Datasets.everyKth(Datasets.spam(), 23, 0);
  }

  /** @return 300 rows of income.csv, every 30th */
  static List<Row> incomeRows() {
    return Datasets.everyKth(Datasets.income(), 30, 0);
  }

  /** Moves EDUCATION one level up; the top level and missing values are left as they are. */
  static final Perturbation MORE_EDUCATION = Perturbations.of("raise EDUCATION one level", row -> {
    String e = row.getString("EDUCATION");
    int i = e == null ? -1 : Datasets.EDUCATION.indexOf(e);
    return i < 0 || i == Datasets.EDUCATION.size() - 1 ? row : row.with("EDUCATION", Datasets.EDUCATION.get(i + 1));
  });
}
