package dev.gsm.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlayerHistoryExportTest {

  private static final PlayerRating RATING = PlayerRating.newcomer(RatingParameters.defaults());

  @Test
  void anExportedHistoryGivesTheSameSnapshotBitForBit() {
    SplittableRandom rnd = new SplittableRandom(7);
    PlayerHistory h = new PlayerHistory();
    long t = 1_700_000_000L;
    // players with 0, a few, and more matches than the ring buffers hold
    int[] matches = {0, 1, 3, 9, 10, 11, 31, 32, 33, 100};
    for (int i = 0; i < matches.length; i++) {
      for (int k = 0; k < matches[i]; k++) {
        t += rnd.nextInt(1, 20_000);
        double expected = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextDouble();
        h.record(i, t, rnd.nextInt(3) / 2.0, expected, rnd.nextBoolean(), rnd.nextInt(24));
      }
    }
    for (int i = 0; i < matches.length + 2; i++) {
      byte[] state = h.export(i);
      assertTrue(state.length <= 470, "export size " + state.length);
      for (long now = t - 3 * 86_400; now <= t + 10 * 86_400; now += 7_919) {
        PlayerSnapshot direct = h.snapshot(i, RATING, now);
        PlayerSnapshot restored = PlayerHistory.snapshotOf(state, RATING, now);
        assertEquals(direct, restored, "player " + i + " at " + now);
      }
    }
  }

  @Test
  void aNewcomerExportIsTheNewcomerSnapshot() {
    PlayerSnapshot s = PlayerHistory.snapshotOf(new PlayerHistory().export(5), RATING, 1000L);
    assertTrue(s.newcomer());
    assertEquals(0, s.gamesLast7Days());
    assertEquals(0.5, s.form());
    assertEquals(0.0, s.hourResidual());
  }

  @Test
  void somethingElseIsRefusedWithAReason() {
    PlayerHistory h = new PlayerHistory();
    h.record(0, 100, 1, 0.5, false, 3);
    byte[] state = h.export(0);
    IllegalArgumentException truncated =
        assertThrows(
            IllegalArgumentException.class,
            () -> PlayerHistory.snapshotOf(Arrays.copyOf(state, state.length - 1), RATING, 0));
    assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
    byte[] wrongFormat = state.clone();
    wrongFormat[0] = 9;
    assertThrows(
        IllegalArgumentException.class, () -> PlayerHistory.snapshotOf(wrongFormat, RATING, 0));
  }
}
