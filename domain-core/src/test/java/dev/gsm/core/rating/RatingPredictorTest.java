package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatingPredictorTest {
  private static final long T = 1_700_000_000L;
  private final RatingParameters params = RatingParameters.defaults();
  private final RatingPredictor predictor = new RatingPredictor(params);

  private static PlayerRating r(double mu, double sigma) {
    return new PlayerRating(mu, sigma, T, 10, 0, 0, 0);
  }

  @Test
  void equalPlayersAreACoinFlip() {
    assertThat(predictor.winProbability(r(0.2, 0.3), r(0.2, 0.3), T)).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void strongerPlayerIsFavouredAndUncertaintyFlattensIt() {
    double sure = predictor.winProbability(r(1.0, 0.05), r(0.0, 0.05), T);
    double unsure = predictor.winProbability(r(1.0, 0.5), r(0.0, 0.5), T);
    assertThat(sure).isGreaterThan(unsure).isGreaterThan(0.5);
    assertThat(predictor.winProbability(r(0.0, 0.05), r(1.0, 0.05), T))
        .isCloseTo(1 - sure, within(1e-7));
  }

  @Test
  void teamOfStrongerPlayersIsFavoured() {
    double p =
        predictor.winProbability(
            List.of(r(0.5, 0.2), r(0.5, 0.2)), List.of(r(0.0, 0.2), r(0.2, 0.2)), T);
    assertThat(p).isGreaterThan(0.5);
  }

  @Test
  void freeForAllFirstPlaceProbabilitiesSumToOneAndFollowSkill() {
    double[] p =
        predictor.firstPlaceProbabilities(
            List.of(
                List.of(r(1.0, 0.2)),
                List.of(r(0.0, 0.2)),
                List.of(r(0.5, 0.2)),
                List.of(r(0.0, 0.2))),
            T);
    assertThat(p[0] + p[1] + p[2] + p[3]).isCloseTo(1.0, within(1e-12));
    assertThat(p[0]).isGreaterThan(p[2]);
    assertThat(p[2]).isGreaterThan(p[1]);
    assertThat(p[1]).isCloseTo(p[3], within(1e-12));
  }

  @Test
  void pairwiseWinProbabilitiesAreEachOrderedPairsOwnWinProbabilityBitForBit() {
    List<List<PlayerRating>> sides =
        List.of(
            List.of(r(1.0, 0.2)),
            List.of(r(-0.3, 0.7), r(0.1, 0.05)),
            List.of(r(0.5, 0.2)),
            List.of(r(0.0, 0.4)),
            List.of(r(0.123456789, 0.31)));
    double[][] p = predictor.pairwiseWinProbabilities(sides, T);
    for (int i = 0; i < sides.size(); i++) {
      for (int j = 0; j < sides.size(); j++) {
        if (i != j) {
          // the batch's expected scores are built from these: same bits as one pair at a time
          assertThat(p[i][j])
              .as("%d beats %d", i, j)
              .isEqualTo(predictor.winProbability(sides.get(i), sides.get(j), T));
        }
      }
    }
  }

  @Test
  void eightEqualPlayersEachWinOneEighth() {
    List<List<PlayerRating>> sides = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      sides.add(List.of(r(0.0, 0.3)));
    }
    for (double p : predictor.firstPlaceProbabilities(sides, T)) {
      assertThat(p).isCloseTo(0.125, within(1e-6));
    }
  }

  @Test
  void twoSidedFirstPlaceEqualsWinProbability() {
    double[] p =
        predictor.firstPlaceProbabilities(List.of(List.of(r(0.4, 0.3)), List.of(r(0.0, 0.2))), T);
    assertThat(p[0]).isEqualTo(predictor.winProbability(r(0.4, 0.3), r(0.0, 0.2), T));
  }

  @Test
  void matchQualityIsHighestForEvenMatches() {
    double even = predictor.matchQuality(List.of(List.of(r(0.0, 0.2)), List.of(r(0.0, 0.2))), T);
    double uneven = predictor.matchQuality(List.of(List.of(r(1.5, 0.2)), List.of(r(0.0, 0.2))), T);
    assertThat(even).isGreaterThan(uneven).isLessThanOrEqualTo(1.0);
    assertThat(RatingPredictor.fairness(0.5)).isEqualTo(1.0);
    assertThat(RatingPredictor.fairness(0.9)).isCloseTo(0.2, within(1e-12));
  }

  @Test
  void withADrawMarginOutcomesSumToOne() {
    RatingPredictor withDraws = new RatingPredictor(params.withDrawMargin(0.2));
    double[] o = withDraws.outcomeProbabilities(List.of(r(0.1, 0.2)), List.of(r(0.0, 0.2)), T);
    assertThat(o[0] + o[1] + o[2]).isCloseTo(1.0, within(1e-12));
    assertThat(o[1]).isPositive();
    assertThat(o[0]).isGreaterThan(o[2]);
  }

  @Test
  void gaussianRatioStaysFiniteInTheFarTail() {
    assertThat(Gaussian.pdfOverCdf(-40)).isCloseTo(40.0, within(0.1));
    assertThat(Gaussian.cdf(0)).isCloseTo(0.5, within(1e-7));
    assertThat(Gaussian.cdf(1.96)).isCloseTo(0.9750021, within(1e-5));
  }
}
