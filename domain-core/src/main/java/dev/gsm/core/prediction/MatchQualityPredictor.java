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
  private final PortableModel win;
  private final PortableModel engagement;

  public MatchQualityPredictor(
      RatingPredictor predictor, PortableModel win, PortableModel engagement) {
    this.features = new MatchFeatures(predictor);
    this.win = check(win, MatchFeatures.WIN_FEATURES);
    this.engagement =
        engagement == null ? null : check(engagement, MatchFeatures.ENGAGEMENT_FEATURES);
  }

  private static PortableModel check(PortableModel m, List<String> expected) {
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

  /** Side A against side B, both as they stand at {@code now}. */
  public Prediction predict(
      List<PlayerSnapshot> a, List<PlayerSnapshot> b, boolean ranked, long now) {
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
