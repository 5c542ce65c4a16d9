/**
 * A small, dependency-free JSON reader and writer ({@link dev.mlsys.api.json.Json}) and checked
 * reads for versioned artifacts ({@link dev.mlsys.api.json.JsonObject}), for the modules that
 * must not depend on Jackson.
 */
package dev.mlsys.api.json;
