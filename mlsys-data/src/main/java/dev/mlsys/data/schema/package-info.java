/**
 * Schemas as files and schemas from data.
 *
 * <p>Entry points: {@link dev.mlsys.data.schema.SchemaJson} (the versioned JSON form of a
 * {@link dev.mlsys.api.Schema}) and {@link dev.mlsys.data.schema.SchemaInference} (a schema
 * inferred from a sample, with a report of why each column got its type).
 */
package dev.mlsys.data.schema;
