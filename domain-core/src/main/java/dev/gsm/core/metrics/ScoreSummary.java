package dev.gsm.core.metrics;

import java.util.List;

/**
 * Scores of a set of probabilistic forecasts of categorical outcomes (e.g. which side of a match
 * finishes first).
 *
 * @param n scored forecasts
 * @param logLoss mean of {@code -ln p(actual outcome)}
 * @param accuracy share of forecasts whose actual outcome got strictly the highest probability (for
 *     two outcomes: {@code p(actual) > 0.5}; exactly 0.5 counts as wrong)
 * @param brier mean squared error over every (forecast, outcome) probability; for two outcomes this
 *     is the usual binary {@code (1 - p(actual))^2}
 * @param ece expected calibration error: count-weighted mean of |mean predicted - observed| over
 *     the calibration bins
 * @param calibration equal-width bins over every (forecast, outcome) probability, so both sides of
 *     a two-sided match are counted (p and 1 - p) and the table does not depend on side order
 */
public record ScoreSummary(
    long n,
    double logLoss,
    double accuracy,
    double brier,
    double ece,
    List<CalibrationBin> calibration) {

  public ScoreSummary {
    calibration = List.copyOf(calibration);
  }
}
