package dev.mlsys.serving;

import dev.mlsys.api.Row;

/**
 * A cache key: the canonical row (validated values in schema order, label removed) and the
 * generation of the version that answers. It keeps the row's boxed values rather than packing
 * them into a primitive array. Measured (serving section of benchmarks/README.md): a packed
 * {@code long[]} key builds and compares about twice as fast for a row seen for the first time,
 * but costs a copy and an allocation on every hit, which made hits on a row served again several
 * times slower; the row key computes its hash once per row (the row caches it) and compares an
 * identical row by reference.
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
