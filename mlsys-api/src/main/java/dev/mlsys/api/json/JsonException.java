package dev.mlsys.api.json;

import dev.mlsys.api.MlsysException;

/** JSON text that cannot be read: the message names the line, column and what was expected. */
public class JsonException extends MlsysException {
  private static final long serialVersionUID = 1L;

  /** @param message where and what */
  public JsonException(String message) {
    super(message);
  }
}
