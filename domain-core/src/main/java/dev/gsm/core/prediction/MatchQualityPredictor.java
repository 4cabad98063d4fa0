package dev.gsm.core.prediction;

import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.features.PlayerSnapshot;
import dev.gsm.core.rating.RatingPredictor;
import java.util.List;

/**
 * Match quality for the serving API and matchmaking: the calibrated win probability of the win
 * model, the fairness that follows from it, and the engagement model's probability that each player
 * plays again soon after this match. Pure Java; thread-safe.
 */
public final class MatchQualityPredictor {

  /**
   * @param winProbability calibrated probability that side A beats side B
   * @param fairness {@link RatingPredictor#fairness(double)} of it: 1 for a coin flip
   * @param engagement per side, per player: probability of playing again within the window
   * @param quality fairness times the mean engagement: the matchmaking objective
   */
  public record Prediction(
      double winProbability,
      double fairness,
      double engineWinProbability,
      double[][] engagement,
      double quality) {}

  private final MatchFeatures features;
  private final ProbabilityModel win;
  private final ProbabilityModel engagement;

  /**
   * @param win the win model, or {@code null}: the rating engine's probabilities
   * @param engagement the engagement model, or {@code null}: no engagement
   */
  public MatchQualityPredictor(
      RatingPredictor predictor, ProbabilityModel win, ProbabilityModel engagement) {
    this.features = new MatchFeatures(predictor);
    this.win = win == null ? null : check(win, MatchFeatures.WIN_FEATURES);
    this.engagement =
        engagement == null ? null : check(engagement, MatchFeatures.ENGAGEMENT_FEATURES);
  }

  private static ProbabilityModel check(ProbabilityModel m, List<String> expected) {
    if (!m.features().equals(expected)) {
      throw new IllegalArgumentException(
          "model "
              + m.name()
              + " was trained on "
              + m.features()
              + ", this code computes "
              + expected);
    }
    return m;
  }

  /** Whether a trained win model is loaded (else win probabilities are the rating engine's). */
  public boolean hasWinModel() {
    return win != null;
  }

  /** Whether a trained engagement model is loaded. */
  public boolean hasEngagementModel() {
    return engagement != null;
  }

  /**
   * Any match: two players, two teams, or N free-for-all sides.
   *
   * @param winProbability per side, the probability that it finishes first: with two sides and a
   *     win model the model's calibrated probability (B = 1 - A), else the rating engine's
   *     first-place probabilities (with two sides, the draw is left out: they sum to less than 1)
   * @param engineWinProbability per side, the rating engine's first-place probability
   * @param fairness two sides: {@link RatingPredictor#fairness(double)} of A's win probability;
   *     more: the entropy of the first-place probabilities over its maximum, {@code log N}; 1 for a
   *     match any side can win equally, 0 for a sure thing
   * @param skillCompatibility the rating engine's match quality ({@link
   *     RatingPredictor#matchQuality}): how close and how certain the skills are
   * @param engagement per side, per player: the probability of playing again within the model's
   *     window; {@code null} without an engagement model
   * @param quality fairness times the mean engagement (fairness alone without engagement)
   */
  public record MatchOutlook(
      double[] winProbability,
      double[] engineWinProbability,
      double fairness,
      double skillCompatibility,
      double[][] engagement,
      double quality) {}

  /** The outlook of a match between {@code sides}, each player as he stands at {@code now}. */
  public MatchOutlook outlook(List<List<PlayerSnapshot>> sides, boolean ranked, long now) {
    int n = sides.size();
    if (n < 2) {
      throw new IllegalArgumentException("a match needs at least 2 sides, got " + n);
    }
    List<List<dev.gsm.core.rating.PlayerRating>> ratings = new java.util.ArrayList<>(n);
    for (List<PlayerSnapshot> side : sides) {
      if (side.isEmpty()) {
        throw new IllegalArgumentException("a side needs at least one player");
      }
      List<dev.gsm.core.rating.PlayerRating> r = new java.util.ArrayList<>(side.size());
      for (PlayerSnapshot p : side) {
        r.add(p.rating());
      }
      ratings.add(r);
    }
    RatingPredictor engine = features.predictor();
    double[] first = engine.firstPlaceProbabilities(ratings, now);
    double[] winP;
    double fairness;
    if (n == 2) {
      double a =
          win != null
              ? win.predict(features.win(sides.get(0), sides.get(1), now))
              : engine.winProbability(ratings.get(0), ratings.get(1), now);
      winP = win != null ? new double[] {a, 1 - a} : first.clone();
      fairness = RatingPredictor.fairness(a);
    } else {
      winP = first.clone();
      double h = 0;
      double total = 0;
      for (double q : first) {
        total += q;
      }
      for (double q : first) {
        double share = q / total;
        h -= share > 0 ? share * Math.log(share) : 0.0;
      }
      fairness = h / Math.log(n);
    }
    double[][] eng = null;
    double quality = fairness;
    if (engagement != null) {
      MatchFeatures.MatchOutlook o = features.outlook(sides, now);
      int count = 0;
      for (List<PlayerSnapshot> side : sides) {
        count += side.size();
      }
      double[][] xs = new double[count][];
      int row = 0;
      for (int s = 0; s < n; s++) {
        List<PlayerSnapshot> side = sides.get(s);
        for (PlayerSnapshot p : side) {
          xs[row++] = features.engagement(p, s, n, side.size(), o, ranked);
        }
      }
      double[] ps = engagement.predictAll(xs);
      eng = new double[n][];
      double sum = 0;
      row = 0;
      for (int s = 0; s < n; s++) {
        eng[s] = new double[sides.get(s).size()];
        for (int k = 0; k < eng[s].length; k++) {
          eng[s][k] = ps[row++];
          sum += eng[s][k];
        }
      }
      quality = fairness * sum / count;
    }
    return new MatchOutlook(winP, first, fairness, engine.matchQuality(ratings, now), eng, quality);
  }

  /** Side A against side B, both as they stand at {@code now}. Needs the win model. */
  public Prediction predict(
      List<PlayerSnapshot> a, List<PlayerSnapshot> b, boolean ranked, long now) {
    if (win == null) {
      throw new IllegalStateException("no win model loaded");
    }
    double p = win.predict(features.win(a, b, now));
    double engine = features.engineWinProbability(a, b, now);
    double[][] eng = new double[2][];
    double sum = 0;
    int n = 0;
    if (engagement != null) {
      MatchFeatures.MatchOutlook outlook = features.outlook(List.of(a, b), now);
      List<List<PlayerSnapshot>> sides = List.of(a, b);
      for (int s = 0; s < 2; s++) {
        List<PlayerSnapshot> side = sides.get(s);
        eng[s] = new double[side.size()];
        for (int k = 0; k < side.size(); k++) {
          eng[s][k] =
              engagement.predict(
                  features.engagement(side.get(k), s, 2, side.size(), outlook, ranked));
          sum += eng[s][k];
          n++;
        }
      }
    }
    double fairness = RatingPredictor.fairness(p);
    return new Prediction(p, fairness, engine, eng, n == 0 ? fairness : fairness * sum / n);
  }
}
