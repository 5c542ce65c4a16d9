package dev.mlsys.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.json.JsonObject;
import dev.mlsys.models.EnsembleModel;
import dev.mlsys.models.LabeledData;
import dev.mlsys.models.TestData;
import dev.mlsys.models.Trainers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** AdaBoost of stumps against scikit-learn 1.2 (src/test/golden/adaboost.py) on the same blobs. */
class AdaBoostGoldenTest {

  @Test
  void matchesScikitLearnRoundForRound() throws IOException {
    LabeledData train = TestData.blobs(150, 81);
    LabeledData test = TestData.blobs(90, 82);
    JsonObject golden;
    try (InputStream in = getClass().getResourceAsStream("/golden/adaboost.json")) {
      golden = JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "adaboost.json");
    }
    golden.requireFormat("mlsys-golden-adaboost", 1);
    for (JsonObject run : golden.getObjects("runs")) {
      boolean samme = run.getString("algorithm").equals("SAMME");
      int rounds = run.getInt("rounds");
      if (!samme && rounds > 3) {
        continue;
      }
      EnsembleModel model = Ensembles.adaBoost(Trainers.cart().maxDepth(1))
          .algorithm(samme ? AdaBoost.Algorithm.SAMME : AdaBoost.Algorithm.SAMME_R).rounds(rounds).fit(train);
      String what = run.getString("algorithm") + " x " + rounds;
      assertEquals(run.getInt("members"), model.members().size(), what);
      double accuracy = TestData.accuracy(model, test);
      double[] alphas = run.getDoubles("weights");
      if (samme) {
        // Same stumps, same alphas: Tribuo sums weights in float, hence the 1e-5.
        assertEquals(run.getDouble("accuracy"), accuracy, 1e-12, what);
        double[] mine = model.weights();
        for (int m = 0; m < alphas.length; m++) {
          assertEquals(alphas[m], mine[m], 1e-5, what + " alpha " + m);
        }
      } else if (rounds <= 3) {
        assertEquals(run.getDouble("accuracy"), accuracy, 1e-12, what);
      }
      // Later SAMME.R rounds meet stumps that tie in weighted Gini up to rounding; Tribuo's float32
      // weight sums break those ties otherwise than scikit-learn's float64, so the paths part.
    }
  }
}
