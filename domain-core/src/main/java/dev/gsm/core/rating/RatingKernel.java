package dev.gsm.core.rating;

/**
 * The arithmetic of one rated match, shared by every path (table, value, smoother), so that they
 * cannot drift: callers only gather states into a {@link Scratch}, call {@link #rate}, and scatter.
 *
 * <p>The model is Thurstone-Mosteller with Gaussian skills, updated by assumed-density filtering
 * (TrueSkill's moment matching). Two sides are updated exactly as TrueSkill does. More sides are
 * TrueSkill's factor graph for a free-for-all: the sides' performances in placement order, each
 * observed ahead of the next (or level with it), solved by expectation propagation over that chain.
 * Summing the updates of every pair instead (Weng and Lin 2011, "full pair") counts a battle royale
 * of twenty sides as nineteen independent results: one lucky win made a newcomer the best-rated
 * player of the season, with an uncertainty no single match can justify. A side's performance is
 * the sum of its members' performances; a side's update is shared out to members in proportion to
 * their variance.
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

    /** Sides in placement order (ties in side order): the chain of a free-for-all. */
    int[] order;

    // expectation propagation on the chain, natural parameters (precision, precision x mean):
    // the sides' performance priors and marginals, and each link's messages to its two sides
    double[] priorPi;
    double[] priorTau;
    double[] margPi;
    double[] margTau;
    double[] aheadPi;
    double[] aheadTau;
    double[] behindPi;
    double[] behindTau;

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
        order = new int[sides];
        priorPi = new double[sides];
        priorTau = new double[sides];
        margPi = new double[sides];
        margTau = new double[sides];
        aheadPi = new double[sides];
        aheadTau = new double[sides];
        behindPi = new double[sides];
        behindTau = new double[sides];
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
    if (sides == 2) {
      pair(p, s, sideStart, placements);
    } else {
      chain(p, s, sides, sideStart, placements);
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

  /** Two sides: TrueSkill's closed form, as {@code omega} (mean) and {@code delta} (variance). */
  private static void pair(RatingParameters p, Scratch s, int[] sideStart, int[] placements) {
    int a = placements[1] < placements[0] ? 1 : 0; // the side placed ahead (side 0 on a tie)
    int b = 1 - a;
    double beta2 = p.beta() * p.beta();
    int sizeA = sideStart[a + 1] - sideStart[a];
    int sizeB = sideStart[b + 1] - sideStart[b];
    double c2 = s.sideVar[a] + s.sideVar[b] + (sizeA + sizeB) * beta2;
    double c = Math.sqrt(c2);
    double t = (s.sideMu[a] - s.sideMu[b]) / c;
    double e = p.drawMargin() / c;
    boolean draw = placements[a] == placements[b];
    double v = meanCorrection(t, e, draw);
    double w = varianceCorrection(t, e, draw, v);
    s.omega[a] = s.sideVar[a] / c * v;
    s.omega[b] = -s.sideVar[b] / c * v;
    s.delta[a] = s.sideVar[a] / c2 * w;
    s.delta[b] = s.sideVar[b] / c2 * w;
  }

  /**
   * TrueSkill's {@code v}: the mean correction of a performance difference {@code t} (in units of
   * its spread) observed above the margin {@code e}, or inside it for a draw.
   */
  private static double meanCorrection(double t, double e, boolean draw) {
    return draw ? drawV(t, e) : Gaussian.pdfOverCdf(t - e);
  }

  /** TrueSkill's {@code w}: the matching variance correction, given {@code v}. */
  private static double varianceCorrection(double t, double e, boolean draw, double v) {
    return draw ? drawW(t, e, v) : v * (v + (t - e));
  }

  /** Sweeps over the chain at most; it usually settles within a few. */
  static final int CHAIN_SWEEPS = 30;

  /** A sweep that moves no side's performance mean by more than this ends the iteration. */
  static final double CHAIN_TOLERANCE = 1e-6;

  /**
   * More than two sides: expectation propagation over the chain of placements (each side's
   * performance observed ahead of, or level with, the next one's), then each side's performance
   * posterior turned into {@code omega} and {@code delta} as {@link #pair} does.
   */
  private static void chain(
      RatingParameters p, Scratch s, int sides, int[] sideStart, int[] placements) {
    double beta2 = p.beta() * p.beta();
    int[] order = s.order;
    for (int k = 0; k < sides; k++) { // insertion sort: stable, ties keep their side order
      int i = k;
      while (i > 0 && placements[order[i - 1]] > placements[k]) {
        order[i] = order[i - 1];
        i--;
      }
      order[i] = k;
    }
    for (int k = 0; k < sides; k++) {
      double perfVar = s.sideVar[k] + (sideStart[k + 1] - sideStart[k]) * beta2;
      s.priorPi[k] = 1.0 / perfVar;
      s.priorTau[k] = s.sideMu[k] / perfVar;
      s.margPi[k] = s.priorPi[k];
      s.margTau[k] = s.priorTau[k];
      s.aheadPi[k] = 0;
      s.aheadTau[k] = 0;
      s.behindPi[k] = 0;
      s.behindTau[k] = 0;
    }
    int links = sides - 1;
    for (int sweep = 0; sweep < CHAIN_SWEEPS; sweep++) {
      double moved = 0;
      for (int step = 0; step < 2 * links; step++) { // forward, then backward
        int i = step < links ? step : 2 * links - 1 - step;
        moved = Math.max(moved, link(p, s, i, order[i], order[i + 1], placements));
      }
      if (moved < CHAIN_TOLERANCE) {
        break;
      }
    }
    for (int k = 0; k < sides; k++) {
      // what the chain says of side k's performance: its marginal over its prior
      double pi = s.margPi[k] - s.priorPi[k];
      double tau = s.margTau[k] - s.priorTau[k];
      double perfVar = 1.0 / s.priorPi[k];
      if (!(pi > 0)) {
        continue;
      }
      // as a message to the side's skill sum, and as the two-side form: the posterior of the sum
      // moves by omega and shrinks its variance by the factor (1 - delta)
      double msgVar = 1.0 / pi + perfVar - s.sideVar[k];
      double msgMean = tau / pi;
      double gain = s.sideVar[k] / (s.sideVar[k] + msgVar);
      s.omega[k] = gain * (msgMean - s.sideMu[k]);
      s.delta[k] = gain;
    }
  }

  /**
   * One link of the chain: side {@code a} placed ahead of (or level with) side {@code b}. Updates
   * the link's messages and the two sides' marginals; returns how far their means moved.
   */
  private static double link(RatingParameters p, Scratch s, int i, int a, int b, int[] placements) {
    // cavities: each side's marginal without this link's message to it
    double cavAPi = s.margPi[a] - s.aheadPi[i];
    double cavATau = s.margTau[a] - s.aheadTau[i];
    double cavBPi = s.margPi[b] - s.behindPi[i];
    double cavBTau = s.margTau[b] - s.behindTau[i];
    double varA = 1.0 / cavAPi;
    double meanA = cavATau / cavAPi;
    double varB = 1.0 / cavBPi;
    double meanB = cavBTau / cavBPi;
    // the difference d = perf(a) - perf(b), then the observation d > eps (or |d| <= eps)
    double vd = varA + varB;
    double md = meanA - meanB;
    double c = Math.sqrt(vd);
    double t = md / c;
    double e = p.drawMargin() / c;
    boolean draw = placements[a] == placements[b];
    double v = meanCorrection(t, e, draw);
    // an exact tie observed: kept a hair short of certainty
    double w = Math.min(varianceCorrection(t, e, draw, v), 1.0 - 1e-9);
    double newVar = vd * (1.0 - w);
    double newMean = md + c * v;
    // the observation's message to d, in moment form (its precision is positive: w > 0)
    double obsPi = 1.0 / newVar - 1.0 / vd;
    double obsTau = newMean / newVar - md / vd;
    double obsVar = 1.0 / obsPi;
    double obsMean = obsTau / obsPi;
    // messages to the two performances: perf(a) = d + perf(b), perf(b) = perf(a) - d
    double toAVar = obsVar + varB;
    double toAMean = obsMean + meanB;
    double toBVar = varA + obsVar;
    double toBMean = meanA - obsMean;
    double oldMeanA = s.margTau[a] / s.margPi[a];
    double oldMeanB = s.margTau[b] / s.margPi[b];
    s.aheadPi[i] = 1.0 / toAVar;
    s.aheadTau[i] = toAMean / toAVar;
    s.behindPi[i] = 1.0 / toBVar;
    s.behindTau[i] = toBMean / toBVar;
    s.margPi[a] = cavAPi + s.aheadPi[i];
    s.margTau[a] = cavATau + s.aheadTau[i];
    s.margPi[b] = cavBPi + s.behindPi[i];
    s.margTau[b] = cavBTau + s.behindTau[i];
    return Math.max(
        Math.abs(s.margTau[a] / s.margPi[a] - oldMeanA),
        Math.abs(s.margTau[b] / s.margPi[b] - oldMeanB));
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
