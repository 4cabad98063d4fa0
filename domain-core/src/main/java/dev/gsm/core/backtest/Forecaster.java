package dev.gsm.core.backtest;

/**
 * A rating model as the backtest protocol sees it: it learns from matches and forecasts who
 * finishes first. The protocol guarantees that {@link #predict} only ever sees the state built from
 * earlier matches.
 */
public interface Forecaster {
  /** Short name for reports. */
  String name();

  /** Learns from a match before the cutoff (no forecast is asked). */
  void train(BacktestMatch match);

  /**
   * Probability that each side finishes strictly first, from the current state only. For two sides
   * without draws the two numbers sum to 1.
   */
  double[] predict(BacktestMatch match);

  /** Learns from a match after it was forecast and scored. */
  void update(BacktestMatch match);
}
