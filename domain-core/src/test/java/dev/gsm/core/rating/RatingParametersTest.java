package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingParametersTest {
  @Test
  void defaultsAreValid() {
    RatingParameters p = RatingParameters.defaults();
    assertThat(p.beta()).isPositive();
    assertThat(p.smoothingIterations()).isPositive();
  }

  @Test
  void negativeBetaIsRejectedWithItsName() {
    assertThatThrownBy(() -> RatingParameters.defaults().with("beta", -1.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("beta must be > 0 and finite, was -1.0");
  }

  @Test
  void nanTauIsRejected() {
    assertThatThrownBy(() -> RatingParameters.defaults().with("tauPerDay", Double.NaN))
        .hasMessageContaining("tauPerDay must be >= 0");
  }

  @Test
  void seasonPullOutsideUnitIntervalIsRejected() {
    RatingParameters d = RatingParameters.defaults();
    assertThatThrownBy(
            () ->
                new RatingParameters(
                    d.initialMu(),
                    d.initialSigma(),
                    d.beta(),
                    d.tauPerDay(),
                    d.tauPerGame(),
                    d.maxSigma(),
                    d.drawMargin(),
                    d.minVarianceFactor(),
                    d.conservativeK(),
                    d.displayScale(),
                    d.displayOffset(),
                    1.5,
                    d.seasonSigmaBoost(),
                    d.smoothingWindowDays(),
                    d.smoothingIterations()))
        .hasMessageContaining("seasonMeanPull must be in [0, 1], was 1.5");
  }

  @Test
  void zeroSmoothingIterationsAreRejected() {
    assertThatThrownBy(() -> RatingParameters.defaults().withSmoothing(10, 0))
        .hasMessageContaining("smoothingIterations must be >= 1");
  }

  @Test
  void unknownParameterNameIsRejected() {
    assertThatThrownBy(() -> RatingParameters.defaults().with("gamma", 1))
        .hasMessageContaining("not a tunable parameter: gamma");
  }
}
