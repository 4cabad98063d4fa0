package dev.gsm.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gsm.core.metrics.ScoreSummary;
import dev.gsm.core.rating.RatingParameters;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class BacktestProtocolTest {
  private static final long DAY = 86_400L;

  @Test
  void cutoffIsMidnightOfTheMatchAtSeventyPercent() {
    List<BacktestMatch> ms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ms.add(BacktestMatch.oneVsOne(i * DAY + 3600, 0, 1));
    }
    assertThat(BacktestProtocol.cutoff(ms)).isEqualTo(7 * DAY);
  }

  @Test
  void matchesBeforeCutoffTrainAndLaterOnesAreScored() {
    List<BacktestMatch> ms = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ms.add(BacktestMatch.oneVsOne(i * DAY, i % 3, 3));
    }
    List<String> seen = new ArrayList<>();
    Forecaster spy =
        new Forecaster() {
          @Override
          public String name() {
            return "spy";
          }

          @Override
          public void train(BacktestMatch m) {
            seen.add("train " + m.epochSecond() / DAY);
          }

          @Override
          public double[] predict(BacktestMatch m) {
            seen.add("predict " + m.epochSecond() / DAY);
            return new double[] {0.6, 0.4};
          }

          @Override
          public void update(BacktestMatch m) {
            seen.add("update " + m.epochSecond() / DAY);
          }
        };
    BacktestReport r = BacktestProtocol.run(ms, List.of(spy), () -> {});
    assertThat(r.trained()).isEqualTo(7);
    assertThat(r.scored()).isEqualTo(3);
    assertThat(seen.subList(7, 13))
        .containsExactly("predict 7", "update 7", "predict 8", "update 8", "predict 9", "update 9");
    assertThat(r.scores().get("spy").logLoss()).isCloseTo(-Math.log(0.6), within(1e-15));
  }

  @Test
  void selfPlayRowIsScoredAsACoinFlipAndNeverShownToForecasters() {
    List<BacktestMatch> ms = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      ms.add(BacktestMatch.oneVsOne(i * DAY, 0, 1));
    }
    ms.add(BacktestMatch.oneVsOne(9 * DAY, 2, 2));
    BacktestReport r =
        BacktestProtocol.run(
            ms,
            List.of(new RatingForecaster(RatingParameters.defaults(), List.of("a", "b", "c"))),
            () -> {});
    assertThat(r.selfPlay()).isEqualTo(1);
    assertThat(r.scored()).isEqualTo(3);
  }

  /** Teams of two; the stronger pairs (low indices) usually win; the engine must learn it. */
  @Test
  void teamMatchesAreForecastBetterThanCoinFlipsAfterTraining() {
    Random rnd = new Random(11);
    int players = 40;
    double[] skill =
        IntStream.range(0, players).mapToDouble(i -> 1.5 - 3.0 * i / players).toArray();
    List<BacktestMatch> ms = new ArrayList<>();
    for (int m = 0; m < 4000; m++) {
      List<Integer> pool = new ArrayList<>(IntStream.range(0, players).boxed().toList());
      java.util.Collections.shuffle(pool, rnd);
      int[][] sides = {{pool.get(0), pool.get(1)}, {pool.get(2), pool.get(3)}};
      double perf0 = skill[sides[0][0]] + skill[sides[0][1]] + rnd.nextGaussian();
      double perf1 = skill[sides[1][0]] + skill[sides[1][1]] + rnd.nextGaussian();
      int[] placements = perf0 > perf1 ? new int[] {0, 1} : new int[] {1, 0};
      ms.add(BacktestMatch.of(m * DAY / 10, sides, placements));
    }
    List<String> ids = IntStream.range(0, players).mapToObj(i -> "p" + i).toList();
    BacktestReport r =
        BacktestProtocol.run(
            ms,
            List.of(
                new RatingForecaster(RatingParameters.defaults(), ids),
                new EloBaseline(0.1, players)),
            () -> {});
    ScoreSummary engine = r.scores().get("engine");
    assertThat(engine.n()).isEqualTo(1200);
    assertThat(engine.accuracy()).isGreaterThan(0.75);
    assertThat(engine.logLoss()).isLessThan(Math.log(2) - 0.15);
    assertThat(r.scores().get("elo").accuracy()).isGreaterThan(0.7);
  }

  @Test
  void freeForAllMatchesAreScoredOnFirstPlace() {
    Random rnd = new Random(5);
    List<BacktestMatch> ms = new ArrayList<>();
    for (int m = 0; m < 1000; m++) {
      int[][] sides = new int[4][];
      int[] placements = new int[4];
      int base = rnd.nextInt(4) * 4;
      for (int k = 0; k < 4; k++) {
        sides[k] = new int[] {base + k};
        placements[k] = rnd.nextDouble() < 0.8 ? k : 3 - k; // lower index usually places higher
      }
      ms.add(BacktestMatch.of(m * DAY, sides, placements));
    }
    List<String> ids = IntStream.range(0, 16).mapToObj(i -> "p" + i).toList();
    BacktestReport r =
        BacktestProtocol.run(
            ms, List.of(new RatingForecaster(RatingParameters.defaults(), ids)), () -> {});
    assertThat(r.scored() + r.unscored()).isEqualTo(300);
    assertThat(r.unscored()).as("shared first places are applied, not scored").isPositive();
    assertThat(r.scores().get("engine").accuracy()).isGreaterThan(0.6);
    assertThat(r.scores().get("engine").logLoss()).isLessThan(Math.log(4));
  }

  @Test
  void eloBaselineReproducesPublishedFigures() throws IOException {
    Path file = Path.of("..", "..", "shared", "data", "atp_1991_2017_pairwise.tsv");
    Assumptions.assumeTrue(
        Files.isRegularFile(file),
        "skipped: "
            + file.toAbsolutePath().normalize()
            + " is absent (../shared/data from the repo root)");
    PairwiseTsv.Result data;
    try (Reader in = Files.newBufferedReader(file)) {
      data = PairwiseTsv.read(in);
    }
    BacktestReport r =
        BacktestProtocol.run(
            data.matches(),
            List.of(new EloBaseline(EloBaseline.PUBLISHED_LEARNING_RATE, data.playerIds().size())),
            () -> {});
    assertThat(r.matches()).isEqualTo(625_848);
    assertThat(r.cutoffEpochSecond()).isEqualTo(1_315_785_600L); // 2011-09-12
    assertThat(r.scored()).isEqualTo(188_228);
    ScoreSummary elo = r.scores().get("elo");
    assertThat(elo.logLoss()).isCloseTo(0.5633, within(0.00005));
    assertThat(elo.accuracy()).isCloseTo(0.7047, within(0.00005));
  }
}
