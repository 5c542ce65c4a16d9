package dev.mlsys.models.artifact;

/** Where a registered model version stands in its life cycle. */
public enum Stage {
  /** Registered, under evaluation; the stage of every new version. */
  STAGING,
  /** Serving; at most one version of a model is in production. */
  PRODUCTION,
  /** Retired: replaced in production, or set aside. */
  ARCHIVED
}
