/**
 * Sampling for training data and pipelines: streaming, seeded, mergeable, with their distribution
 * tested exactly.
 *
 * <p>Start at {@link dev.mlsys.data.sampling.Samplers}: uniform and weighted reservoirs,
 * stratified, importance, deterministic hash, simple random, Bernoulli and Poisson sampling, and
 * the non-probability methods (convenience, quota, judgment, snowball) with their bias stated.
 */
package dev.mlsys.data.sampling;
