package dev.gsm.core.rating;

import java.util.List;

/**
 * Predictions from current states, uncertainty included: a side's performance is Gaussian with mean
 * the sum of its members' mu and variance the sum of their (time-grown) variances plus {@code
 * beta^2} per member, so a side with uncertain members gets a flatter prediction. Thread-safe.
 */
public final class RatingPredictor {
  private static final int GRID = 256;
  private static final double GRID_HALF_WIDTH = 8.0;

  private final RatingParameters params;

  public RatingPredictor(RatingParameters params) {
    this.params = params;
  }

  /** Probability that {@code a} beats {@code b} (not a draw) in a match at {@code now}. */
  public double winProbability(PlayerRating a, PlayerRating b, long now) {
    return winProbability(List.of(a), List.of(b), now);
  }

  /** Probability that team {@code a} beats team {@code b} (not a draw). */
  public double winProbability(List<PlayerRating> a, List<PlayerRating> b, long now) {
    return outcomeProbabilities(a, b, now)[0];
  }

  /** {win, draw, loss} probabilities of side {@code a} against side {@code b}; they sum to 1. */
  public double[] outcomeProbabilities(List<PlayerRating> a, List<PlayerRating> b, long now) {
    double[] sa = sidePerformance(a, now);
    double[] sb = sidePerformance(b, now);
    return outcome(sa[0] - sb[0], sa[1] + sb[1]);
  }

  /** Table form of {@link #winProbability(PlayerRating, PlayerRating, long)}; no allocation. */
  public double winProbability(RatingTable t, int a, int b, long now) {
    double va = RatingKernel.varianceAt(params, t.sigmaAt(a), t.lastActiveAt(a), t.gamesAt(a), now);
    double vb = RatingKernel.varianceAt(params, t.sigmaAt(b), t.lastActiveAt(b), t.gamesAt(b), now);
    double beta2 = params.beta() * params.beta();
    double c = Math.sqrt(va + vb + 2 * beta2);
    return Gaussian.cdf((t.muAt(a) - t.muAt(b) - params.drawMargin()) / c);
  }

  /**
   * Probability that each side finishes strictly first; with a draw margin the remainder is the
   * chance of a shared first place (two sides only: the draw probability).
   */
  public double[] firstPlaceProbabilities(List<List<PlayerRating>> sides, long now) {
    int n = sides.size();
    double[] mean = new double[n];
    double[] var = new double[n];
    for (int k = 0; k < n; k++) {
      double[] perf = sidePerformance(sides.get(k), now);
      mean[k] = perf[0];
      var[k] = perf[1];
    }
    return firstPlace(mean, var);
  }

  /** Table form of {@link #firstPlaceProbabilities(List, long)}. */
  public double[] firstPlaceProbabilities(RatingTable t, int[][] sides, long now) {
    int[] start = new int[sides.length + 1];
    for (int k = 0; k < sides.length; k++) {
      start[k + 1] = start[k] + sides[k].length;
    }
    int[] flat = new int[start[sides.length]];
    for (int k = 0; k < sides.length; k++) {
      System.arraycopy(sides[k], 0, flat, start[k], sides[k].length);
    }
    return firstPlaceProbabilities(t, flat, start, sides.length, now);
  }

