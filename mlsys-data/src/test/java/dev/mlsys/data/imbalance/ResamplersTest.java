package dev.mlsys.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mlsys.api.Field;
import dev.mlsys.api.FieldType;
import dev.mlsys.api.Row;
import dev.mlsys.data.split.Part;
import dev.mlsys.data.split.Split;
import dev.mlsys.data.split.Splits;
import dev.mlsys.data.split.TrainingMatrix;
import dev.mlsys.data.split.TrainingSet;
import dev.mlsys.data.testdata.Golden;
import dev.mlsys.data.testdata.RealData;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reference values come from scikit-learn and imbalanced-learn (src/test/golden/imbalance_golden.py). */
class ResamplersTest {
  private static final JsonNode GOLDEN = Golden.load("imbalance.json");

  private static Map<String, Integer> countsOf(List<Row> rows) {
    Map<String, Integer> m = new TreeMap<>();
    rows.forEach(r -> m.merge((String) r.label(), 1, Integer::sum));
    return m;
  }

  private static Map<String, Integer> golden(String key) {
    Map<String, Integer> m = new TreeMap<>();
    GOLDEN.get(key).properties().forEach(e -> m.put(e.getKey(), e.getValue().intValue()));
    return m;
  }

  /** ticdata's numeric columns as a matrix, labels 1 = insurance, 0 = noinsurance. */
  private static TrainingMatrix ticNumeric() {
    List<Row> rows = RealData.ticdata();
    List<String> numeric = rows.get(0).schema().fields().stream().map(Field::name)
        .filter(RealData.ticNumeric()::contains).toList();
    double[][] x = new double[rows.size()][numeric.size()];
    int[] y = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < numeric.size(); j++) {
        x[i][j] = rows.get(i).getDouble(numeric.get(j));
      }
      y[i] = rows.get(i).label().equals("insurance") ? 1 : 0;
    }
    return TrainingMatrix.of(x, y, "ticdata.csv numeric columns");
  }

  private static Map<String, Integer> countsOf(TrainingMatrix m) {
    Map<String, Integer> out = new TreeMap<>();
    for (int y : m.labels()) {
      out.merge(y == 1 ? "insurance" : "noinsurance", 1, Integer::sum);
    }
    return out;
  }

  @Test
  void balancedClassWeightsEqualScikitLearnToTheLastBit() {
    Map<String, List<Row>> data = Map.of("ticdata", RealData.ticdata(), "pima", RealData.pima(),
        "income", RealData.income());
    for (var e : data.entrySet()) {
      Map<Object, Double> w = ClassWeights.balanced(e.getValue().stream().map(Row::label).toList());
      JsonNode g = GOLDEN.get("class_weight_" + e.getKey());
      List<Object> classes = new ArrayList<>(w.keySet());
      for (int i = 0; i < g.get("classes").size(); i++) {
        assertEquals(g.get("classes").get(i).textValue(), classes.get(i), "classes sorted as numpy sorts them");
        assertEquals(g.get("weights").get(i).doubleValue(), w.get(classes.get(i)), 0.0, e.getKey());
      }
    }
    double[] sample = ClassWeights.balancedSampleWeights(RealData.pima().stream().map(Row::label).toList());
    assertArrayEquals(Golden.doubles(GOLDEN.get("sample_weight_pima")), sample, 0.0);
    assertEquals(Map.of(0, 2.0 / 3, 1, 2.0), ClassWeights.balanced(new int[] {0, 0, 0, 1}));
  }

  @Test
  void classCountsAfterResamplingEqualImbalancedLearns() {
    TrainingSet<Row> rows = TrainingSet.of(RealData.ticdata(), "ticdata.csv");
    assertEquals(golden("counts_random_over"), countsOf(Resamplers.randomOver().resample(rows).items()));
    assertEquals(golden("counts_random_over_ratio_0.5"), countsOf(Resamplers.randomOver()
        .strategy(SamplingStrategy.ratio(0.5)).resample(rows).items()));
    assertEquals(golden("counts_random_under"), countsOf(Resamplers.randomUnder().resample(rows).items()));
    assertEquals(golden("counts_random_under_ratio_0.5"), countsOf(Resamplers.randomUnder()
        .strategy(SamplingStrategy.ratio(0.5)).resample(rows).items()));
    assertEquals(golden("counts_smote"), countsOf(Resamplers.smote().seed(1).resample(ticNumeric())));
    assertEquals(golden("counts_smotenc"), countsOf(Resamplers.smoteNc().seed(1).resample(rows).items()));
  }

  @Test
  void smoteNcOnTicdataRowsMakesValidMixedRows() {
    List<Row> rows = RealData.ticdata();
    Split split = Splits.stratified(0.8, 0.2).seed(4).split(rows, Row::label);
    TrainingSet<Row> train = split.training(rows);
    TrainingSet<Row> balanced = Resamplers.smoteNc().seed(9).resample(train);
    Map<String, Integer> counts = countsOf(balanced.items());
    assertEquals(counts.get("noinsurance"), counts.get("insurance"));
    assertEquals(countsOf(train.items()).get("noinsurance"), counts.get("insurance"));
    // every synthetic row passed schema validation; its nominal values were seen in the class
    Set<String> seenStype = new HashSet<>();
    train.items().stream().filter(r -> r.label().equals("insurance")).forEach(r -> seenStype.add(r.getString("STYPE")));
    List<Row> synthetic = balanced.items().subList(train.size(), balanced.size());
    assertTrue(synthetic.stream().allMatch(r -> r.label().equals("insurance")));
    assertTrue(synthetic.stream().allMatch(r -> seenStype.contains(r.getString("STYPE"))));
    assertEquals(2, balanced.provenance().size());
    assertTrue(balanced.provenance().get(1).startsWith("SMOTE-NC k=5 seed=9"), balanced.provenance().get(1));
    assertTrue(balanced.provenance().get(1).contains("{noinsurance=7389, insurance=469} -> "
        + "{noinsurance=7389, insurance=7389} (6920 synthetic)"), balanced.provenance().get(1));
    assertTrue(split.take(Part.TEST, rows).size() > 0);
  }

  @Test
  void smoteNeighboursEqualScikitLearnsNearestNeighbours() {
    List<Row> rows = RealData.pima();
    double[][] x = pimaMatrix(rows);
    JsonNode g = GOLDEN.get("smote_neighbours_pima_pos");
    int[] members = Golden.ints(g.get("members"));
    int[][] nn = Neighbors.kNearest(x, members, 5, null, 0);
    for (int a = 0; a < members.length; a++) {
      int[] expected = Golden.ints(g.get("neighbours").get(a));
      assertArrayEquals(expected, nn[a], "neighbours of row " + members[a]);
    }
  }

  static double[][] pimaMatrix(List<Row> rows) {
    List<Field> fields = rows.get(0).schema().fields();
    double[][] x = new double[rows.size()][fields.size()];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < fields.size(); j++) {
        x[i][j] = rows.get(i).getDouble(j);
      }
    }
    return x;
  }

  @Test
  void smoteOnPimaRowsPutsEverySyntheticRowOnASegmentToANeighbour() {
    List<Row> rows = RealData.pima();
    TrainingSet<Row> train = TrainingSet.of(rows, "pima_diabetes.csv");
    TrainingSet<Row> out = Resamplers.smote().seed(3).resample(train);
    assertEquals(countsOf(out.items()).get("neg"), countsOf(out.items()).get("pos"));
    double[][] x = pimaMatrix(rows);
    int[] members = java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.get(i).label().equals("pos"))
        .toArray();
    int[][] nn = Neighbors.kNearest(x, members, 5, null, 0);
    double[][] synthetic = pimaMatrix(out.items().subList(rows.size(), out.size()));
    for (double[] v : synthetic) {
      assertTrue(onSomeSegment(v, x, members, nn), "synthetic row " + java.util.Arrays.toString(v));
    }
    assertEquals(out.items(), Resamplers.smote().seed(3).resample(train).items(), "seeded: same rows again");
    assertNotEquals(out.items(), Resamplers.smote().seed(4).resample(train).items());
  }

  /** Whether v = a + g (b - a) for some member a, one of its neighbours b, and g in [0, 1]. */
  static boolean onSomeSegment(double[] v, double[][] x, int[] members, int[][] nn) {
    for (int a = 0; a < members.length; a++) {
      double[] p = x[members[a]];
      for (int b : nn[a]) {
        double[] q = x[b];
        double g = Double.NaN;
        boolean ok = true;
        for (int j = 0; j < v.length && ok; j++) {
          double d = q[j] - p[j];
          if (d == 0) {
            ok = v[j] == p[j];
          } else {
            double gj = (v[j] - p[j]) / d;
            if (Double.isNaN(g)) {
              g = gj;
              ok = g >= -1e-12 && g <= 1 + 1e-12;
            } else {
              ok = Math.abs(gj - g) <= 1e-9;
            }
          }
        }
        if (ok) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void tomekLinksOnPimaRemoveExactlyTheRowsImbalancedLearnRemoves() {
    List<Row> rows = RealData.pima();
    TrainingSet<Row> out = Resamplers.tomekLinks().resample(TrainingSet.of(rows, "pima_diabetes.csv"));
    int[] kept = Golden.ints(GOLDEN.get("tomek_pima_kept"));
    List<Row> expected = new ArrayList<>();
    for (int i : kept) {
      expected.add(rows.get(i));
    }
    assertEquals(expected, out.items());
    assertEquals(768 - 55, out.size());
    TrainingSet<Row> both = Resamplers.tomekLinks().removeBoth().resample(TrainingSet.of(rows, "pima"));
    assertEquals(768 - 2 * 55, both.size());
  }

  @Test
  void resamplersAcceptOnlyTrainingTypes() {
    // the API itself keeps test sets out: no resampling method takes a List, an array or a Table
    for (Class<?> type : Resampler.class.getPermittedSubclasses()) {
      for (Method m : type.getMethods()) {
        if (m.getName().equals("resample") && Modifier.isPublic(m.getModifiers())) {
          assertEquals(1, m.getParameterCount(), m.toString());
          Class<?> p = m.getParameterTypes()[0];
          assertTrue(p == TrainingSet.class || p == TrainingMatrix.class, m.toString());
        }
      }
    }
  }

  @Test
  void unsuitableDataIsRejectedWithTheReason() {
    TrainingSet<Row> income = TrainingSet.of(RealData.income(), "income.csv");
    IllegalArgumentException nominal = assertThrows(IllegalArgumentException.class,
        () -> Resamplers.smote().resample(income));
    assertTrue(nominal.getMessage().contains("smoteNc"), nominal.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Resamplers.smoteNc().resample(TrainingSet.of(RealData.pimaWithMissing(), "pima")));
    assertTrue(missing.getMessage().contains("field 'glucose'") || missing.getMessage().contains("field '"),
        missing.getMessage());
    TrainingMatrix one = TrainingMatrix.of(new double[][] {{0}, {1}, {2}}, new int[] {0, 0, 1}, "tiny");
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class,
        () -> Resamplers.smote().resample(one));
    assertTrue(single.getMessage().contains("class 1 has 1 row"), single.getMessage());
    IllegalArgumentException down = assertThrows(IllegalArgumentException.class, () -> Resamplers.randomOver()
        .strategy(SamplingStrategy.counts(Map.of(0, 1))).resample(one));
    assertTrue(down.getMessage().contains("must be >= its current count 2"), down.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Resamplers.randomOver()
        .strategy(SamplingStrategy.counts(Map.of(7, 3))).resample(one));
    assertThrows(IllegalArgumentException.class, () -> SamplingStrategy.ratio(1.5));
    assertThrows(IllegalArgumentException.class, () -> Resamplers.smoteNc().resample(one));
    assertThrows(IllegalArgumentException.class, () -> Resamplers.smote().k(0));
  }

  @Test
  void smallClassesUseAllTheirRowsAsNeighboursAndSayPerClass() {
    TrainingMatrix m = TrainingMatrix.of(new double[][] {{0, 0}, {1, 1}, {2, 2}, {3, 3}, {9, 9}, {10, 10}},
        new int[] {0, 0, 0, 0, 1, 1}, "tiny");
    TrainingMatrix out = Resamplers.smote().seed(2).resample(m);
    assertEquals(8, out.size());
    assertTrue(out.provenance().get(1).contains("k=1 for class 1 (2 rows)"), out.provenance().get(1));
    for (int i = 6; i < 8; i++) {
      double[] v = out.row(i);
      assertEquals(v[0], v[1]);
      assertTrue(v[0] >= 9 && v[0] <= 10);
      assertEquals(1, out.label(i));
    }
  }

  @Test
  void explicitTargetCountsAreMetExactly() {
    TrainingSet<Row> pima = TrainingSet.of(RealData.pima(), "pima");
    Map<String, Integer> targets = new LinkedHashMap<>();
    targets.put("pos", 400);
    TrainingSet<Row> out = Resamplers.smote().strategy(SamplingStrategy.counts(targets)).resample(pima);
    assertEquals(Map.of("neg", 500, "pos", 400), countsOf(out.items()));
    TrainingSet<Row> under = Resamplers.randomUnder().strategy(SamplingStrategy.counts(Map.of("neg", 300)))
        .resample(pima);
    assertEquals(Map.of("neg", 300, "pos", 268), countsOf(under.items()));
    assertTrue(pima.items().containsAll(under.items()));
    Row first = RealData.pima().get(0);
    assertEquals(FieldType.NUMERIC, first.schema().fields().get(0).type());
  }
}
