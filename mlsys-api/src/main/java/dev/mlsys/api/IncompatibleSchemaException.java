package dev.mlsys.api;

/**
 * Two things that must share a schema do not: a model trained on other fields than the service
 * serves, a pipeline fitted on another table, a drift reference with other columns. The message
 * names the first difference.
 */
public class IncompatibleSchemaException extends MlsysException {
  private static final long serialVersionUID = 1L;

  /** @param message the first difference between the expected and the actual schema */
  public IncompatibleSchemaException(String message) {
    super(message);
  }
}
