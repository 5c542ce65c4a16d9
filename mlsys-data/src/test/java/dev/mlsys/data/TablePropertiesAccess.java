package dev.mlsys.data;

import dev.mlsys.api.Row;
import java.util.List;
import net.jqwik.api.Arbitrary;

/** Opens the row generator of {@link TableProperties} to tests in other packages. */
public final class TablePropertiesAccess {
  private TablePropertiesAccess() {}

  /** @return lists of rows of {@link TableTest#SCHEMA} */
  public static Arbitrary<List<Row>> rowLists() {
    return TableProperties.rowLists();
  }
}
