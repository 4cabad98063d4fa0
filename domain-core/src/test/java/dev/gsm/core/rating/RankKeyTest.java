package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankKeyTest {

  @Test
  void redisScoreOrderThenMemberOrderIsTheRankOrder() {
    SplittableRandom rnd = new SplittableRandom(7);
    List<RankEntry> entries = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      // Few distinct scores and game counts, so that ties on both are common.
      double score = 1200 + rnd.nextInt(40) * 12.5 - 300;
      entries.add(new RankEntry("p" + rnd.nextInt(100_000), score, rnd.nextInt(5)));
    }
    List<RankEntry> byOrder = new ArrayList<>(entries);
    byOrder.sort(RankOrder.INSTANCE);
    List<RankEntry> byRedis = new ArrayList<>(entries);
    byRedis.sort(
        Comparator.comparingDouble(
                (RankEntry e) -> RankKey.redisScore(RankKey.of(e.displayScore(), e.games())))
            .thenComparing(RankEntry::playerId));
    assertThat(byRedis).isEqualTo(byOrder);
  }

  @Test
  void scoresCloserThanTheResolutionTieAndFallBackToGames() {
    assertThat(RankOrder.compare(1500.00001, 3, "b", 1500.00002, 9, "a")).isPositive();
    assertThat(RankOrder.compare(1500.001, 3, "b", 1500.0, 9, "a")).isNegative();
  }

  @Test
  void negativeDisplayScoresKeepTheirOrder() {
    assertThat(RankKey.of(-10.0, 0)).isGreaterThan(RankKey.of(-10.5, 1_000));
    assertThat(RankKey.of(-10.0, 2)).isGreaterThan(RankKey.of(-10.0, 1));
    assertThat(RankKey.displayScore(RankKey.of(-10.25, 7))).isEqualTo(-10.25);
  }

  @Test
  void keysAreExactDoublesAtTheEdgeOfTheRange() {
    long top = RankKey.of(850_000, RankKey.MAX_GAMES);
    assertThat((long) RankKey.redisScore(top)).isEqualTo(-top);
    assertThatThrownBy(() -> RankKey.of(1e9, 1)).hasMessageContaining("rankable range");
    assertThatThrownBy(() -> RankKey.of(Double.NaN, 1)).hasMessageContaining("finite");
  }
}
