package dev.gsm.core.features;

import dev.gsm.core.rating.PlayerRating;

/**
 * A player as he stood at some instant: his rating (not yet grown to the instant: the predictor
 * does that) and his recent activity, computed only from matches that ended before the instant.
 *
 * @param rating rating state after his last rated match before the instant
 * @param gamesLast7Days matches (rated or not) ended in the 7 days before the instant, capped at
 *     {@link PlayerHistory#RECENT}
 * @param hoursSinceLast hours since the end of his last match; {@code NaN} for a newcomer
 * @param form share of points in his last {@link PlayerHistory#FORM} results (win 1, draw 0.5, loss
 *     0; free-for-all by placement), shrunk toward 0.5 by two pseudo-results
 * @param lopsidedShare share of lopsided losses among his last {@link PlayerHistory#FORM} results
 * @param hourResidual his mean surprise (actual score minus the rating engine's expectation) at
 *     this UTC hour of day, minus his mean surprise overall, both shrunk: the peak-time signal
 */
public record PlayerSnapshot(
    PlayerRating rating,
    int gamesLast7Days,
    double hoursSinceLast,
    double form,
    double lopsidedShare,
    double hourResidual) {

  public boolean newcomer() {
    return Double.isNaN(hoursSinceLast);
  }
}
