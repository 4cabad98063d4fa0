package dev.gsm.core.rating;

/**
 * The arithmetic of one rated match, shared by every path (table, value, smoother), so that they
 * cannot drift: callers only gather states into a {@link Scratch}, call {@link #rate}, and scatter.
 *
 * <p>The model is Thurstone-Mosteller with Gaussian skills, updated by assumed-density filtering
 * (TrueSkill's moment matching). Two sides are updated exactly as TrueSkill does; more sides are
 * decomposed into all pairs and the pair updates summed (Weng and Lin 2011, "full pair"). A side's
 * performance is the sum of its members' performances; a side's update is shared out to members in
 * proportion to their variance.
 */
final class RatingKernel {
  private RatingKernel() {}

  /** Work arrays for one match. Not thread-safe; grows when a match is larger than any before. */
  static final class Scratch {
    double[] mu;
    double[] sigma;
    long[] lastActive;
    int[] games;

    /** Variance after the time-away growth, before the match: the prior of the match. */
    double[] var;

    double[] sideMu;
    double[] sideVar;
    double[] omega;
    double[] delta;

    Scratch(int players, int sides) {
      ensure(players, sides);
    }

    void ensure(int players, int sides) {
      if (mu == null || mu.length < players) {
        mu = new double[players];
        sigma = new double[players];
        lastActive = new long[players];
        games = new int[players];
        var = new double[players];
      }
      if (sideMu == null || sideMu.length < sides) {
        sideMu = new double[sides];
        sideVar = new double[sides];
        omega = new double[sides];
        delta = new double[sides];
      }
    }
  }

  /**
   * Variance of a player's skill at {@code now}, given their posterior variance at their last
   * match: grows linearly with the days away and by one game's drift, never above {@code
   * maxSigma^2} (a variance already above the cap is kept). A player who never played keeps the
   * prior.
   */
  static double varianceAt(
      RatingParameters p, double sigma, long lastActiveEpochSecond, int games, long now) {
    if (games == 0) {
      return sigma * sigma;
    }
    return grownVariance(p, sigma * sigma, lastActiveEpochSecond, now);
  }

  /** Variance {@code var} at {@code lastActive} grown to {@code now} (for a player who played). */
  static double grownVariance(RatingParameters p, double var, long lastActive, long now) {
    double cap = p.maxSigma() * p.maxSigma();
    if (var >= cap) {
      return var;
    }
    double days = Math.max(0L, now - lastActive) / 86400.0;
    double grown = var + p.tauPerDay() * p.tauPerDay() * days + p.tauPerGame() * p.tauPerGame();
    return Math.min(grown, cap);
  }

  /**
   * Last-active time after a match at {@code now}; a late (out-of-order) match never moves it back.
   */
  static long lastActiveAfter(long lastActive, int games, long now) {
    return games == 0 ? now : Math.max(lastActive, now);
  }

  /**
   * Fills {@code s.var} with every participant's prior variance at {@code now} and rates the match:
   * on return {@code s.mu} and {@code s.sigma} hold the posteriors. Participants of side {@code k}
   * are slots {@code sideStart[k] .. sideStart[k + 1] - 1}.
   */
  static void rate(
      RatingParameters p, Scratch s, int sides, int[] sideStart, int[] placements, long now) {
    for (int j = 0, n = sideStart[sides]; j < n; j++) {
      s.var[j] = varianceAt(p, s.sigma[j], s.lastActive[j], s.games[j], now);
    }
    updateWithPriorVariances(p, s, sides, sideStart, placements);
  }

  /**
   * The match update alone: {@code s.mu} and {@code s.var} are the priors (no time dynamics);
   * writes posteriors to {@code s.mu}, {@code s.var} and {@code s.sigma}.
   */
  static void updateWithPriorVariances(
      RatingParameters p, Scratch s, int sides, int[] sideStart, int[] placements) {
    double beta2 = p.beta() * p.beta();
    for (int k = 0; k < sides; k++) {
      double m = 0;
      double v = 0;
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        m += s.mu[j];
        v += s.var[j];
      }
      s.sideMu[k] = m;
      s.sideVar[k] = v;
      s.omega[k] = 0;
      s.delta[k] = 0;
    }
    double eps = p.drawMargin();
    for (int a = 0; a < sides; a++) {
      int sizeA = sideStart[a + 1] - sideStart[a];
      for (int b = a + 1; b < sides; b++) {
        int sizeB = sideStart[b + 1] - sideStart[b];
        double c2 = s.sideVar[a] + s.sideVar[b] + (sizeA + sizeB) * beta2;
        double c = Math.sqrt(c2);
        double t = (s.sideMu[a] - s.sideMu[b]) / c;
        double e = eps / c;
        double vA;
        double w;
        if (placements[a] == placements[b]) {
          vA = drawV(t, e);
          w = drawW(t, e, vA);
        } else if (placements[a] < placements[b]) {
          double x = t - e;
          vA = Gaussian.pdfOverCdf(x);
          w = vA * (vA + x);
        } else {
          double x = -t - e;
          double vB = Gaussian.pdfOverCdf(x);
          w = vB * (vB + x);
          vA = -vB;
        }
        s.omega[a] += s.sideVar[a] / c * vA;
        s.omega[b] -= s.sideVar[b] / c * vA;
        s.delta[a] += s.sideVar[a] / c2 * w;
        s.delta[b] += s.sideVar[b] / c2 * w;
      }
    }
    double kappa = p.minVarianceFactor();
    for (int k = 0; k < sides; k++) {
      double sideVar = s.sideVar[k];
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        double share = s.var[j] / sideVar;
        s.mu[j] += share * s.omega[k];
        double v = s.var[j] * Math.max(1.0 - share * s.delta[k], kappa);
        s.var[j] = v;
        s.sigma[j] = Math.sqrt(v);
      }
    }
  }

  /** Mean correction of a draw: performance difference observed inside [-e, e]. */
  private static double drawV(double t, double e) {
    if (e > 0) {
      double den = Gaussian.cdf(e - t) - Gaussian.cdf(-e - t);
      if (den > 1e-12) {
        return (Gaussian.pdf(-e - t) - Gaussian.pdf(e - t)) / den;
      }
    }
    // The limit of an exact observation of a zero difference.
    return -t;
  }

  private static double drawW(double t, double e, double v) {
    if (e > 0) {
      double den = Gaussian.cdf(e - t) - Gaussian.cdf(-e - t);
      if (den > 1e-12) {
        double w = v * v + ((e - t) * Gaussian.pdf(e - t) + (e + t) * Gaussian.pdf(-e - t)) / den;
        return Math.min(Math.max(w, 0.0), 1.0);
      }
    }
    return 1.0;
  }
}
