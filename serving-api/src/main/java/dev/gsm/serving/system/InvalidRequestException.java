package dev.gsm.serving.system;

import dev.gsm.schema.Violation;
import java.util.List;

/**
 * A request the API refuses as a whole, naming every problem in it (400, problem details with one
 * {@code errors} entry per violation). Each feature names its kind of problem.
 */
public abstract class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  protected InvalidRequestException(List<Violation> violations) {
    super(violations.size() + " problem(s): " + violations);
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** The problem type's last path segment, e.g. {@code invalid-match}. */
  public abstract String problemType();

  /** The problem's title, e.g. {@code Invalid match}. */
  public abstract String title();

  /** The problem's detail: how many problems and what became of the request. */
  public abstract String detail();
}
