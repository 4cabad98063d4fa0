package dev.gsm.core.backtest;

import dev.gsm.core.metrics.ForecastScores;
import dev.gsm.core.metrics.ScoreSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published online protocol (Maystre, Kristof and Grossglauser, KDD 2019): matches sorted
 * stably by time; cutoff = UTC midnight of the match at index floor(0.7 N); matches before it
 * train; every match on or after it is first forecast from the current state, scored, then applied.
 */
public final class BacktestProtocol {
  /** Equal-width calibration bins used for ECE and the calibration table. */
  public static final int CALIBRATION_BINS = 10;

  private BacktestProtocol() {}

  /** Called once per processed match, for progress reporting. */
  public interface Progress {
    void matchDone();
  }

  /** The matches in stable time order (the input list is not modified). */
  public static List<BacktestMatch> sortedByTime(List<BacktestMatch> matches) {
    List<BacktestMatch> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparingLong(BacktestMatch::epochSecond));
    return sorted;
  }

  /** UTC midnight of the match at index floor(0.7 N) of the time-sorted matches. */
  public static long cutoff(List<BacktestMatch> sorted) {
    if (sorted.isEmpty()) {
      throw new IllegalArgumentException("no matches");
    }
    long t = sorted.get((int) Math.floor(0.7 * sorted.size())).epochSecond();
    return Math.floorDiv(t, 86400L) * 86400L;
  }

  /**
   * Runs every forecaster through the protocol in one pass (match by match, forecasters in the
   * given order; they do not see each other).
   */
  public static BacktestReport run(
      List<BacktestMatch> matches, List<Forecaster> forecasters, Progress progress) {
    List<BacktestMatch> sorted = sortedByTime(matches);
    return runWindow(sorted, cutoff(sorted), Long.MAX_VALUE, forecasters, progress);
  }

  /**
   * The same predict-then-update scheme on an arbitrary window of time-sorted matches: before
   * {@code cutoff} train, in {@code [cutoff, end)} forecast, score, apply; from {@code end} on
   * nothing is read. Parameter search uses it with a validation window that ends at the real
   * cutoff, so the test period is never seen.
   */
  public static BacktestReport runWindow(
      List<BacktestMatch> sorted,
      long cutoff,
      long end,
      List<Forecaster> forecasters,
      Progress progress) {
    List<ForecastScores> scores = new ArrayList<>();
    for (int f = 0; f < forecasters.size(); f++) {
      scores.add(new ForecastScores(CALIBRATION_BINS));
    }
    long trained = 0;
    long scored = 0;
    long unscored = 0;
    long selfPlay = 0;
    long seen = 0;
    for (BacktestMatch m : sorted) {
      if (m.epochSecond() >= end) {
        break;
      }
      seen++;
      if (m.epochSecond() < cutoff) {
        if (m.selfPlay()) {
          trained++;
          selfPlay++;
          progress.matchDone();
          continue;
        }
        for (Forecaster f : forecasters) {
          f.train(m);
        }
        trained++;
      } else {
        int winner = m.winnerSide();
        if (m.selfPlay() && winner >= 0) {
          double[] uniform = new double[m.sides()];
          Arrays.fill(uniform, 1.0 / m.sides());
          for (ForecastScores s : scores) {
            s.addCategorical(uniform, winner);
          }
          scored++;
          selfPlay++;
          progress.matchDone();
          continue;
        }
        for (int f = 0; f < forecasters.size(); f++) {
          Forecaster forecaster = forecasters.get(f);
          double[] p = forecaster.predict(m);
          if (winner >= 0) {
            scores.get(f).addCategorical(p, winner);
          }
          forecaster.update(m);
        }
        if (winner >= 0) {
          scored++;
        } else {
          unscored++;
        }
      }
      progress.matchDone();
    }
    Map<String, ScoreSummary> byName = new LinkedHashMap<>();
    for (int f = 0; f < forecasters.size(); f++) {
      byName.put(forecasters.get(f).name(), scores.get(f).summary());
    }
    return new BacktestReport(seen, cutoff, trained, scored, unscored, selfPlay, byName);
  }
}
