package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RatingEngineTest {
  private static final long DAY = 86_400L;
  private static final long T0 = 1_700_000_000L;
  private final RatingParameters params = RatingParameters.defaults();
  private final RatingEngine engine = new RatingEngine(params);

  private static PlayerRating rating(double mu, double sigma, long last, int games) {
    return new PlayerRating(mu, sigma, last, games, 0, 0, 0);
  }

  private static List<List<PlayerRating>> sides(PlayerRating... oneEach) {
    List<List<PlayerRating>> out = new ArrayList<>();
    for (PlayerRating r : oneEach) {
      out.add(List.of(r));
    }
    return out;
  }

  @Test
  void drawBetweenEqualPlayersLeavesMeansUnchanged() {
    PlayerRating a = rating(0.3, 0.4, T0, 5);
    var post = engine.rate(sides(a, a), new int[] {0, 0}, T0 + DAY);
    assertThat(post.get(0).get(0).mu()).isEqualTo(0.3);
    assertThat(post.get(1).get(0).mu()).isEqualTo(0.3);
    assertThat(post.get(0).get(0).sigma()).isLessThan(0.4);
    assertThat(post.get(0).get(0).draws()).isEqualTo(1);
  }

  @Test
  void drawPullsUnequalPlayersTogether() {
    var post =
        engine.rate(sides(rating(1.0, 0.4, T0, 5), rating(0.0, 0.4, T0, 5)), new int[] {1, 1}, T0);
    assertThat(post.get(0).get(0).mu()).isLessThan(1.0);
    assertThat(post.get(1).get(0).mu()).isGreaterThan(0.0);
  }

  @Test
  void returningPlayerUncertaintyGrowsWithTimeAway() {
    double sigma = 0.2;
    double week = RatingKernel.varianceAt(params, sigma, T0, 10, T0 + 7 * DAY);
    double year = RatingKernel.varianceAt(params, sigma, T0, 10, T0 + 365 * DAY);
    double decade = RatingKernel.varianceAt(params, sigma, T0, 10, T0 + 3650 * DAY);
    assertThat(week).isGreaterThan(sigma * sigma);
    assertThat(year).isGreaterThan(week);
    assertThat(decade).isEqualTo(params.maxSigma() * params.maxSigma());
    assertThat(week)
        .isCloseTo(
            sigma * sigma
                + 7 * params.tauPerDay() * params.tauPerDay()
                + params.tauPerGame() * params.tauPerGame(),
            within(1e-15));

    // ... so the same result moves a returning player further than an active one.
    PlayerRating active = rating(0.0, sigma, T0 + 364 * DAY, 50);
    PlayerRating away = rating(0.0, sigma, T0, 50);
    PlayerRating opponent = rating(0.0, sigma, T0 + 364 * DAY, 50);
    long now = T0 + 365 * DAY;
    double gainActive =
        engine.rate(sides(active, opponent), new int[] {0, 1}, now).get(0).get(0).mu();
    double gainAway = engine.rate(sides(away, opponent), new int[] {0, 1}, now).get(0).get(0).mu();
    assertThat(gainAway).isGreaterThan(gainActive).isGreaterThan(0);
  }

  @Test
  void newcomerKeepsThePriorUncertaintyWhateverTheClock() {
    PlayerRating n = engine.newcomer();
    assertThat(RatingKernel.varianceAt(params, n.sigma(), 0L, 0, T0))
        .isEqualTo(params.initialSigma() * params.initialSigma());
  }

  @Test
  void upsetMovesRatingsMoreThanExpectedWin() {
    PlayerRating strong = rating(1.0, 0.3, T0, 20);
    PlayerRating weak = rating(-1.0, 0.3, T0, 20);
    var expected = engine.rate(sides(strong, weak), new int[] {0, 1}, T0);
    var upset = engine.rate(sides(strong, weak), new int[] {1, 0}, T0);
    double expectedGain = expected.get(0).get(0).mu() - strong.mu();
    double upsetGain = upset.get(1).get(0).mu() - weak.mu();
    assertThat(expectedGain).isPositive();
    assertThat(upsetGain).isGreaterThan(5 * expectedGain);
    assertThat(upset.get(0).get(0).mu()).isLessThan(strong.mu());
  }

  @Test
  void freeForAllWinnerGainsMost() {
    PlayerRating same = rating(0.0, 0.4, T0, 3);
    var post = engine.rate(sides(same, same, same, same), new int[] {3, 1, 4, 2}, T0 + DAY);
    double[] mu = post.stream().mapToDouble(s -> s.get(0).mu()).toArray();
    assertThat(mu[1]).isGreaterThan(mu[3]).isGreaterThan(0);
    assertThat(mu[3]).isGreaterThan(mu[0]);
    assertThat(mu[0]).isGreaterThan(mu[2]);
    assertThat(mu[2]).isNegative();
    assertThat(post.get(1).get(0).wins()).isEqualTo(1);
    assertThat(post.get(3).get(0).losses()).isEqualTo(1);
  }

  @Test
  void teamUpdateSplitsByVariance() {
    PlayerRating certain = rating(0.0, 0.1, T0, 100);
    PlayerRating uncertain = rating(0.0, 0.4, T0, 2);
    PlayerRating opp = rating(0.0, 0.25, T0, 10);
    var post =
        engine.rate(List.of(List.of(certain, uncertain), List.of(opp, opp)), new int[] {0, 1}, T0);
    double gainCertain = post.get(0).get(0).mu() - certain.mu();
    double gainUncertain = post.get(0).get(1).mu() - uncertain.mu();
    assertThat(gainCertain).isPositive();
    assertThat(gainUncertain / gainCertain).isCloseTo((0.4 * 0.4) / (0.1 * 0.1), within(1e-9));
    assertThat(post.get(1).get(0).mu()).isNegative().isEqualTo(post.get(1).get(1).mu());
  }

  @Test
  void sameInputGivesBitIdenticalRatings() {
    RatingTable a = randomHistory(42);
    RatingTable b = randomHistory(42);
    assertThat(a.size()).isEqualTo(b.size());
    for (int i = 0; i < a.size(); i++) {
      assertThat(Double.doubleToRawLongBits(a.mu(i)))
          .isEqualTo(Double.doubleToRawLongBits(b.mu(i)));
      assertThat(Double.doubleToRawLongBits(a.sigma(i)))
          .isEqualTo(Double.doubleToRawLongBits(b.sigma(i)));
    }
    assertThat(a.ranking()).isEqualTo(b.ranking());
  }

  private RatingTable randomHistory(long seed) {
    Random rnd = new Random(seed);
    RatingTable t = new RatingTable(params);
    for (int i = 0; i < 50; i++) {
      t.intern("p" + i);
    }
    long now = T0;
    for (int m = 0; m < 2000; m++) {
      now += rnd.nextInt(3) * DAY;
      int a = rnd.nextInt(50);
      int b = (a + 1 + rnd.nextInt(49)) % 50;
      engine.rate1v1(t, a, b, now);
    }
    return t;
  }

  @Test
  void valuePathEqualsTablePath() {
    Random rnd = new Random(7);
    int players = 40;
    RatingTable table = new RatingTable(params);
    PlayerRating[] values = new PlayerRating[players];
    for (int i = 0; i < players; i++) {
      table.intern("p" + i);
      values[i] = engine.newcomer();
    }
    long now = T0;
    for (int m = 0; m < 3000; m++) {
      now += rnd.nextInt(4) * DAY / 2;
      int nSides = 2 + rnd.nextInt(4);
      int perSide = 1 + rnd.nextInt(3);
      List<Integer> pool = new ArrayList<>();
      for (int i = 0; i < players; i++) {
        pool.add(i);
      }
      java.util.Collections.shuffle(pool, rnd);
      int[][] sides = new int[nSides][perSide];
      int[] placements = new int[nSides];
      List<List<PlayerRating>> valueSides = new ArrayList<>();
      int next = 0;
      for (int k = 0; k < nSides; k++) {
        List<PlayerRating> side = new ArrayList<>();
        for (int j = 0; j < perSide; j++) {
          sides[k][j] = pool.get(next++);
          side.add(values[sides[k][j]]);
        }
        valueSides.add(side);
        placements[k] = rnd.nextInt(nSides); // ties (draws) happen
      }
      engine.rate(table, sides, placements, now);
      var post = engine.rate(valueSides, placements, now);
      for (int k = 0; k < nSides; k++) {
        for (int j = 0; j < perSide; j++) {
          values[sides[k][j]] = post.get(k).get(j);
        }
      }
    }
    for (int i = 0; i < players; i++) {
      assertThat(table.get(i)).isEqualTo(values[i]);
      assertThat(Double.doubleToRawLongBits(table.mu(i)))
          .isEqualTo(Double.doubleToRawLongBits(values[i].mu()));
      assertThat(Double.doubleToRawLongBits(table.sigma(i)))
          .isEqualTo(Double.doubleToRawLongBits(values[i].sigma()));
    }
  }

  @Test
  void playerOnTwoSidesIsRejected() {
    RatingTable t = new RatingTable(params);
    int a = t.intern("a");
    assertThatThrownBy(() -> engine.rate1v1(t, a, a, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("appears twice");
  }

  @Test
  void matchWithOneSideIsRejected() {
    assertThatThrownBy(() -> engine.rate(sides(engine.newcomer()), new int[] {0}, T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2 sides");
  }

  @Test
  void softResetPullsTowardPriorAndInflatesSigma() {
    PlayerRating r = new PlayerRating(1.0, 0.1, T0, 30, 20, 10, 0);
    PlayerRating reset = engine.softReset(r);
    assertThat(reset.mu())
        .isCloseTo(1.0 + params.seasonMeanPull() * (params.initialMu() - 1.0), within(1e-12));
    assertThat(reset.sigma())
        .isCloseTo(
            Math.sqrt(0.01 + params.seasonSigmaBoost() * params.seasonSigmaBoost()), within(1e-12));
    assertThat(reset.games()).isEqualTo(30);
  }

  @Test
  void aSeasonRecordCountsFromTheSoftResetAndRatesOnAsTheCarriedOne() {
    PlayerRating reset = engine.softReset(new PlayerRating(1.0, 0.1, T0, 30, 20, 10, 0));
    PlayerRating opponent = rating(0.0, 0.3, T0, 12);
    long t1 = T0 + 10 * DAY;
    PlayerRating carried = engine.rate(sides(reset, opponent), new int[] {0, 1}, t1).get(0).get(0);
    PlayerRating season = RatingEngine.seasonRecord(carried, reset);
    assertThat(season).isEqualTo(new PlayerRating(carried.mu(), carried.sigma(), t1, 1, 1, 0, 0));
    // the next match rates the same from the season's record as from the carried counters
    long t2 = t1 + 3 * DAY;
    PlayerRating next = engine.rate(sides(carried, opponent), new int[] {1, 0}, t2).get(0).get(0);
    PlayerRating nextSeason =
        engine.rate(sides(season, opponent), new int[] {1, 0}, t2).get(0).get(0);
    assertThat(nextSeason.mu()).isEqualTo(next.mu());
    assertThat(nextSeason.sigma()).isEqualTo(next.sigma());
    assertThat(nextSeason).isEqualTo(RatingEngine.seasonRecord(next, reset));
  }

  @Test
  void displayScoreIsConservative() {
    PlayerRating sure = rating(0.5, 0.1, T0, 100);
    PlayerRating unsure = rating(0.5, 0.4, T0, 3);
    assertThat(engine.displayScore(sure)).isGreaterThan(engine.displayScore(unsure));
  }
}
