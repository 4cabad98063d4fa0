package dev.gsm.serving.prediction;

import dev.gsm.schema.Violation;
import java.util.List;

/** A prediction request that cannot be answered; every problem is named. */
public final class InvalidPredictionRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  InvalidPredictionRequestException(List<Violation> violations) {
    super(violations.size() + " problem(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }
}
