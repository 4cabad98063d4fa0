package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankOrderTest {
  @Test
  void higherScoreThenMoreGamesThenSmallerIdRanksFirst() {
    List<RankEntry> entries =
        new ArrayList<>(
            List.of(
                new RankEntry("b", 1500, 10),
                new RankEntry("a", 1500, 10),
                new RankEntry("c", 1500, 12),
                new RankEntry("d", 1600, 1)));
    entries.sort(RankOrder.INSTANCE);
    assertThat(entries).extracting(RankEntry::playerId).containsExactly("d", "c", "a", "b");
  }

  @Test
  void tableRankingUsesTheSameOrder() {
    RatingParameters p = RatingParameters.defaults();
    RatingTable t = new RatingTable(p);
    int z = t.intern("z");
    int y = t.intern("y");
    int x = t.intern("x");
    new RatingEngine(p).rate1v1(t, x, z, 1_000_000L);
    List<RankEntry> ranking = t.ranking();
    assertThat(ranking.get(0).playerId()).isEqualTo("x");
    assertThat(ranking).extracting(RankEntry::playerId).containsExactly("x", "y", "z");
    assertThat(y).isEqualTo(1);
  }
}
