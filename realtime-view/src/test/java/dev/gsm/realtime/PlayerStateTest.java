package dev.gsm.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.PlayerRating;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlayerStateTest {

  @Test
  void ratingSurvivesTheHashBitForBit() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      PlayerRating r =
          new PlayerRating(
              random.nextGaussian() * 3,
              Double.longBitsToDouble(Double.doubleToLongBits(0.01 + random.nextDouble()) ^ 1L),
              random.nextLong() >>> 34,
              100,
              random.nextInt(34),
              random.nextInt(33),
              random.nextInt(33));
      TreeMap<String, PlayerRating> modes = new TreeMap<>();
      modes.put("duel", r);
      PlayerState s = new PlayerState("2026-S1", "p" + i, r, modes, "eu-west", "pc");
      PlayerState back = PlayerState.fromHash("2026-S1", "p" + i, s.toHash());
      assertThat(back).isEqualTo(s);
      assertThat(Double.doubleToRawLongBits(back.global().sigma()))
          .isEqualTo(Double.doubleToRawLongBits(r.sigma()));
    }
  }

  @Test
  void emptyHashMeansNoStateInThatSeason() {
    assertThat(PlayerState.fromHash("2026-S1", "p", java.util.Map.of())).isNull();
  }

  @Test
  void boardsNameTheirKeyAndTheRatingTheyRank() {
    RedisLayout layout = new RedisLayout("gsm:");
    assertThat(layout.board(3, "2026-S1", Board.mode("duel")))
        .isEqualTo("gsm:g3:2026-S1:lb:mode:duel");
    assertThat(Board.region("eu-west").ratingField()).isEqualTo("g");
    assertThat(Board.mode("duel").ratingField()).isEqualTo("m:duel");
    assertThat(RedisLayout.offsetOf(RedisLayout.logId(12345))).isEqualTo(12345);
    assertThat(RealtimeView.glob("t[1]*:")).isEqualTo("t\\[1\\]\\*:");
  }
}
