/**
 * Ensembles over any {@link dev.mlsys.models.ModelTrainer}: bagging with an out-of-bag
 * estimate, AdaBoost SAMME / SAMME.R, stacking on out-of-fold predictions, and weighted voting.
 * Entry point: {@link dev.mlsys.models.ensemble.Ensembles}.
 */
package dev.mlsys.models.ensemble;
