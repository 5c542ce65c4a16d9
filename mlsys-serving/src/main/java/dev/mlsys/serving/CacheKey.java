package dev.mlsys.serving;

import dev.mlsys.api.Row;

/**
 * A cache key: the canonical row (validated values in schema order, label removed) and the
 * generation of the version that answers. It keeps the row's boxed values rather than copying
 * them into a primitive array: the row caches its own hash, equal rows compare by value whatever
 * order their record gave the fields in, and the copy measured slower (see the serving section
 * of benchmarks/README.md).
 */
final class CacheKey {
  private final long generation;
  private final Row row;
  private final int hash;

  CacheKey(long generation, Row row) {
    this.generation = generation;
    this.row = row;
    this.hash = row.hashCode() * 31 + Long.hashCode(generation);
  }

  Row row() {
    return row;
  }

  long generation() {
    return generation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && k.hash == hash && k.generation == generation && k.row.equals(row);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "CacheKey[generation " + generation + ", " + row + "]";
  }
}