  /**
   * Flat table form (the shape of {@link RatingEngine#rate(RatingTable, int[], int[], int[],
   * long)}).
   */
  public double[] firstPlaceProbabilities(
      RatingTable t, int[] players, int[] sideStart, int sides, long now) {
    double[] mean = new double[sides];
    double[] var = new double[sides];
    double beta2 = params.beta() * params.beta();
    for (int k = 0; k < sides; k++) {
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        int i = players[j];
        mean[k] += t.muAt(i);
        var[k] +=
            RatingKernel.varianceAt(params, t.sigmaAt(i), t.lastActiveAt(i), t.gamesAt(i), now)
                + beta2;
      }
    }
    return firstPlace(mean, var);
  }

  /** {@code [i][j]}: probability that side i beats side j (not a draw). */
  public double[][] pairwiseWinProbabilities(List<List<PlayerRating>> sides, long now) {
    int n = sides.size();
    double[][] perf = new double[n][];
    for (int k = 0; k < n; k++) {
      perf[k] = sidePerformance(sides.get(k), now);
    }
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        // j's win is i's loss, bit for bit: b - a is -(a - b) and a + b is b + a in IEEE
        // arithmetic, so one outcome per pair gives both (each costs two Phi, i.e. two exp)
        double[] o = outcome(perf[i][0] - perf[j][0], perf[i][1] + perf[j][1]);
        p[i][j] = o[0];
        p[j][i] = o[2];
      }
    }
    return p;
  }

  /**
   * Match quality in (0, 1], TrueSkill's draw-probability quality {@code sqrt(c0^2/c^2)
   * exp(-d^2/(2c^2))} for two sides (1 for equal, certain sides); for more sides the mean over all
   * pairs of sides.
   */
  public double matchQuality(List<List<PlayerRating>> sides, long now) {
    int n = sides.size();
    if (n < 2) {
      throw new IllegalArgumentException("a match needs at least 2 sides, got " + n);
    }
    double beta2 = params.beta() * params.beta();
    // each side's performance once, not once per pair (a 20-side match has 190 pairs)
    double[][] perf = new double[n][];
    for (int k = 0; k < n; k++) {
      perf[k] = sidePerformance(sides.get(k), now);
    }
    double sum = 0;
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      double[] a = perf[i];
      for (int j = i + 1; j < n; j++) {
        double[] b = perf[j];
        double c0 = (sides.get(i).size() + sides.get(j).size()) * beta2;
        double c2 = a[1] + b[1];
        double d = a[0] - b[0];
        sum += Math.sqrt(c0 / c2) * StrictMath.exp(-d * d / (2 * c2));
        pairs++;
      }
    }
    return sum / pairs;
  }

  /** The simple fairness of a two-sided win probability: 1 for a coin flip, 0 for a sure thing. */
  public static double fairness(double winProbability) {
    return 1.0 - Math.abs(2.0 * winProbability - 1.0);
  }

  /** {mean, variance} of a side's performance at {@code now}. */
  private double[] sidePerformance(List<PlayerRating> side, long now) {
    if (side.isEmpty()) {
      throw new IllegalArgumentException("a side needs at least one player");
    }
    double beta2 = params.beta() * params.beta();
    double m = 0;
    double v = 0;
    for (PlayerRating r : side) {
      m += r.mu();
      v +=
          RatingKernel.varianceAt(params, r.sigma(), r.lastActiveEpochSecond(), r.games(), now)
              + beta2;
    }
    return new double[] {m, v};
  }

  private double[] outcome(double diff, double var) {
    double c = Math.sqrt(var);
    double e = params.drawMargin();
    double win = Gaussian.cdf((diff - e) / c);
    double loss = Gaussian.cdf((-diff - e) / c);
    return new double[] {win, Math.max(0.0, 1.0 - win - loss), loss};
  }

  private double[] firstPlace(double[] mean, double[] var) {
    int n = mean.length;
    if (n < 2) {
      throw new IllegalArgumentException("a match needs at least 2 sides, got " + n);
    }
    if (n == 2) {
      double[] o = outcome(mean[0] - mean[1], var[0] + var[1]);
      return new double[] {o[0], o[2]};
    }
    // P(i first) = integral of side i's density times P(every other side below), on a fixed grid
    // (deterministic; about 1e-6 absolute error), then normalised.
    double[] p = new double[n];
    double[] sd = new double[n];
    for (int k = 0; k < n; k++) {
      sd[k] = Math.sqrt(var[k]);
    }
    double h = 2 * GRID_HALF_WIDTH / GRID;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double acc = 0;
      for (int g = 0; g <= GRID; g++) {
        double z = -GRID_HALF_WIDTH + g * h;
        double x = mean[i] + sd[i] * z;
        double prod = Gaussian.pdf(z);
        for (int j = 0; j < n && prod > 0; j++) {
          if (j != i) {
            prod *= Gaussian.cdf((x - mean[j]) / sd[j]);
          }
        }
        acc += (g == 0 || g == GRID ? 0.5 : 1.0) * prod;
      }
      p[i] = acc * h;
      total += p[i];
    }
    for (int i = 0; i < n; i++) {
      p[i] /= total;
    }
    return p;
  }
}
