package dev.mlsys.cli.quickstart;

import dev.mlsys.api.Row;
import dev.mlsys.api.Schema;
import java.util.List;

/**
 * A validated data set: its name, inferred schema, the rows that passed validation, and how many
 * were rejected.
 *
 * @param name a short name for messages (the file name)
 * @param schema the inferred schema, with a categorical label
 * @param rows the valid rows, in file order
 * @param rejected how many rows failed validation
 */
record Dataset(String name, Schema schema, List<Row> rows, long rejected) {

  /** @return the label's classes in schema order */
  List<String> classes() {
    return schema.labelClasses();
  }

  /** @return the class whose probability binary metrics and calibration use (the second class) */
  String positiveClass() {
    return classes().get(classes().size() - 1);
  }

  /** @return whether the label has exactly two classes */
  boolean binary() {
    return classes().size() == 2;
  }
}
