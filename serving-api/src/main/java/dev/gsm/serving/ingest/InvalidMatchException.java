package dev.gsm.serving.ingest;

import dev.gsm.schema.Violation;
import java.util.List;

/** The submitted match(es) break the schema; every problem is named. */
public final class InvalidMatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  InvalidMatchException(List<Violation> violations) {
    super(violations.size() + " problem(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
