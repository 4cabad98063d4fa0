package dev.gsm.serving.prediction;

import dev.gsm.schema.Violation;
import dev.gsm.serving.system.InvalidRequestException;
import java.util.List;

/** A prediction request that cannot be answered; every problem is named. */
public final class InvalidPredictionRequestException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  InvalidPredictionRequestException(List<Violation> violations) {
    super(violations);
  }

  @Override
  public String problemType() {
    return "invalid-prediction-request";
  }

  @Override
  public String title() {
    return "Invalid prediction request";
  }

  @Override
  public String detail() {
    return violations().size() + " problem(s) with the prediction request";
  }
}
