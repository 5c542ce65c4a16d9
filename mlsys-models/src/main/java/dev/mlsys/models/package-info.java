/**
 * Training and trained models. Start at {@link dev.mlsys.models.Trainers} (Tribuo learners) and
 * {@link dev.mlsys.models.Baselines}; both give {@link dev.mlsys.models.ModelTrainer}s that fit
 * {@link dev.mlsys.models.LabeledData} into a {@link dev.mlsys.models.TrainedModel}, the closed
 * set of model kinds (Tribuo model, baseline, ensemble, stacking) that artifacts store and
 * serving predicts with. Training data comes from a data-module {@code Table} and a fitted
 * {@code FeaturePipeline} ({@link dev.mlsys.models.LabeledData#fromTable}), from validated rows,
 * or from plain arrays. {@link dev.mlsys.models.Parallel} runs independent fits (ensemble
 * members, folds, search trials) on several threads with results in task order. Ensembles are
 * built in {@link dev.mlsys.models.ensemble}, models
 * are chosen in {@link dev.mlsys.models.selection} and stored in
 * {@link dev.mlsys.models.artifact}.
 */
package dev.mlsys.models;
