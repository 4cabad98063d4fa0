package dev.gsm.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RocCurveTest {

  @Test
  void perfectRankingHasAreaOneAndReversedRankingZero() {
    double[] p = {0.9, 0.8, 0.3, 0.1};
    assertThat(ForecastScores.auc(p, new boolean[] {true, true, false, false})).isEqualTo(1.0);
    assertThat(ForecastScores.auc(p, new boolean[] {false, false, true, true})).isEqualTo(0.0);
  }

  @Test
  void aConstantForecastScoresOneHalfBecauseTiesCountHalf() {
    assertThat(ForecastScores.auc(new double[] {0.4, 0.4, 0.4}, new boolean[] {true, false, true}))
        .isEqualTo(0.5);
  }

  @Test
  void areaEqualsTheShareOfCorrectlyOrderedPositiveNegativePairs() {
    Random r = new Random(5);
    int n = 400;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = Math.round(r.nextDouble() * 20) / 20.0;
      y[i] = r.nextDouble() < p[i];
    }
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (y[i] && !y[j]) {
          pairs++;
          wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
        }
      }
    }
    RocCurve roc = RocCurve.of(p, y);
    assertThat(roc.auc()).isCloseTo(wins / pairs, within(1e-12));
    assertThat(roc.points().get(0)).containsExactly(0, 0);
    assertThat(roc.points().get(roc.points().size() - 1)).containsExactly(1, 1);
  }
}
