package dev.gsm.batch.rankings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.season.JobOptions;
import dev.gsm.batch.season.SeasonBatchJob;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerBan;
import dev.gsm.spark.SharedSparkSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonRankingsJobTest extends SharedSparkSession {

  static final Instant NIGHT = Instant.parse("2026-11-21T02:00:00Z");

  @TempDir Path dir;

  static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  /** Filter only: keeps the tests about event order free of the smoother's global coupling. */
  static JobOptions options(String root) {
    JobOptions o = JobOptions.of(root, MatchFixtures.SEASON);
    return o.withRating(o.rating().withSmoothing(0, 1));
  }

  static Map<String, Row> board(String root, String board) {
    Map<String, Row> out = new TreeMap<>();
    ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
    for (Row r :
        store
            .readCurrent(spark, SeasonRankings.LEADERBOARDS, MatchFixtures.SEASON)
            .filter("board = '" + board + "'")
            .collectAsList()) {
      out.put(r.getAs("player_id"), r);
    }
    return out;
  }

  @Test
  void leaderboardsRankEveryBoardWithPercentilesLeaguesAndForm() {
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(40, 6, 4)));

    SeasonBatchJob.RunResult result = SeasonBatchJob.run(spark, options(root), at(NIGHT));

    Map<String, Row> global = board(root, "global");
    assertThat(global).hasSize(6);
    assertThat(global.values())
        .extracting(r -> r.<Long>getAs("rank"))
        .containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
    Row top =
        global.values().stream().filter(r -> r.<Long>getAs("rank") == 1).findFirst().orElseThrow();
    assertThat(top.<Double>getAs("percentile")).isEqualTo(100.0 * 5 / 6);
    assertThat(top.<String>getAs("league")).isEqualTo("gold");
    for (Row r : global.values()) {
      int games = r.getAs("games");
      assertThat(r.<Integer>getAs("wins") + r.<Integer>getAs("losses") + r.<Integer>getAs("draws"))
          .isEqualTo(games);
      assertThat(r.<String>getAs("recent_form")).hasSize(Math.min(games, 10)).matches("[WLD]+");
      assertThat(r.<Double>getAs("avg_match_quality")).isBetween(0.0, 1.0);
      assertThat(r.<Integer>getAs("active_days")).isBetween(1, 5);
    }
    assertThat(board(root, "mode:duel")).hasSize(6);
    assertThat(board(root, "region:eu-west")).hasSize(6);
    assertThat(board(root, "platform:pc")).hasSize(6);

    List<Row> history = globalHistory(root);
    assertThat(history).hasSize(6);
    for (Row h : history) {
      List<Integer> ranks = h.getList(h.fieldIndex("ranks"));
      assertThat(ranks).isNotEmpty().allSatisfy(r -> assertThat(r).isBetween(1, 6));
      Row now = global.get(h.<String>getAs("player_id"));
      // Smoothing is off: the last day's rank is the final rank.
      assertThat(ranks.get(ranks.size() - 1).longValue()).isEqualTo(now.<Long>getAs("rank"));
    }
    assertThat(result.manifest(SeasonRankings.LEADERBOARDS).counts()).containsEntry("rated", 40L);
  }

  @Test
  void bannedPlayersOpponentsAreReRatedAsIfHeNeverPlayed() {
    List<MatchEvent> season = MatchFixtures.season(60, 8, 4);
    String withBan = dir.resolve("with-ban").toUri().toString();
    String without = dir.resolve("never-played").toUri().toString();
    MatchFixtures.write(spark, withBan, MatchFixtures.rows(season));
    MatchFixtures.write(
        spark,
        without,
        MatchFixtures.rows(
            season.stream()
                .filter(
                    e ->
                        e.sides().stream()
                            .flatMap(s -> s.players().stream())
                            .noneMatch(p -> p.playerId().equals("p-3")))
                .toList()));
    Bans.record(
        spark,
        new DatasetLayout(withBan),
        MatchFixtures.SEASON,
        List.of(new PlayerBan("p-3", NIGHT.minusSeconds(60), "aimbot", "ban-1")));

    var banned = SeasonBatchJob.run(spark, JobOptions.of(withBan, MatchFixtures.SEASON), at(NIGHT));
    SeasonBatchJob.run(spark, JobOptions.of(without, MatchFixtures.SEASON), at(NIGHT));

    Map<String, Row> a = board(withBan, "global");
    Map<String, Row> b = board(without, "global");
    assertThat(a).doesNotContainKey("p-3").hasSize(7);
    assertThat(a.keySet()).isEqualTo(b.keySet());
    for (String p : a.keySet()) {
      assertThat(a.get(p).<Double>getAs("mu")).as(p).isEqualTo(b.get(p).<Double>getAs("mu"));
      assertThat(a.get(p).<Long>getAs("rank")).as(p).isEqualTo(b.get(p).<Long>getAs("rank"));
    }
    assertThat(banned.manifest().counts())
        .containsEntry("banned_players", 1L)
        .containsEntry(
            "banned_matches_dropped",
            60L
                - season.stream()
                    .filter(
                        e ->
                            e.sides().stream()
                                .flatMap(s -> s.players().stream())
                                .noneMatch(p -> p.playerId().equals("p-3")))
                    .count());
  }

  @Test
  void lateMatchIsPlacedAtItsEventTimeByTheNextRun() {
    List<MatchEvent> season = MatchFixtures.season(30, 5, 3);
    String root = dir.resolve("live").toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.logged(season)));
    ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
    String first = SeasonBatchJob.run(spark, options(root), at(NIGHT)).version();
    List<Row> before = history(store, first);

    // Played on day one, accepted after the first run: log offset 31.
    MatchEvent late =
        MatchFixtures.duel("late-1", MatchFixtures.DAY_ONE.plusSeconds(600), "p-4", "p-0")
            .accepted(NIGHT.plusSeconds(60), 31);
    MatchFixtures.write(spark, root, MatchFixtures.rows(List.of(late)));
    String second =
        SeasonBatchJob.run(spark, options(root), at(NIGHT.plusSeconds(86_400))).version();

    // The new version equals a rebuild that had the match in its event-time place all along.
    List<MatchEvent> inOrder = new ArrayList<>(season);
    inOrder.add(late);
    String fresh = dir.resolve("fresh").toUri().toString();
    MatchFixtures.write(spark, fresh, MatchFixtures.rows(inOrder));
    SeasonBatchJob.run(spark, options(fresh), at(NIGHT));
    Map<String, Row> rebuilt = board(root, "global");
    Map<String, Row> expected = board(fresh, "global");
    for (String p : expected.keySet()) {
      assertThat(rebuilt.get(p).<Double>getAs("mu"))
          .as(p)
          .isEqualTo(expected.get(p).<Double>getAs("mu"));
    }
    // Day one's history changed in the new version only; the old version is untouched.
    assertThat(history(store, first)).isEqualTo(before);
    assertThat(history(store, second)).isNotEqualTo(before);
    assertThat(store.currentRun(MatchFixtures.SEASON)).contains(second);
  }

  @Test
  void aSeasonStartsFromThePreviousSeasonsSoftResetRatings() {
    String root = dir.toUri().toString();
    rankPreviousSeason(root, MatchFixtures.season(20, 4, 2));
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(10, 4, 1)));

    var result = SeasonBatchJob.run(spark, options(root), at(NIGHT.plusSeconds(1)));

    assertThat(result.manifest().counts()).containsEntry("carried_from_previous_season", 4L);
    Map<String, Row> global = board(root, "global");
    assertThat(global.values())
        .allSatisfy(r -> assertThat(r.<Integer>getAs("games")).isLessThanOrEqualTo(10));
  }

  @Test
  void everyDaysRanksAreTheRankOrderOfThatDaysScoresWithCarriedAndNewPlayers() {
    String root = dir.toUri().toString();
    rankPreviousSeason(root, MatchFixtures.season(60, 10, 3));
    // 14 players over 12 days: p-10..p-13 are new, the others start from last season's ratings
    // (some of them only play days later); some days have no match of a given player.
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(150, 14, 12)));
    SeasonBatchJob.run(spark, options(root), at(NIGHT.plusSeconds(1)));

    List<Row> history = globalHistory(root);
    assertThat(history).hasSize(14);
    Map<java.time.LocalDate, List<float[]>> byDay = new TreeMap<>(); // {rank, score}
    for (Row h : history) {
      java.time.LocalDate first = h.getAs("first_day");
      List<Integer> ranks = h.getList(h.fieldIndex("ranks"));
      List<Float> scores = h.getList(h.fieldIndex("display_scores"));
      for (int d = 0; d < ranks.size(); d++) {
        byDay
            .computeIfAbsent(first.plusDays(d), k -> new ArrayList<>())
            .add(new float[] {ranks.get(d), scores.get(d)});
      }
    }
    assertThat(byDay).hasSizeGreaterThanOrEqualTo(12);
    for (var day : byDay.entrySet()) {
      List<float[]> ranked = new ArrayList<>(day.getValue());
      ranked.sort((a, b) -> Float.compare(a[0], b[0]));
      for (int r = 0; r < ranked.size(); r++) {
        // every player who has played by then, ranks 1..n with neither gap nor tie
        assertThat(ranked.get(r)[0]).as("rank on %s", day.getKey()).isEqualTo(r + 1);
        if (r > 0) {
          // rank order is score order, up to the key's quantum (then games and id decide)
          assertThat(ranked.get(r)[1])
              .as("score of rank %d on %s", r + 1, day.getKey())
              .isLessThanOrEqualTo(ranked.get(r - 1)[1] + 2e-4f);
        }
      }
    }
  }

  private static List<Row> globalHistory(String root) {
    return ViewStore.of(spark, new DatasetLayout(root))
        .readCurrent(spark, SeasonRankings.RANK_HISTORY, MatchFixtures.SEASON)
        .filter("board = 'global'")
        .collectAsList();
  }

  /** Ranks the matches, moved 40 days back, as season 2026-S3 (the fixtures' previous one). */
  private static void rankPreviousSeason(String root, List<MatchEvent> season) {
    List<MatchEvent> s3 = new ArrayList<>();
    for (MatchEvent e : season) {
      s3.add(
          new MatchEvent(
              1,
              "s3-" + e.matchId(),
              "2026-S3",
              e.mode(),
              e.region(),
              e.platform(),
              e.startedAt().minusSeconds(40 * 86_400),
              e.endedAt().minusSeconds(40 * 86_400),
              e.sides(),
              false,
              true));
    }
    MatchFixtures.write(spark, root, MatchFixtures.rows(s3));
    SeasonBatchJob.run(spark, options(root).withSeason("2026-S3"), at(NIGHT));
  }

  private static List<Row> history(ViewStore store, String version) {
    return store
        .read(spark, SeasonRankings.RANK_HISTORY, version)
        .filter("board = 'global'")
        .orderBy("player_id")
        .collectAsList();
  }
}
