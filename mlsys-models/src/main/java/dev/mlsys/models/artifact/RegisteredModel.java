package dev.mlsys.models.artifact;

import java.nio.file.Path;
import java.util.Map;

/**
 * One version of a model in a {@link ModelRegistry}.
 *
 * @param name the model's name
 * @param version the version number, from 1
 * @param stage its stage
 * @param registeredAt when it was registered, ISO-8601
 * @param metadata free-form metadata given at registration
 * @param artifact the artifact directory
 */
public record RegisteredModel(String name, int version, Stage stage, String registeredAt, Map<String, String> metadata,
    Path artifact) {

  /** Copies the metadata. */
  public RegisteredModel {
    metadata = Map.copyOf(metadata);
  }
}
