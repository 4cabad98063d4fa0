package dev.gsm.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.PlayerRating;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlayerStateTest {

  @Test
  void stateSurvivesItsPackedStringBitForBit() {
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
      if (i % 2 == 0) {
        modes.put(
            "battle_royale-4",
            new PlayerRating(r.mu() + 1, r.sigma(), r.lastActiveEpochSecond(), i, 0, 0, i));
      }
      PlayerState s = new PlayerState("2026-S1", "p" + i, r, modes, "eu-west", "pc");
      PlayerState back = PlayerState.unpack("2026-S1", "p" + i, s.pack());
      assertThat(back).isEqualTo(s);
      assertThat(PlayerState.boardRating(s.pack(), Board.mode("duel"))).isEqualTo(r);
      if (i % 2 == 0) {
        assertThat(PlayerState.boardRating(s.pack(), Board.mode("battle_royale-4")))
            .isEqualTo(modes.get("battle_royale-4"))
            .isNotEqualTo(r);
      }
      assertThat(PlayerState.boardRating(s.pack(), Board.region("eu-west"))).isEqualTo(r);
      assertThat(Double.doubleToRawLongBits(back.global().sigma()))
          .isEqualTo(Double.doubleToRawLongBits(r.sigma()));
    }
  }

  @Test
  void regionAndPlatformAreThoseOfMostMatchesTiesToTheSmallerCode() {
    PlayerRating r = new PlayerRating(0.1, 0.3, 1_770_000_000L, 3, 2, 1, 0);
    PlayerState s =
        new PlayerState("2026-S1", "p", r, new TreeMap<>(), new TreeMap<>(), new TreeMap<>())
            .withMatchIn("us-east", "pc")
            .withMatchIn("us-east", "xbox")
            .withMatchIn("eu-west", "xbox");
    assertThat(s.region()).isEqualTo("us-east");
    assertThat(s.platform()).isEqualTo("xbox");
    PlayerState tie = s.withMatchIn("eu-west", "pc");
    assertThat(tie.region()).isEqualTo("eu-west"); // 2 : 2, the smaller code
    assertThat(tie.platform()).isEqualTo("pc"); // 2 : 2
    assertThat(tie.pack()).startsWith("eu-west pc ").endsWith(" @eu-west:2,us-east:2 #pc:2,xbox:2");
    assertThat(PlayerState.unpack("2026-S1", "p", tie.pack())).isEqualTo(tie);
  }

  @Test
  void aStatePackedBeforeTheCountsReadsAsEveryGameInItsRegion() {
    String old = "eu-west pc 0.1,0.3,1770000000,7,4,3,0 duel=0.2,0.4,1770000000,5,3,2,0";
    PlayerState s = PlayerState.unpack("2026-S1", "p", old);
    assertThat(s.regionMatches()).containsExactly(java.util.Map.entry("eu-west", 7));
    assertThat(s.platformMatches()).containsExactly(java.util.Map.entry("pc", 7));
    assertThat(s.modes()).containsOnlyKeys("duel");
    assertThat(s.withMatchIn("us-east", "pc").region()).isEqualTo("eu-west");
  }

  @Test
  void missingValueMeansNoStateInThatSeason() {
    assertThat(PlayerState.unpack("2026-S1", "p", null)).isNull();
  }

  @Test
  void boardsNameTheirKeyAndTheRatingTheyRank() {
    RedisLayout layout = new RedisLayout("gsm:");
    assertThat(layout.board(3, "2026-S1", Board.mode("duel")))
        .isEqualTo("gsm:g3:2026-S1:lb:mode:duel");
    assertThat(RedisLayout.offsetOf(RedisLayout.logId(12345))).isEqualTo(12345);
    assertThat(RealtimeView.glob("t[1]*:")).isEqualTo("t\\[1\\]\\*:");
  }
}
