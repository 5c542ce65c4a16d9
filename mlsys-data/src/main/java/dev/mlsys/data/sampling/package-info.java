/**
 * Sampling for training data and pipelines: streaming, seeded, mergeable, with their distribution
 * tested exactly.
 *
 * <p>Start at {@link dev.mlsys.data.sampling.Samplers}: uniform and weighted reservoirs,
 * stratified, importance, deterministic hash, simple random, Bernoulli and Poisson sampling, and
 * the non-probability methods (convenience, quota, judgment, snowball) with their bias stated.
 *
 * <p>The uniform, long, weighted, stratified and importance samplers merge exactly and write
 * their whole state to versioned bytes ({@code toBytes} / {@code fromBytes}, items through an
 * {@link dev.mlsys.data.sampling.ItemSerializer}), so partitions can be sampled on different
 * machines and combined. The hash sampler needs neither: it is a pure function of each record.
 */
package dev.mlsys.data.sampling;
