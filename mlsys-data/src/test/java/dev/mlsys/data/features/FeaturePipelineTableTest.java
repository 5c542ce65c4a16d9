package dev.mlsys.data.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mlsys.api.IncompatibleSchemaException;
import dev.mlsys.api.Row;
import dev.mlsys.data.Table;
import dev.mlsys.data.testdata.RealData;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** The table path on the real data sets: the same pipeline and the same numbers as the row path. */
class FeaturePipelineTableTest {

  private static void assertSameOnTable(FeaturePipeline.Builder builder, List<Row> rows) {
    try (RootAllocator allocator = new RootAllocator();
        Table table = Table.fromRows(rows.get(0).schema(), rows, allocator)) {
      FeaturePipeline fromRows = builder.fit(rows);
      FeaturePipeline fromTable = builder.fit(table);
      assertEquals(fromRows.toJson(), fromTable.toJson());
      double[] columns = fromTable.transformColumns(table);
      double[] expected = new double[columns.length];
      for (int i = 0; i < rows.size(); i++) {
        fromRows.transform(rows.get(i), expected, i * fromRows.outputWidth());
      }
      assertArrayEquals(expected, columns);
    }
  }

  @Test
  void incomeTableGivesTheRowPathsNumbers() {
    assertSameOnTable(FeaturePipeline.builder()
        .add(Feature.categorical("OCCUPATION").oneHot(Unseen.UNSEEN_BUCKET).minCount(50)
            .impute(Imputation.mostFrequent()).missingIndicator())
        .add(Feature.categorical("AREA").ordinal(Unseen.MOST_FREQUENT))
        .add(Feature.categorical("EDUCATION").hashed(8))
        .add(Feature.cross("SEX", "MARITAL.STATUS").oneHot(Unseen.IGNORE))
        .add(Feature.cross("SEX", "AGE").hashed(16)), RealData.income());
  }

  @Test
  void pimaAndSeattleTablesGiveTheRowPathsNumbers() {
    assertSameOnTable(FeaturePipeline.builder()
        .add(Feature.numeric("glucose").impute(Imputation.mean()).missingIndicator().standardScaled())
        .add(Feature.numeric("insulin").impute(Imputation.constant(0)).log1p().minMaxScaled())
        .add(Feature.numeric("pedigree").log().quantileBuckets(5, BucketEncoding.ONE_HOT))
        .add(Feature.numeric("mass").impute(Imputation.median()).quantileBuckets(3, BucketEncoding.ORDINAL)),
        RealData.pimaWithMissing());
    assertSameOnTable(FeaturePipeline.builder()
        .add(Feature.numeric("date").standardScaled())
        .add(Feature.categorical("date").hashed(16).named("day"))
        .add(Feature.numeric("precipitation").log1p().quantileBuckets(4, BucketEncoding.ONE_HOT))
        .add(Feature.cross("temp_max", "wind").hashed(8)), RealData.seattleWeather());
  }

  @Test
  void aTableWithoutAFieldIsIncompatible() {
    FeaturePipeline p = FeaturePipeline.builder().add(Feature.numeric("glucose")).fit(RealData.pima());
    try (RootAllocator allocator = new RootAllocator();
        Table table = Table.fromRows(RealData.pima().get(0).schema(), RealData.pima(), allocator);
        Table narrow = table.select("age", "mass")) {
      assertThrows(IncompatibleSchemaException.class, () -> p.transformColumns(narrow));
      assertThrows(IllegalArgumentException.class,
          () -> FeaturePipeline.builder().add(Feature.categorical("diabetes").oneHot(Unseen.IGNORE)).fit(table));
    }
  }
}
