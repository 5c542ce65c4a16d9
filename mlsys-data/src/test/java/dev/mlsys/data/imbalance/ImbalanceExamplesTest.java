package dev.mlsys.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.data.split.TrainingSet;
import dev.mlsys.data.testdata.RealData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of {@link Resamplers} and {@link ClassWeights}, compiled and run. */
class ImbalanceExamplesTest {

  @Test
  void resamplersClassExample() {
    List<Row> rows = RealData.pima();
    Split split = Splits.stratified(0.8, 0.2).seed(1).split(rows, Row::label);
    TrainingSet<Row> train = split.training(rows);
    TrainingSet<Row> balanced = Resamplers.smote().k(5).seed(7).resample(train);
    List<Row> test = split.take(Part.TEST, rows);        // a plain list: no resampler takes it
    assertEquals(2 * 400, balanced.size());
    assertEquals(154, test.size());
  }

  @Test
  void classWeightsExample() {
    Map<String, Double> w = ClassWeights.balanced(List.of("no", "no", "no", "yes"));
    assertEquals(Map.of("no", 4.0 / 6, "yes", 2.0), w);
  }
}
