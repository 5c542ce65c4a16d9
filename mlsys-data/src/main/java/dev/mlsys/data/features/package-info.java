/**
 * Feature pipelines with train/serve consistency: fitted once on training data (rows or a
 * {@link dev.mlsys.data.Table}), applied unchanged (and saved as versioned JSON) at serving time,
 * with bit-identical results on both paths.
 *
 * <p>Start at {@link dev.mlsys.data.features.FeaturePipeline#builder()} with
 * {@link dev.mlsys.data.features.Feature} specifications: numeric features with
 * {@link dev.mlsys.data.features.Imputation}, log transforms, scaling and bucketing;
 * categorical features and crosses encoded one-hot, ordinal (each with an explicit
 * {@link dev.mlsys.data.features.Unseen} policy) or by the hashing trick.
 */
package dev.mlsys.data.features;
