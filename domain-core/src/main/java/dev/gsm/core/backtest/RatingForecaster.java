package dev.gsm.core.backtest;

import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import dev.gsm.core.rating.RatingSmoother;
import dev.gsm.core.rating.RatingTable;
import java.util.List;

/**
 * The rating engine under the backtest protocol, organised like the lambda architecture: every
 * match goes through the online filter ({@link RatingEngine}, the speed layer's arithmetic), and
 * before the first forecast of each new UTC day the "nightly batch" re-smooths the history seen so
 * far ({@link RatingSmoother}) and republishes the table, when {@code smoothingWindowDays > 0}.
 * Only matches already seen are ever used: the protocol stays predict-then-update.
 */
public final class RatingForecaster implements Forecaster {
  private final RatingParameters params;
  private final RatingEngine engine;
  private final RatingPredictor predictor;
  private final RatingTable table;
  private final RatingSmoother smoother;
  private boolean fullSmoothPending;
  private boolean unsmoothedMatches;
  private long smoothedDay = Long.MIN_VALUE;

  /**
   * @param playerIds ids of the interned player indices, in index order
   */
  public RatingForecaster(RatingParameters params, List<String> playerIds) {
    this.params = params;
    this.engine = new RatingEngine(params);
    this.predictor = new RatingPredictor(params);
    this.table = new RatingTable(params, playerIds.size());
    for (String id : playerIds) {
      table.intern(id);
    }
    this.smoother = params.smoothingWindowDays() > 0 ? new RatingSmoother(params) : null;
  }

  @Override
  public String name() {
    return "engine";
  }

  public RatingTable table() {
    return table;
  }

  @Override
  public void train(BacktestMatch m) {
    apply(m);
    fullSmoothPending = smoother != null;
  }

  @Override
  public double[] predict(BacktestMatch m) {
    nightlyBatch(Math.floorDiv(m.epochSecond(), 86400L));
    if (m.sides() == 2 && m.players().length == 2) {
      double p = predictor.winProbability(table, m.players()[0], m.players()[1], m.epochSecond());
      double q = predictor.winProbability(table, m.players()[1], m.players()[0], m.epochSecond());
      return new double[] {p, q};
    }
    return predictor.firstPlaceProbabilities(
        table, m.players(), m.sideStart(), m.sides(), m.epochSecond());
  }

  @Override
  public void update(BacktestMatch m) {
    apply(m);
  }

  private void apply(BacktestMatch m) {
    engine.rate(table, m.players(), m.sideStart(), m.placements(), m.epochSecond());
    if (smoother != null) {
      smoother.add(m.epochSecond(), m.players(), m.sideStart(), m.placements());
      unsmoothedMatches = true;
    }
  }

  private void nightlyBatch(long day) {
    if (smoother == null || !unsmoothedMatches || day <= smoothedDay) {
      return;
    }
    long from = fullSmoothPending ? Long.MIN_VALUE : (day - params.smoothingWindowDays()) * 86400L;
    smoother.smooth(from, params.smoothingIterations());
    smoother.writeTo(table, from);
    fullSmoothPending = false;
    unsmoothedMatches = false;
    smoothedDay = day;
  }
}
