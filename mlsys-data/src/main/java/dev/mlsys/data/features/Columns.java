package dev.mlsys.data.features;

import dev.mlsys.api.Field;

/**
 * Column-wise access to a batch of records, the shape a pipeline is fitted on and applied to in
 * bulk. Implementations materialize a column on first request.
 */
interface Columns {

  /** @return the number of records */
  int size();

  /**
   * @param name a field name
   * @return the field as the records declare it
   * @throws IllegalArgumentException if the records have no such field
   */
  Field field(String name);

  /** @return the field's values as numbers, NaN where missing (see {@link Tokens#number}) */
  double[] numeric(String name);

  /** @return the field's values as text, {@code null} where missing (see {@link Tokens#of}) */
  String[] tokens(String name);
}
