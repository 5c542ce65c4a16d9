/**
 * The bridge to Tribuo: {@link dev.mlsys.models.tribuo.TribuoTrainer} (the fluent learner
 * specification behind {@link dev.mlsys.models.Trainers}), {@link dev.mlsys.models.tribuo.TribuoData}
 * (mlsys data to Tribuo datasets) and {@link dev.mlsys.models.tribuo.TribuoBagging} (Tribuo's
 * bagging, trained in parallel to the same model).
 */
package dev.mlsys.models.tribuo;
