package dev.mlsys.data.schema;

import dev.mlsys.api.FieldType;
import java.util.Objects;

/**
 * Why schema inference gave a column its type: what the sample held and the rule that decided.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the column's name
 * @param type the inferred kind
 * @param nullable whether a missing value appeared in the sample
 * @param label whether the column became the schema's label
 * @param present values present in the sample
 * @param missing values missing in the sample
 * @param distinct distinct present values (after trimming, as validation compares them)
 * @param reason the rule that decided, with the evidence, in one sentence
 */
public record ColumnReport(String name, FieldType type, boolean nullable, boolean label, long present,
    long missing, long distinct, String reason) {

  /** @throws NullPointerException if a reference component is null */
  public ColumnReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reason, "reason");
  }
}
