/**
 * Compiled predictors: trained models turned into flat primitive arrays and tight loops for the
 * hot inference path, with outputs equal to the models' own. Start at
 * {@link dev.mlsys.models.compiled.ModelCompiler}, which gives a
 * {@link dev.mlsys.models.compiled.CompiledModel} (a {@link dev.mlsys.api.VectorPredictor}) or,
 * with a fitted {@link dev.mlsys.api.RowTransform}, a {@link dev.mlsys.api.Predictor} over rows.
 */
package dev.mlsys.models.compiled;
