package dev.gsm.core.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchmakerTest {

  private final RatingPredictor predictor = new RatingPredictor(RatingParameters.defaults());

  private static PlayerRating at(double mu) {
    return new PlayerRating(mu, 0.3, 1_000_000L, 50, 25, 25, 0);
  }

  @Test
  void aPoolOfTwoSkillClustersIsPairedWithinEachCluster() {
    double[] mus = {2.0, -1.0, 2.1, -1.1, 1.9, -0.9, 2.2, -1.2};
    List<PlayerRating> pool = new ArrayList<>();
    for (double m : mus) {
      pool.add(at(m));
    }
    List<Matchmaker.Pairing> pairs =
        Matchmaker.pairs(
            pool.size(),
            (a, b) ->
                RatingPredictor.fairness(
                    predictor.winProbability(pool.get(a), pool.get(b), 1_000_000L)));
    assertThat(pairs).hasSize(4);
    for (Matchmaker.Pairing p : pairs) {
      assertThat(Math.signum(mus[p.a()])).isEqualTo(Math.signum(mus[p.b()]));
    }
  }

  @Test
  void anOddPoolLeavesOnePlayerWaitingAndNobodyIsPairedTwice() {
    List<Matchmaker.Pairing> pairs = Matchmaker.pairs(7, (a, b) -> -Math.abs(a - b));
    assertThat(pairs).hasSize(3);
    Set<Integer> seen = new HashSet<>();
    pairs.forEach(p -> assertThat(seen.add(p.a()) && seen.add(p.b())).isTrue());
  }

  @Test
  void teamsAreSplitForTheMostEvenMatch() {
    double[] mus = {3, 2, 1, 0, 10, 10, 10, 10};
    List<Matchmaker.Teams> teams =
        Matchmaker.teams(
            mus,
            2,
            (a, b) -> {
              List<PlayerRating> ta = new ArrayList<>();
              List<PlayerRating> tb = new ArrayList<>();
              for (int i : a) {
                ta.add(at(mus[i]));
              }
              for (int i : b) {
                tb.add(at(mus[i]));
              }
              return predictor.matchQuality(List.of(ta, tb), 1_000_000L);
            });
    assertThat(teams).hasSize(2);
    Matchmaker.Teams low = teams.get(1);
    double sa = 0;
    double sb = 0;
    for (int i : low.a()) {
      sa += mus[i];
    }
    for (int i : low.b()) {
      sb += mus[i];
    }
    assertThat(sa).isEqualTo(sb); // {3, 0} against {2, 1}
  }
}
