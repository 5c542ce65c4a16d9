package dev.mlsys.api;

import java.util.List;
import java.util.Objects;

/**
 * A record broke its schema. Carries every {@link Violation} found, not only the first; the
 * message lists them (the first {@value #MESSAGE_LIMIT} in full, then a count).
 *
 * <p>Immutable and thread-safe.
 */
public class InvalidInputException extends MlsysException {
  private static final long serialVersionUID = 1L;
  static final int MESSAGE_LIMIT = 10;

  private final transient List<Violation> violations;

  /**
   * @param violations what was wrong; at least one
   * @throws IllegalArgumentException if {@code violations} is empty
   */
  public InvalidInputException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** @return every violation found, in field order; never empty */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    Objects.requireNonNull(violations, "violations");
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    StringBuilder sb = new StringBuilder();
    sb.append(violations.size() == 1 ? "invalid input: " : "invalid input (" + violations.size() + " violations): ");
    int shown = Math.min(MESSAGE_LIMIT, violations.size());
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(violations.get(i).message());
    }
    if (shown < violations.size()) {
      sb.append("; and ").append(violations.size() - shown).append(" more");
    }
    return sb.toString();
  }
}
