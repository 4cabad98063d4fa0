package dev.gsm.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.features.PlayerSnapshot;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchQualityPredictorTest {

  private static final long NOW = 1_800_000_000L;
  private static final RatingPredictor ENGINE = new RatingPredictor(RatingParameters.defaults());

  private static PortableModel model(String name, List<String> features, double seed) {
    int n = features.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    double[] coef = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = 0.1 * i;
      scale[i] = 1.0 / (1 + i);
      coef[i] = seed * (i % 2 == 0 ? 1 : -0.5) / (1 + i);
    }
    return new PortableModel(name, features, mean, scale, coef, 0.2, 0.9, -0.05);
  }

  private static PlayerSnapshot player(double mu, double sigma, int games) {
    return new PlayerSnapshot(
        new PlayerRating(mu, sigma, NOW - 86_400, games, games / 2, games / 2, 0),
        3,
        24.0,
        0.6,
        0.1,
        0.02);
  }

  private final MatchQualityPredictor withModels =
      new MatchQualityPredictor(
          ENGINE,
          model("win", MatchFeatures.WIN_FEATURES, 0.8),
          model("engagement", MatchFeatures.ENGAGEMENT_FEATURES, 0.3));

  @Test
  void twoSidesWithModelsAgreeWithTheTwoSidedPrediction() {
    List<PlayerSnapshot> a = List.of(player(27, 2, 40), player(24, 3, 10));
    List<PlayerSnapshot> b = List.of(player(25, 2.5, 30), player(25, 4, 5));
    MatchQualityPredictor.Prediction two = withModels.predict(a, b, true, NOW);
    MatchQualityPredictor.MatchOutlook o = withModels.outlook(List.of(a, b), true, NOW);
    assertThat(o.winProbability()).containsExactly(two.winProbability(), 1 - two.winProbability());
    assertThat(o.fairness()).isEqualTo(two.fairness());
    assertThat(o.engagement()[0]).containsExactly(two.engagement()[0]);
    assertThat(o.engagement()[1]).containsExactly(two.engagement()[1]);
    assertThat(o.quality()).isCloseTo(two.quality(), within(1e-15));
    assertThat(o.engineWinProbability()[0]).isCloseTo(two.engineWinProbability(), within(0.02));
  }

  @Test
  void freeForAllFairnessIsOneForEqualSidesAndLowForASureThing() {
    List<List<PlayerSnapshot>> equal =
        List.of(List.of(player(25, 3, 20)), List.of(player(25, 3, 20)), List.of(player(25, 3, 20)));
    MatchQualityPredictor.MatchOutlook e = withModels.outlook(equal, false, NOW);
    assertThat(e.fairness()).isCloseTo(1.0, within(1e-9));
    assertThat(e.winProbability()[0]).isCloseTo(e.winProbability()[2], within(1e-12));
    assertThat(Arrays.stream(e.winProbability()).sum()).isLessThanOrEqualTo(1.0 + 1e-12);
    assertThat(e.engagement()).hasDimensions(3, 1);

    List<List<PlayerSnapshot>> lopsided =
        List.of(
            List.of(player(45, 1, 200)), List.of(player(15, 1, 200)), List.of(player(14, 1, 200)));
    MatchQualityPredictor.MatchOutlook l = withModels.outlook(lopsided, false, NOW);
    assertThat(l.fairness()).isLessThan(0.2);
    assertThat(l.winProbability()[0]).isGreaterThan(0.95);
    assertThat(l.skillCompatibility()).isLessThan(e.skillCompatibility());
  }

  @Test
  void withoutModelsTheRatingEngineAnswersAlone() {
    MatchQualityPredictor engineOnly = new MatchQualityPredictor(ENGINE, null, null);
    assertThat(engineOnly.hasWinModel()).isFalse();
    List<List<PlayerSnapshot>> sides =
        List.of(List.of(player(28, 2, 50)), List.of(player(25, 2, 50)));
    MatchQualityPredictor.MatchOutlook o = engineOnly.outlook(sides, true, NOW);
    assertThat(o.winProbability()).containsExactly(o.engineWinProbability());
    assertThat(o.engagement()).isNull();
    assertThat(o.quality()).isEqualTo(o.fairness());
    double p =
        ENGINE.winProbability(
            List.of(sides.get(0).get(0).rating()), List.of(sides.get(1).get(0).rating()), NOW);
    assertThat(o.fairness()).isEqualTo(RatingPredictor.fairness(p));
    assertThatThrownBy(() -> engineOnly.outlook(List.of(sides.get(0)), true, NOW))
        .hasMessageContaining("at least 2 sides");
  }
}
