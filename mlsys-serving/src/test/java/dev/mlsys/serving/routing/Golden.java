package dev.mlsys.serving.routing;

import dev.mlsys.api.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the scipy golden file made by src/test/golden/ab_test.py. */
final class Golden {
  private Golden() {}

  static JsonObject abTest() {
    try (InputStream in = Golden.class.getResourceAsStream("/golden/ab_test.json")) {
      if (in == null) {
        throw new IllegalStateException("golden/ab_test.json is missing from the test resources");
      }
      JsonObject json = JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "ab_test.json");
      json.requireFormat("mlsys-golden-ab-test", 1);
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts |actual - expected| <= rel * max(|expected|, tiny). */
  static void assertClose(double expected, double actual, double rel, String what) {
    double tolerance = rel * Math.max(Math.abs(expected), Double.MIN_NORMAL);
    if (!(Math.abs(actual - expected) <= tolerance)) {
      throw new AssertionError(what + ": expected " + expected + " but was " + actual + " (relative tolerance "
          + rel + ")");
    }
  }
}
