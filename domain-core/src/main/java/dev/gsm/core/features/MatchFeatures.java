package dev.gsm.core.features;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingPredictor;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature vectors of the match-quality models, from {@link PlayerSnapshot}s taken at the match
 * start. The training pipeline and the serving API both call this class, so a served prediction
 * sees exactly the features the model was trained on. Thread-safe.
 *
 * <p>Win features compare side A with side B, every one antisymmetric (swapping the sides negates
 * it), so a model trained on randomly oriented matches needs no side-order term. Team values are
 * means over the members.
 */
public final class MatchFeatures {

  public static final List<String> WIN_FEATURES =
      List.of(
          "rating_logit",
          "form_diff",
          "activity_diff",
          "rest_diff",
          "experience_diff",
          "hour_residual_diff",
          "lopsided_diff");

  public static final List<String> ENGAGEMENT_FEATURES =
      List.of(
          "mu",
          "sigma",
          "experience",
          "activity_7d",
          "rest",
          "newcomer",
          "form",
          "lopsided_share",
          "expected_score",
          "expected_score_sq",
          "quality",
          "hour_residual",
          "sides_log",
          "side_size_log",
          "ranked");

  /** Hours of rest beyond which more rest says nothing new (two weeks). */
  static final double MAX_REST_HOURS = 14 * 24;

  private static final double LOGIT_CLAMP = 1e-9;

  private final RatingPredictor predictor;

  public MatchFeatures(RatingPredictor predictor) {
    this.predictor = predictor;
  }

  public RatingPredictor predictor() {
    return predictor;
  }

  /** The rating engine's probability that side A beats side B (no draw) at {@code now}. */
  public double engineWinProbability(List<PlayerSnapshot> a, List<PlayerSnapshot> b, long now) {
    return predictor.winProbability(ratings(a), ratings(b), now);
  }

  /** Features of side A against side B, named by {@link #WIN_FEATURES}. */
  public double[] win(List<PlayerSnapshot> a, List<PlayerSnapshot> b, long now) {
    double p = engineWinProbability(a, b, now);
    double[] x = new double[WIN_FEATURES.size()];
    x[0] = logit(p);
    x[1] = mean(a, Stat.FORM) - mean(b, Stat.FORM);
    x[2] = mean(a, Stat.ACTIVITY) - mean(b, Stat.ACTIVITY);
    x[3] = mean(a, Stat.REST) - mean(b, Stat.REST);
    x[4] = mean(a, Stat.EXPERIENCE) - mean(b, Stat.EXPERIENCE);
    x[5] = mean(a, Stat.HOUR) - mean(b, Stat.HOUR);
    x[6] = mean(a, Stat.LOPSIDED) - mean(b, Stat.LOPSIDED);
    return x;
  }

  /**
   * Side {@code k}'s result on the scale of {@link MatchOutlook#expectedScore()}: 1 for a win, 0.5
   * for a draw, 0 for a loss; with more than two sides, the share of the other sides it placed
   * ahead of (a shared place counts half).
   */
  public static double resultScore(int[] placements, int k) {
    int mine = placements[k];
    double s = 0;
    for (int j = 0; j < placements.length; j++) {
      if (j != k) {
        s += mine < placements[j] ? 1.0 : mine == placements[j] ? 0.5 : 0.0;
      }
    }
    return s / (placements.length - 1);
  }

  /**
   * What the rating engine expects of a whole match: each side's expected score (two sides: win
   * plus half a draw; more: mean pairwise win probability against the others) and the match
   * quality.
   */
  public record MatchOutlook(double[] expectedScore, double quality) {}

  public MatchOutlook outlook(List<List<PlayerSnapshot>> sides, long now) {
    List<List<PlayerRating>> r = new ArrayList<>(sides.size());
    for (List<PlayerSnapshot> s : sides) {
      r.add(ratings(s));
    }
    return outlookOfRatings(r, now);
  }

  /** {@link #outlook} from rating states only. */
  public MatchOutlook outlookOfRatings(List<List<PlayerRating>> sides, long now) {
    int n = sides.size();
    double[] expected = new double[n];
    if (n == 2) {
      double[] o = predictor.outcomeProbabilities(sides.get(0), sides.get(1), now);
      expected[0] = o[0] + 0.5 * o[1];
      expected[1] = o[2] + 0.5 * o[1];
    } else {
      double[][] pw = predictor.pairwiseWinProbabilities(sides, now);
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            s += pw[i][j];
          }
        }
        expected[i] = s / (n - 1);
      }
    }
    return new MatchOutlook(expected, predictor.matchQuality(sides, now));
  }

  /**
   * Features of one player's appearance in a match, named by {@link #ENGAGEMENT_FEATURES}: what
   * predicts whether he plays again soon.
   */
  public double[] engagement(
      PlayerSnapshot p, int side, int sides, int sideSize, MatchOutlook outlook, boolean ranked) {
    double[] x = new double[ENGAGEMENT_FEATURES.size()];
    double e = outlook.expectedScore()[side];
    x[0] = p.rating().mu();
    x[1] = p.rating().sigma();
    x[2] = experience(p);
    x[3] = activity(p);
    x[4] = rest(p);
    x[5] = p.newcomer() ? 1.0 : 0.0;
    x[6] = p.form();
    x[7] = p.lopsidedShare();
    x[8] = e;
    x[9] = e * e;
    x[10] = outlook.quality();
    x[11] = p.hourResidual();
    x[12] = Math.log(sides);
    x[13] = Math.log(sideSize);
    x[14] = ranked ? 1.0 : 0.0;
    return x;
  }

  static double logit(double p) {
    double q = Math.min(1 - LOGIT_CLAMP, Math.max(LOGIT_CLAMP, p));
    return Math.log(q / (1 - q));
  }

  private enum Stat {
    FORM,
    ACTIVITY,
    REST,
    EXPERIENCE,
    HOUR,
    LOPSIDED
  }

  private static double mean(List<PlayerSnapshot> side, Stat stat) {
    double s = 0;
    for (PlayerSnapshot p : side) {
      s +=
          switch (stat) {
            case FORM -> p.form();
            case ACTIVITY -> activity(p);
            case REST -> rest(p);
            case EXPERIENCE -> experience(p);
            case HOUR -> p.hourResidual();
            case LOPSIDED -> p.lopsidedShare();
          };
    }
    return s / side.size();
  }

  private static double experience(PlayerSnapshot p) {
    return Math.log1p(p.rating().games());
  }

  private static double activity(PlayerSnapshot p) {
    return Math.log1p(p.gamesLast7Days());
  }

  private static double rest(PlayerSnapshot p) {
    return p.newcomer() ? 0.0 : Math.log1p(Math.min(p.hoursSinceLast(), MAX_REST_HOURS));
  }

  private static List<PlayerRating> ratings(List<PlayerSnapshot> side) {
    List<PlayerRating> r = new ArrayList<>(side.size());
    for (PlayerSnapshot p : side) {
      r.add(p.rating());
    }
    return r;
  }
}
