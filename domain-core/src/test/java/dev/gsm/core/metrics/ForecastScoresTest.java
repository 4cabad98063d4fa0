package dev.gsm.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastScoresTest {
  @Test
  void binaryForecastsGiveTextbookScores() {
    ForecastScores s = new ForecastScores(10);
    s.addBinary(0.8, true);
    s.addBinary(0.3, true);
    s.addBinary(0.5, true);
    ScoreSummary r = s.summary();
    assertThat(r.n()).isEqualTo(3);
    assertThat(r.logLoss())
        .isCloseTo(-(Math.log(0.8) + Math.log(0.3) + Math.log(0.5)) / 3, within(1e-15));
    assertThat(r.accuracy()).as("exactly 0.5 counts as wrong").isCloseTo(1.0 / 3, within(1e-15));
    assertThat(r.brier()).isCloseTo((0.04 + 0.49 + 0.25) / 3, within(1e-15));
  }

  @Test
  void calibrationCountsBothSidesOfEveryForecast() {
    ForecastScores s = new ForecastScores(10);
    s.addBinary(0.75, true);
    s.addBinary(0.75, false);
    ScoreSummary r = s.summary();
    CalibrationBin high = r.calibration().get(7);
    CalibrationBin low = r.calibration().get(2);
    assertThat(high.count()).isEqualTo(2);
    assertThat(high.meanPredicted()).isEqualTo(0.75);
    assertThat(high.observed()).isEqualTo(0.5);
    assertThat(low.count()).isEqualTo(2);
    assertThat(r.ece()).isCloseTo(0.25, within(1e-15));
  }

  @Test
  void perfectlyCalibratedForecastsHaveZeroEce() {
    ForecastScores s = new ForecastScores(10);
    for (int i = 0; i < 4; i++) {
      s.addBinary(0.75, i < 3);
    }
    assertThat(s.summary().ece()).isCloseTo(0.0, within(1e-15));
  }

  @Test
  void categoricalAccuracyNeedsStrictlyHighestProbability() {
    ForecastScores s = new ForecastScores(10);
    s.addCategorical(new double[] {0.4, 0.4, 0.2}, 0);
    s.addCategorical(new double[] {0.5, 0.3, 0.2}, 0);
    ScoreSummary r = s.summary();
    assertThat(r.accuracy()).isEqualTo(0.5);
    assertThat(r.brier())
        .isCloseTo(((0.36 + 0.16 + 0.04) / 3 + (0.25 + 0.09 + 0.04) / 3) / 2, within(1e-15));
  }

  @Test
  void probabilityOutsideUnitIntervalIsRejected() {
    assertThatThrownBy(() -> new ForecastScores(10).addBinary(1.2, true))
        .hasMessageContaining("probability must be in [0, 1]");
  }
}
