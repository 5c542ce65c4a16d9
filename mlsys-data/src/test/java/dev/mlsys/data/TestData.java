package dev.mlsys.data;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The real data sets copied into the test resources (see src/test/resources/data). */
public final class TestData {
  private TestData() {}

  /**
   * @param name a file name such as "income.csv"
   * @return its path
   */
  public static Path path(String name) {
    try {
      return Path.of(TestData.class.getResource("/data/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource data/" + name, e);
    }
  }
}
