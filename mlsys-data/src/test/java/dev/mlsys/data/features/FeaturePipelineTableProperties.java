package dev.mlsys.data.features;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mlsys.api.Row;
import dev.mlsys.data.Table;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.arrow.memory.RootAllocator;

/**
 * The training path over a {@link Table} and the serving path over {@link Row}s give the same
 * pipeline and the same numbers, bit for bit. Each table lives in an allocator that is closed
 * after it, which fails on leaked Arrow memory.
 */
class FeaturePipelineTableProperties {
  private final FeaturePipelineProperties generators = new FeaturePipelineProperties();

  @Property(tries = 200)
  void fittingOnATableEqualsFittingOnItsRows(@ForAll("pipelines") List<Feature> features,
      @ForAll("rows") List<Row> rows) {
    try (RootAllocator allocator = new RootAllocator();
        Table table = Table.fromRows(FeaturePipelineProperties.SCHEMA, rows, allocator)) {
      FeaturePipeline fromRows = FeaturePipeline.builder().addAll(features).fit(rows);
      FeaturePipeline fromTable = FeaturePipeline.builder().addAll(features).fit(table);
      assertEquals(fromRows.toJson(), fromTable.toJson());
    }
  }

  @Property(tries = 200)
  void transformingATableEqualsTransformingEachRow(@ForAll("pipelines") List<Feature> features,
      @ForAll("rows") List<Row> train, @ForAll("rows") List<Row> serve) {
    FeaturePipeline p = FeaturePipeline.builder().addAll(features).fit(train);
    // serving rows may hold categories unseen in training: keep those the pipeline accepts
    List<Row> accepted = serve.stream().filter(r -> {
      try {
        p.transform(r);
        return true;
      } catch (dev.mlsys.api.InvalidInputException unseen) {
        return false;
      }
    }).toList();
    try (RootAllocator allocator = new RootAllocator();
        Table table = Table.fromRows(FeaturePipelineProperties.SCHEMA, accepted, allocator)) {
      double[] columns = p.transformColumns(table);
      int w = p.outputWidth();
      assertEquals(accepted.size() * w, columns.length);
      for (int i = 0; i < accepted.size(); i++) {
        double[] single = p.transform(accepted.get(i));
        for (int j = 0; j < w; j++) {
          assertEquals(Double.doubleToRawLongBits(single[j]), Double.doubleToRawLongBits(columns[i * w + j]),
              "row " + i + " column " + p.outputNames().get(j));
        }
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<Row>> rows() {
    return generators.rows();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<List<Feature>> pipelines() {
    return generators.pipelines();
  }
}
