package dev.mlsys.eval.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mlsys.api.Prediction;
import dev.mlsys.api.Predictor;
import dev.mlsys.api.Row;
import dev.mlsys.eval.slices.DiscoveredSlice;
import dev.mlsys.eval.slices.SliceAnalysis;
import dev.mlsys.eval.slices.SliceBy;
import dev.mlsys.eval.slices.SliceMetrics;
import dev.mlsys.eval.slices.SliceReport;
import dev.mlsys.eval.slices.SliceResult;
import dev.mlsys.eval.slices.SmallSlice;
import dev.mlsys.eval.testing.Datasets;
import dev.mlsys.eval.testing.IncomeModels;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slice-based evaluation of an income model on income.csv: SEX x AGE band, worst slices, discovery. */
class IncomeSlicesExamplesTest {
  /** Coarse age bands from income.csv's AGE bands. */
  static final SliceBy AGE_BAND = SliceBy.of("AGE band", row -> {
    String age = row.getString("AGE");
    if (age == null) {
      return null;
    }
    int i = Datasets.AGE.indexOf(age);
    return "AGE band=" + (i <= 1 ? "under 25" : i <= 3 ? "25-44" : "45+");
  });

  private static List<Row> test;
  private static List<Prediction> predictions;

  @BeforeAll
  static void trainOnHalfAndPredictTheOther() {
    List<Row> train = new ArrayList<>();
    test = new ArrayList<>();
    List<Row> all = Datasets.income();
    for (int i = 0; i < all.size(); i++) {
      (i % 2 == 0 ? train : test).add(all.get(i));
    }
    Predictor model = IncomeModels.trainedOn(train, List.of());
    predictions = model.predictAll(test);
  }

  @Test
  void accuracyPerSexAgeBandCrossWithIntervals() {
    SliceReport report = SliceAnalysis.of(test, predictions).minSize(100).seed(1)
        .by(SliceBy.field("SEX"), AGE_BAND, SliceBy.field("SEX").cross(AGE_BAND), SliceBy.field("SEX").cross(SliceBy.field("AGE")))
        .run();
    SliceResult womenUnder25 = report.slice("SEX=F & AGE band=under 25");
    long n = 0;
    long right = 0;
    for (int i = 0; i < test.size(); i++) {
      Row r = test.get(i);
      String age = r.getString("AGE");
      if ("F".equals(r.getString("SEX")) && (age.equals("14-17") || age.equals("18-24"))) {
        n++;
        right += predictions.get(i).label().equals(r.label()) ? 1 : 0;
      }
    }
    assertEquals(n, womenUnder25.size());
    assertEquals((double) right / n, womenUnder25.value(), 1e-15);
    assertTrue(womenUnder25.interval().contains(womenUnder25.value()));
    for (String grouping : List.of("SEX", "AGE band", "SEX x AGE band", "SEX x AGE")) {
      long covered = report.slices().stream().filter(s -> s.grouping().equals(grouping)).mapToLong(SliceResult::size).sum()
          + report.tooSmall().stream().filter(s -> s.grouping().equals(grouping)).mapToLong(SmallSlice::size).sum();
      assertEquals(test.size(), covered, grouping + " covers every row once");
    }
    List<SliceResult> worst = report.worst(5);
    for (int i = 1; i < worst.size(); i++) {
      assertTrue(worst.get(i - 1).value() <= worst.get(i).value());
    }
    assertTrue(report.slices().stream().allMatch(s -> s.size() >= 100));
    // the model is least accurate for women of 45 and over (women of 45-54 in the finer cross), clearly below 0.81
    assertEquals("SEX=F & AGE=45-54", report.worst(1).get(0).slice());
    assertEquals("SEX=F & AGE band=45+", report.worst(report.slices().size()).stream()
        .filter(s -> s.grouping().equals("SEX x AGE band")).findFirst().orElseThrow().slice());
    assertTrue(report.worseThanOverall().stream().anyMatch(s -> s.slice().equals("SEX=F & AGE band=45+")));
  }

  @Test
  void rocAucPerSexWithDeLongIntervals() {
    SliceReport report = SliceAnalysis.of(test, predictions).metric(SliceMetrics.rocAuc("high")).by(SliceBy.field("SEX")).run();
    for (SliceResult s : report.slices()) {
      assertTrue(s.value() > 0.75 && s.interval().contains(s.value()), s.toString());
      assertTrue(s.interval().width() < 0.06, s.toString());
    }
  }

  @Test
  void discoveryOverTheCategoricalColumnsFindsSignificantUnderperformers() {
    List<DiscoveredSlice> found = SliceAnalysis.of(test, predictions).minSize(100).discover();
    assertFalse(found.isEmpty());
    // home owners sit near the decision boundary: the largest effect (accuracy 0.70 against 0.88)
    assertEquals("HOUSEHOLDER=Own", found.get(0).slice());
    for (int i = 0; i < found.size(); i++) {
      DiscoveredSlice d = found.get(i);
      assertTrue(d.value() < d.complementValue(), d.toString());
      assertTrue(d.adjustedPValue() <= 0.05 && d.effectSize() >= 0.2 && d.size() >= 100, d.toString());
      if (i > 0) {
        assertTrue(found.get(i - 1).effectSize() >= d.effectSize());
      }
    }
  }
}
