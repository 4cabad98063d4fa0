package dev.gsm.batch.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.batch.rankings.SeasonRankings;
import dev.gsm.batch.season.JobOptions;
import dev.gsm.batch.season.SeasonBatchJob;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.GroundTruth;
import dev.gsm.core.generate.PlayerTruth;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.spark.SharedSparkSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The insights job on a generated season, checked against what the generator planted (GroundTruth).
 * One season for every test: 800 players, 100,000 records (about 1,700 games a player; heavy
 * players about twice that), little churn, 30% of the players with planted peak hours, 0.5% bad
 * records (rejected by the rankings run, which goes on).
 */
class InsightsJobTest extends SharedSparkSession {

  static final String SEASON = GeneratorOptions.DEFAULT_SEASON;
  static final Instant NIGHT = Instant.parse("2026-11-21T02:00:00Z");

  @TempDir static Path dir;
  static String root;
  static GroundTruth truth;
  static SeasonBatchJob.RunResult ranked;
  static InsightsJob.RunResult insights;
  static Map<String, Row> byPlayer = new HashMap<>();

  static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  @BeforeAll
  static void generateRankAndInsight() throws Exception {
    root = dir.toUri().toString();
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withSeed(11)
            .withPlayers(800)
            .withMatches(100_000)
            .withChurn(0.05, 2.0)
            .withPeakPlayerShare(0.3)
            .withBadRecordShare(0.005);
    try (MatchDatasetWriter writer = MatchDatasetWriter.builder(root, "gen-test").build()) {
      truth = new SeasonGenerator(o).run(writer).groundTruth();
    }
    JobOptions options = JobOptions.of(root, SEASON);
    ranked = SeasonBatchJob.run(spark, options, at(NIGHT));
    insights =
        InsightsJob.run(
            spark, options, PlayerInsights.Options.defaults(), Optional.empty(), at(NIGHT));
    for (Row r :
        ViewStore.of(spark, new DatasetLayout(root))
            .read(spark, PlayerInsights.VIEW, insights.version())
            .collectAsList()) {
      byPlayer.put(r.getAs("player_id"), r);
    }
  }

  @Test
  void theViewHasOneRowPerPlayerWithTheServingColumnsAndBecomesCurrent() {
    ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
    assertThat(store.currentRunOf(InsightsJob.JOB, SEASON)).isPresent();
    assertThat(store.versions(PlayerInsights.VIEW)).contains(insights.version());
    assertThat(insights.sourceRun()).isEqualTo(ranked.version());
    var view = store.read(spark, PlayerInsights.VIEW, insights.version());
    assertThat(view.schema().simpleString())
        .contains(
            "season:string,player_id:string,games:int,rated_games:int,play_style:string,"
                + "play_style_confidence:double")
        .contains(
            "peak_hours:array<int>,peak_hours_confidence:double,peak_days:array<int>,"
                + "peak_days_confidence:double,progression_per_day:double,"
                + "progression_per_game:double");
    assertThat(view.count()).isEqualTo(view.select("season", "player_id").distinct().count());
    long played = truth.players().filter(t -> t.matchesPlayed() > 0).count();
    assertThat(byPlayer).hasSizeGreaterThan((int) (0.99 * played));
    assertThat(insights.manifest().watermarkOffset())
        .isEqualTo(ranked.manifest().watermarkOffset());
    // dirty input did not stop either job: the rejects are the rankings run's, named here
    assertThat(ranked.manifest().counts().get("rejected")).isPositive();
    assertThat(insights.manifest().rejectsByReason()).isNotEmpty();
    for (Row r : byPlayer.values()) {
      double c = r.getAs("play_style_confidence");
      assertThat(c).isBetween(0.0, 1.0);
      assertThat(r.<Double>getAs("peak_hours_confidence")).isBetween(0.0, 1.0);
    }
  }

  /**
   * The styles are named from their centroids; the check is that a planted style's players end up
   * under the name of that style. Threshold 0.8: the 0.4 balanced share alone makes a trivial
   * all-balanced answer score 0.4, and players with few games are pulled toward balanced on
   * purpose.
   */
  @Test
  void plantedStylesAreRecoveredUnderTheirNames() {
    int agree = 0;
    int counted = 0;
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    for (PlayerTruth t : truth.players().toList()) {
      Row r = byPlayer.get(t.playerId());
      if (r == null || r.<Integer>getAs("games") < 100) {
        continue;
      }
      String found = r.getAs("play_style");
      confusion
          .computeIfAbsent(t.style().code(), k -> new TreeMap<>())
          .merge(found, 1, Integer::sum);
      counted++;
      agree += found.equals(t.style().code()) ? 1 : 0;
    }
    double share = (double) agree / counted;
    System.out.printf("style agreement %.3f over %d players: %s%n", share, counted, confusion);
    assertThat(counted).isGreaterThan(500);
    assertThat(share).as(confusion.toString()).isGreaterThanOrEqualTo(0.8);
    assertThat(insights.styles().names())
        .contains("balanced", "aggressive", "support", "objective", "cautious");
  }

