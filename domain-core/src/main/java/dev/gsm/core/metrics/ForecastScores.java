package dev.gsm.core.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates log-loss, accuracy, Brier score and calibration of probabilistic forecasts, one
 * forecast at a time, in a fixed order (sequential sums: the same forecasts in the same order give
 * the same bits). Reusable by any forecaster: the rating backtest, the ML training pipeline.
 */
public final class ForecastScores {
  /**
   * Probabilities are clamped to this floor before the log so one sure-but-wrong forecast is
   * finite.
   */
  public static final double MIN_PROBABILITY = 1e-15;

  private final int bins;
  private final long[] binCount;
  private final double[] binPredicted;
  private final double[] binObserved;
  private long n;
  private long correct;
  private double logLossSum;
  private double brierSum;
  private long brierTerms;

  /**
   * @param bins number of equal-width calibration bins over [0, 1]
   */
  public ForecastScores(int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, was " + bins);
    }
    this.bins = bins;
    binCount = new long[bins];
    binPredicted = new double[bins];
    binObserved = new double[bins];
  }

  /**
   * A binary event forecast: {@code p} was the probability of the event, which did or did not
   * happen.
   */
  public void addBinary(double p, boolean happened) {
    check(p);
    double pActual = happened ? p : 1.0 - p;
    logLossSum -= Math.log(Math.max(pActual, MIN_PROBABILITY));
    if (pActual > 0.5) {
      correct++;
    }
    double miss = 1.0 - pActual;
    brierSum += miss * miss;
    brierTerms++;
    bin(p, happened);
    bin(1.0 - p, !happened);
    n++;
  }

  /**
   * A categorical forecast: {@code probabilities[i]} for each possible outcome (summing to at most
   * 1), {@code actual} the one that happened.
   */
  public void addCategorical(double[] probabilities, int actual) {
    if (actual < 0 || actual >= probabilities.length) {
      throw new IllegalArgumentException(
          "actual outcome " + actual + " of " + probabilities.length);
    }
    if (probabilities.length == 2) {
      addBinary(probabilities[actual], true);
      return;
    }
    double pActual = probabilities[actual];
    boolean best = true;
    double sq = 0;
    for (int i = 0; i < probabilities.length; i++) {
      double p = probabilities[i];
      check(p);
      if (i != actual && p >= pActual) {
        best = false;
      }
      double o = i == actual ? 1.0 : 0.0;
      sq += (p - o) * (p - o);
      bin(p, i == actual);
    }
    logLossSum -= Math.log(Math.max(pActual, MIN_PROBABILITY));
    if (best) {
      correct++;
    }
    brierSum += sq / probabilities.length;
    brierTerms++;
    n++;
  }

  /**
   * Area under the ROC curve of binary forecasts (needs every forecast at once, unlike the running
   * scores above); see {@link RocCurve}.
   */
  public static double auc(double[] p, boolean[] happened) {
    return RocCurve.of(p, happened).auc();
  }

  public long count() {
    return n;
  }

  public ScoreSummary summary() {
    List<CalibrationBin> table = new ArrayList<>(bins);
    long total = 0;
    for (long c : binCount) {
      total += c;
    }
    double ece = 0;
    for (int b = 0; b < bins; b++) {
      long c = binCount[b];
      double mean = c == 0 ? Double.NaN : binPredicted[b] / c;
      double obs = c == 0 ? Double.NaN : binObserved[b] / c;
      if (c > 0) {
        ece += (double) c / total * Math.abs(mean - obs);
      }
      table.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, c, mean, obs));
    }
    return new ScoreSummary(
        n,
        n == 0 ? Double.NaN : logLossSum / n,
        n == 0 ? Double.NaN : (double) correct / n,
        brierTerms == 0 ? Double.NaN : brierSum / brierTerms,
        total == 0 ? Double.NaN : ece,
        table);
  }

  private void bin(double p, boolean happened) {
    int b = Math.min((int) (p * bins), bins - 1);
    binCount[b]++;
    binPredicted[b] += p;
    if (happened) {
      binObserved[b] += 1.0;
    }
  }

  private static void check(double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
    }
  }
}
