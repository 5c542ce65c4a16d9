/**
 * Verified model artifacts and the file-system model registry. Entry points:
 * {@link dev.mlsys.models.artifact.Artifacts} (save, verify, load) and
 * {@link dev.mlsys.models.artifact.ModelRegistry}.
 */
package dev.mlsys.models.artifact;