  /**
   * Recovery is asserted where the data can show it. A peak of +0.75 performance moves a game's
   * result by roughly 0.1 (less in big teams, where one player is a fifth of his side) against a
   * spread of about 0.3, so a window needs some 150-250 games to clear the Bonferroni bar over 288
   * hour windows (z 3.6). Players who peak every day have about 250-350 games in their planted
   * cells here: most of them (at least 75%, measured 83%) must be found, with at most one hour off.
   * Weekend-only peaks have 2/7 of that (about 100 games, an expected z near 2.5): only a fraction
   * can clear the bar (at least 15%, measured 24%), those found must say Saturday and Sunday, and
   * over both kinds most (at least half, measured 57%) must be found. Players without a planted
   * peak must rarely get one: the nominal 5% assumes independent games, while games of one session
   * share the rating's lag, so the bar is 8% (measured about 6%).
   */
  @Test
  void plantedPeakHoursAndDaysAreRecovered() {
    Map<String, Row> perf = new HashMap<>();
    for (Row r :
        ViewStore.of(spark, new DatasetLayout(root))
            .read(spark, SeasonRankings.PLAYER_PERFORMANCE, ranked.version())
            .collectAsList()) {
      perf.put(r.getAs("player_id"), r);
    }
    int[] eligible = new int[2]; // every day, weekends
    int[] found = new int[2];
    int weekendDays = 0;
    int unplanted = 0;
    int falsePeaks = 0;
    for (PlayerTruth t : truth.players().toList()) {
      Row r = byPlayer.get(t.playerId());
      Row p = perf.get(t.playerId());
      if (r == null || p == null) {
        continue;
      }
      List<Integer> hours = r.getList(r.fieldIndex("peak_hours"));
      if (t.peakHoursUtc().isEmpty()) {
        unplanted++;
        falsePeaks += hours.isEmpty() ? 0 : 1;
        continue;
      }
      int kind = t.peakDaysUtc().equals("sat;sun") ? 1 : 0;
      List<Integer> cells = p.getList(p.fieldIndex("hour_games"));
      int inWindow = 0;
      for (int h : t.peakHoursUtc()) {
        inWindow += cells.get(24 + h) + (kind == 1 ? 0 : cells.get(h));
      }
      if (inWindow < (kind == 1 ? 90 : 200)) {
        continue;
      }
      eligible[kind]++;
      Set<Integer> planted = new HashSet<>(t.peakHoursUtc());
      long off = hours.stream().filter(h -> !planted.contains(h)).count();
      boolean hit = !hours.isEmpty() && off <= 1 && hours.stream().anyMatch(planted::contains);
      found[kind] += hit ? 1 : 0;
      if (hit && kind == 1) {
        weekendDays += r.getList(r.fieldIndex("peak_days")).equals(List.of(6, 7)) ? 1 : 0;
      }
    }
    System.out.printf(
        "peak hours found: every day %d of %d, weekends %d of %d (Saturday-Sunday named for %d);"
            + " false peaks %d of %d%n",
        found[0], eligible[0], found[1], eligible[1], weekendDays, falsePeaks, unplanted);
    assertThat(eligible[0]).isGreaterThan(50);
    assertThat(eligible[1]).isGreaterThan(50);
    assertThat((double) found[0] / eligible[0]).isGreaterThanOrEqualTo(0.75);
    assertThat((double) found[1] / eligible[1]).isGreaterThanOrEqualTo(0.15);
    assertThat((double) (found[0] + found[1]) / (eligible[0] + eligible[1]))
        .isGreaterThanOrEqualTo(0.5);
    assertThat((double) weekendDays / found[1]).isGreaterThanOrEqualTo(0.8);
    assertThat((double) falsePeaks / unplanted).isLessThanOrEqualTo(0.08);
  }

  @Test
  void progressionIsTheSlopeOfTheDisplayScore() {
    int rising = 0;
    int counted = 0;
    for (Row r : byPlayer.values()) {
      int rated = r.getAs("rated_games");
      if (rated < 2) {
        assertThat(r.<Object>getAs("progression_per_game")).isNull();
        continue;
      }
      Double perGame = r.getAs("progression_per_game");
      assertThat(perGame).isNotNull();
      counted++;
      // the display score is conservative (mu - k sigma): it climbs as sigma falls
      rising += perGame > 0 ? 1 : 0;
    }
    assertThat(counted).isGreaterThan(500);
    assertThat((double) rising / counted).isGreaterThan(0.5);
  }

  @Test
  void sameInputSameViewWhateverThePartitioning() {
    JobOptions options = JobOptions.of(root, SEASON);
    List<String> first = insights.manifest().files().stream().map(f -> f.sha256()).toList();
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "7");
      InsightsJob.RunResult again =
          InsightsJob.run(
              spark,
              options,
              PlayerInsights.Options.defaults(),
              Optional.of(ranked.version()),
              at(NIGHT.plusSeconds(60)));
      assertThat(again.version()).isNotEqualTo(insights.version());
      assertThat(ViewStore.of(spark, new DatasetLayout(root)).currentRunOf(InsightsJob.JOB, SEASON))
          .contains(again.version());
      assertThat(again.version().substring(17)).isEqualTo(insights.version().substring(17));
      assertThat(again.manifest().files().stream().map(f -> f.sha256()).toList()).isEqualTo(first);
      assertThat(again.manifest().counts()).isEqualTo(insights.manifest().counts());
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", "4");
    }
  }

  @Test
  void aSeasonWithoutRankingsRunIsAClearError() {
    assertThatThrownBy(
            () ->
                InsightsJob.run(
                    spark,
                    JobOptions.of(root, "2026-S1"),
                    PlayerInsights.Options.defaults(),
                    Optional.empty(),
                    at(NIGHT)))
        .hasMessageContaining("has no rankings run")
        .hasMessageContaining("gsm batch rankings");
  }
}
