package dev.gsm.batch.insights;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.special.Erf;

/**
 * Where a player does better than his rating predicts, from his surprises (result score minus the
 * engine's expected score before each match) summed per cell: 48 hour cells (UTC hours of the match
 * start on Monday-Friday, then on Saturday-Sunday) and 7 day cells (ISO days).
 *
 * <p>The rule. A family of candidate windows is tried, each a set of cells:
 *
 * <ul>
 *   <li>hours: every run of 1 to {@code maxHours} consecutive hours (cyclic: 23-0 is a run) on
 *       every day, on weekdays only, or on weekends only ({@code 3 x 24 x maxHours} windows);
 *   <li>days: every run of 1 to {@code maxDays} consecutive days (cyclic: Sunday-Monday is a run).
 * </ul>
 *
 * Each surprise is first taken relative to everybody's mean surprise in its cell ({@link
 * Baseline}). Each window is then compared with the rest of the player's games by Welch's z: {@code
 * (mean surprise inside - mean surprise outside) / sqrt(var inside / n inside + var outside / n
 * outside)}, the variances from the sums of squares, floored at {@link #MIN_VARIANCE}. Comparing
 * with his own other games, not with zero, removes whatever bias his rating has overall. The window
 * with the largest z is reported when its one-sided p-value, Bonferroni-corrected for the size of
 * its family, is at most {@code alpha}; its confidence is one minus that corrected p-value (at
 * least {@code 1 - alpha} when reported, 0 when nothing is). Windows with fewer than {@code
 * minGames} games inside or outside are not tried: the normal approximation needs them.
 *
 * <p>Peak days: an hour window found on weekends only gives days 6 and 7, on weekdays only days 1-5
 * (with the hour window's confidence); an hour window on every day leaves the days to the day
 * family.
 */
final class PeakTimes {

  /** Floor of a per-game surprise variance: a tenth of a coin flip's 0.25. */
  static final double MIN_VARIANCE = 0.025;

  static final int HOUR_CELLS = 48;
  static final int DAY_CELLS = 7;

  /** Which days an hour window covers. */
  enum DaySet {
    EVERY_DAY(new int[0]),
    WEEKDAYS(new int[] {1, 2, 3, 4, 5}),
    WEEKENDS(new int[] {6, 7});

    /** The ISO days it stands for as peak days; none for every day. */
    final int[] isoDays;

    DaySet(int[] isoDays) {
      this.isoDays = isoDays;
    }
  }

  /**
   * A candidate window.
   *
   * @param cells the cells it sums
   * @param units what it reports: UTC hours 0-23, or ISO days 1-7, ascending
   */
  record Window(int[] cells, int[] units, DaySet days) {}

  /** A window found ({@code window} null and confidence 0 when none is). */
  record Peak(Window window, double confidence, double z) {
    static final Peak NONE = new Peak(null, 0.0, 0.0);
  }

  /**
   * Every player's mean surprise per cell: what the rating misses at that hour or day for everybody
   * (who plays then, whom they meet). A player's cells are measured against it, so a peak is his
   * own, not the hour's: when many players peak in one region's evening, the others who play then
   * meet them and look worse, which would otherwise make every other hour look like their peak.
   */
  record Baseline(double[] hourMean, double[] dayMean) implements java.io.Serializable {}

  /** What {@link #find} reports for one player. */
  record Found(int[] hours, double hoursConfidence, int[] days, double daysConfidence) {}

  private static final java.util.Map<Integer, List<Window>> HOUR_FAMILIES =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Integer, List<Window>> DAY_FAMILIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private PeakTimes() {}

  static Found find(
      int[] hourGames,
      float[] hourSurprise,
      float[] hourSquares,
      int[] dayGames,
      float[] daySurprise,
      float[] daySquares,
      Baseline baseline,
      PlayerInsights.Options o) {
    double[][] h = adjusted(hourGames, hourSurprise, hourSquares, baseline.hourMean());
    double[][] d = adjusted(dayGames, daySurprise, daySquares, baseline.dayMean());
    Peak hours =
        best(
            hourGames,
            h[0],
            h[1],
            HOUR_FAMILIES.computeIfAbsent(o.maxHourWindow(), PeakTimes::hourWindows),
            o.alpha(),
            o.minCellGames());
    if (hours.window() != null && hours.window().days() != DaySet.EVERY_DAY) {
      return new Found(
          hours.window().units(),
          hours.confidence(),
          hours.window().days().isoDays,
          hours.confidence());
    }
    Peak days =
        best(
            dayGames,
            d[0],
            d[1],
            DAY_FAMILIES.computeIfAbsent(o.maxDayWindow(), PeakTimes::dayWindows),
            o.alpha(),
            o.minCellGames());
    return new Found(
        hours.window() == null ? new int[0] : hours.window().units(),
        hours.confidence(),
        days.window() == null ? new int[0] : days.window().units(),
        days.confidence());
  }

