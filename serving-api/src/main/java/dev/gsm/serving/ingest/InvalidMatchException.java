package dev.gsm.serving.ingest;

import dev.gsm.schema.Violation;
import dev.gsm.serving.system.InvalidRequestException;
import java.util.List;

/** The submitted match(es) break the schema; every problem is named. */
public final class InvalidMatchException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  InvalidMatchException(List<Violation> violations) {
    super(violations);
  }

  @Override
  public String problemType() {
    return "invalid-match";
  }

  @Override
  public String title() {
    return "Invalid match";
  }

  @Override
  public String detail() {
    return violations().size() + " problem(s) with the submitted match(es); nothing was accepted";
  }
}
