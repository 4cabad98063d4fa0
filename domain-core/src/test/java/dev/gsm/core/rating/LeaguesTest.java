package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LeaguesTest {
  private final Leagues leagues = Leagues.defaults();

  @Test
  void percentileIsTheShareRankedBelow() {
    assertThat(Leagues.percentile(1, 100)).isEqualTo(99.0);
    assertThat(Leagues.percentile(100, 100)).isEqualTo(0.0);
    assertThat(leagues.leagueAt(1, 100)).isEqualTo("master");
    assertThat(leagues.leagueAt(2, 100)).isEqualTo("diamond");
    assertThat(leagues.leagueAt(100, 100)).isEqualTo("bronze");
  }

  @Test
  void everyLeagueIsOneRankWindowAndTheWindowsTileTheBoard() {
    for (long n : new long[] {1, 2, 7, 100, 101, 12_345}) {
      long next = 1;
      for (int i = leagues.names().size() - 1; i >= 0; i--) {
        String league = leagues.names().get(i);
        long[] r = leagues.rankRange(league, n);
        assertThat(r[0])
            .as("%s of %d starts where the better league ended", league, n)
            .isEqualTo(next);
        for (long rank = r[0]; rank <= r[1]; rank++) {
          assertThat(leagues.leagueAt(rank, n)).isEqualTo(league);
        }
        next = Math.max(next, r[1] + 1);
      }
      assertThat(next).isEqualTo(n + 1);
    }
  }

  @Test
  void unknownLeagueIsRefused() {
    assertThatThrownBy(() -> leagues.rankRange("wood", 10)).hasMessageContaining("wood");
  }
}
