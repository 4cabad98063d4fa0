package dev.gsm.batch.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.views.ViewManifest;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.spark.SharedSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeasonBatchJobTest extends SharedSparkSession {

  static final Instant NIGHT = Instant.parse("2026-11-21T02:00:00Z");

  @TempDir Path dir;

  @AfterEach
  void restoreShufflePartitions() {
    spark.conf().set("spark.sql.shuffle.partitions", "4");
  }

  static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  /** Duplicates, dirty rows and late matches, spread over the season's first days. */
  String dirtySeason() {
    List<Row> rows = new ArrayList<>(MatchFixtures.withDuplicates());
    rows.addAll(MatchFixtures.dirtyRows());
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, rows);
    return root;
  }

  @Test
  void aRunReadsValidatesDedupesAndPublishesAVersionWithItsManifest() {
    String root = dirtySeason();
    JobOptions options = JobOptions.of(root, MatchFixtures.SEASON);

    SeasonBatchJob.RunResult result = SeasonBatchJob.run(spark, options, at(NIGHT));

    ViewManifest m = result.manifest();
    assertThat(result.version()).startsWith("20261121T020000Z-");
    assertThat(m.counts())
        .containsEntry("read", 40L)
        .containsEntry("after_watermark", 0L)
        .containsEntry("rejected", 7L)
        .containsEntry("duplicates_dropped", 3L)
        .containsEntry("accepted", 30L)
        .containsEntry("view_rows", 6L);
    assertThat(m.rejectsByReason()).containsEntry("match_id", 1L);
    assertThat(m.inputs()).isNotEmpty();
    assertThat(m.timingsMillis())
        .containsKeys("readMatches", "writeRejects", "countAccepted", "rank", "writeActivity");
    assertThat(m.files()).hasSize(1);

    ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
    assertThat(store.currentRun(MatchFixtures.SEASON)).contains(result.version());
    List<Row> activity =
        store
            .readCurrent(spark, SeasonActivity.VIEW, MatchFixtures.SEASON)
            .orderBy("player_id")
            .collectAsList();
    assertThat(activity).hasSize(6);
    assertThat(activity.stream().mapToLong(r -> r.<Long>getAs("games")).sum()).isEqualTo(60);
    assertThat(Files.isDirectory(dir.resolve("rejects/season/version=" + result.version())))
        .isTrue();
  }

  @Test
  void matchesAfterTheWatermarkOffsetWaitForTheNextRun() {
    String root = dir.toUri().toString();
    var season = MatchFixtures.logged(MatchFixtures.season(20, 4, 4));
    MatchFixtures.write(spark, root, MatchFixtures.rows(season));
    JobOptions options = JobOptions.of(root, MatchFixtures.SEASON).withWatermarkOffset(15);

    ViewManifest m = SeasonBatchJob.run(spark, options, at(NIGHT)).manifest();

    assertThat(m.watermarkOffset()).isEqualTo(15);
    assertThat(m.watermarkSource()).isEqualTo("option");
    assertThat(m.latestEndedAt()).isEqualTo(season.get(14).endedAt());
    assertThat(m.counts()).containsEntry("read", 15L).containsEntry("after_watermark", 5L);
    assertThat(m.counts()).containsEntry("accepted", 15L);
  }

  @Test
  void ratingViewsAreBitIdenticalWith1And2And8Partitions() {
    String root = dirtySeason();
    JobOptions options = JobOptions.of(root, MatchFixtures.SEASON);

    List<SeasonBatchJob.RunResult> runs = new ArrayList<>();
    int run = 0;
    for (int partitions : new int[] {1, 2, 8}) {
      spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions));
      runs.add(SeasonBatchJob.run(spark, options, at(NIGHT.plusSeconds(run++))));
    }

    for (String view :
        List.of(
            SeasonActivity.VIEW,
            dev.gsm.batch.rankings.SeasonRankings.LEADERBOARDS,
            dev.gsm.batch.rankings.SeasonRankings.RANK_HISTORY,
            dev.gsm.batch.insights.PlayerModeStats.VIEW,
            dev.gsm.batch.rankings.SeasonRankings.PLAYER_PERFORMANCE)) {
      ViewManifest first = runs.get(0).manifest(view);
      assertThat(first.rows()).isPositive();
      for (SeasonBatchJob.RunResult r : runs.subList(1, 3)) {
        ViewManifest m = r.manifest(view);
        assertThat(m.files())
            .as(view)
            .extracting(f -> f.sha256())
            .isEqualTo(first.files().stream().map(f -> f.sha256()).toList());
        assertThat(m.counts()).isEqualTo(first.counts());
        assertThat(m.inputFingerprint()).isEqualTo(first.inputFingerprint());
      }
    }
  }

  @Test
  void viewsOfOneRunBecomeCurrentTogether() {
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(10, 4, 2)));
    JobOptions options = JobOptions.of(root, MatchFixtures.SEASON);
    String first = SeasonBatchJob.run(spark, options, at(NIGHT)).version();
    MatchFixtures.write(
        spark,
        root,
        MatchFixtures.rows(
            List.of(
                MatchFixtures.duel(
                    "late-1", MatchFixtures.DAY_ONE.plusSeconds(99_000), "p-7", "p-8"))));

    assertThatThrownBy(
            () ->
                SeasonBatchJob.run(
                    spark,
                    options,
                    at(NIGHT.plusSeconds(86_400)),
                    () -> {
                      throw new IllegalStateException("killed between data and manifest");
                    }))
        .hasMessageContaining("killed");

    ViewStore store = ViewStore.of(spark, new DatasetLayout(root));
    String season = MatchFixtures.SEASON;
    List<String> views =
        List.of(
            SeasonActivity.VIEW,
            dev.gsm.batch.rankings.SeasonRankings.LEADERBOARDS,
            dev.gsm.batch.rankings.SeasonRankings.RANK_HISTORY);
    assertThat(store.currentRun(season)).contains(first);
    for (String view : views) {
      assertThat(store.versions(view)).as(view).containsExactly(first);
    }
    assertThat(store.readCurrent(spark, SeasonActivity.VIEW, season).count()).isEqualTo(4);

    String second = SeasonBatchJob.run(spark, options, at(NIGHT.plusSeconds(90_000))).version();
    assertThat(store.currentRun(season)).contains(second);
    for (String view : views) {
      assertThat(store.versions(view)).as(view).containsExactly(first, second);
    }
    assertThat(store.readCurrent(spark, SeasonActivity.VIEW, season).count()).isEqualTo(6);
    assertThat(
            store
                .readCurrent(spark, dev.gsm.batch.rankings.SeasonRankings.LEADERBOARDS, season)
                .filter("board = 'global'")
                .count())
        .isEqualTo(6);
    assertThat(store.read(spark, SeasonActivity.VIEW, first).count()).isEqualTo(4);
  }
}