  /** Sums and sums of squares of {@code surprise - mean} per cell. */
  static double[][] adjusted(int[] games, float[] surprise, float[] squares, double[] mean) {
    double[] s = new double[games.length];
    double[] q = new double[games.length];
    for (int c = 0; c < games.length; c++) {
      s[c] = surprise[c] - games[c] * mean[c];
      q[c] = squares[c] - 2 * mean[c] * surprise[c] + games[c] * mean[c] * mean[c];
    }
    return new double[][] {s, q};
  }

  /** The best window of a family, if significant. */
  static Peak best(
      int[] games,
      double[] surprise,
      double[] squares,
      List<Window> family,
      double alpha,
      int minGames) {
    long n = 0;
    double s = 0;
    double q = 0;
    for (int c = 0; c < games.length; c++) {
      n += games[c];
      s += surprise[c];
      q += squares[c];
    }
    double bestZ = Double.NEGATIVE_INFINITY;
    Window best = null;
    for (Window w : family) {
      long nIn = 0;
      double sIn = 0;
      double qIn = 0;
      for (int c : w.cells()) {
        nIn += games[c];
        sIn += surprise[c];
        qIn += squares[c];
      }
      long nOut = n - nIn;
      if (nIn < minGames || nOut < minGames) {
        continue;
      }
      double z = welch(nIn, sIn, qIn, nOut, s - sIn, q - qIn);
      if (z > bestZ) {
        bestZ = z;
        best = w;
      }
    }
    if (best == null) {
      return Peak.NONE;
    }
    double corrected = Math.min(1.0, family.size() * upperTail(bestZ));
    return corrected > alpha ? Peak.NONE : new Peak(best, 1.0 - corrected, bestZ);
  }

  static List<Window> hourWindows(int maxLength) {
    List<Window> out = new ArrayList<>();
    for (DaySet d : DaySet.values()) {
      for (int length = 1; length <= maxLength; length++) {
        for (int start = 0; start < 24; start++) {
          int[] hours = run(start, length, 24, 0);
          int[] cells =
              switch (d) {
                case WEEKDAYS -> hours.clone();
                case WEEKENDS -> run(start, length, 24, 24);
                case EVERY_DAY -> concat(hours, run(start, length, 24, 24));
              };
          out.add(new Window(cells, sorted(hours), d));
        }
      }
    }
    return out;
  }

  static List<Window> dayWindows(int maxLength) {
    List<Window> out = new ArrayList<>();
    for (int length = 1; length <= maxLength; length++) {
      for (int start = 0; start < DAY_CELLS; start++) {
        int[] cells = run(start, length, DAY_CELLS, 0);
        int[] iso = new int[length];
        for (int k = 0; k < length; k++) {
          iso[k] = cells[k] + 1;
        }
        out.add(new Window(cells, sorted(iso), DaySet.EVERY_DAY));
      }
    }
    return out;
  }

  static double welch(long nIn, double sIn, double qIn, long nOut, double sOut, double qOut) {
    double meanIn = sIn / nIn;
    double meanOut = sOut / nOut;
    double varIn = Math.max(MIN_VARIANCE, (qIn - sIn * meanIn) / Math.max(1, nIn - 1));
    double varOut = Math.max(MIN_VARIANCE, (qOut - sOut * meanOut) / Math.max(1, nOut - 1));
    return (meanIn - meanOut) / Math.sqrt(varIn / nIn + varOut / nOut);
  }

  /** P(Z > z) for a standard normal Z, accurate far into the tail. */
  static double upperTail(double z) {
    return 0.5 * Erf.erfc(z / Math.sqrt(2.0));
  }

  private static int[] run(int start, int length, int modulo, int offset) {
    int[] out = new int[length];
    for (int k = 0; k < length; k++) {
      out[k] = offset + (start + k) % modulo;
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] sorted(int[] a) {
    int[] out = a.clone();
    java.util.Arrays.sort(out);
    return out;
  }
}
