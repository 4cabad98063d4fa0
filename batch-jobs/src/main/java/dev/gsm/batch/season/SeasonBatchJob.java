package dev.gsm.batch.season;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.gsm.batch.input.Dedup;
import dev.gsm.batch.input.Dedup.Deduped;
import dev.gsm.batch.input.MasterDataset;
import dev.gsm.batch.input.SeasonInput;
import dev.gsm.batch.input.Validation;
import dev.gsm.batch.input.Validation.RejectSummary;
import dev.gsm.batch.input.Validation.Validated;
import dev.gsm.batch.insights.PlayerModeStats;
import dev.gsm.batch.rankings.Bans;
import dev.gsm.batch.rankings.SeasonRankings;
import dev.gsm.batch.views.VersionId;
import dev.gsm.batch.views.ViewManifest;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.batch.views.ViewStore.WrittenVersion;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.spark.SparkSessions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;

/**
 * The nightly season batch: {@code readMatches → validate → writeRejects → dedupe → dropBanned →
 * rank (driver pass over the compact encoding) → write season-activity, leaderboards, rank-history,
 * player-mode-stats, player-performance → publishViews (every manifest, then the season's one run
 * pointer)}. The last two are the insights job's input. {@link #run} only wires the steps; each is
 * a static function tested on a local session.
 *
 * <p>Run it with {@code bin/gsm batch …} (local, {@code local[*]}) or with {@code spark-submit
 * --class dev.gsm.batch.season.SeasonBatchJob batch-jobs-*-spark.jar …} (the arguments of {@code
 * gsm batch rankings}).
 */
public final class SeasonBatchJob {

  /** The job's name in {@code rejects/<job>/}. */
  public static final String JOB = "season";

  /**
   * What a run did.
   *
   * @param version the version id of every view it wrote
   * @param manifests the committed manifests of every view of the run
   * @param rejects where the rejects went and their counts
   */
  public record RunResult(String version, List<ViewManifest> manifests, RejectSummary rejects) {

    /** The manifest of one view of the run. */
    public ViewManifest manifest(String view) {
      return manifests.stream().filter(m -> m.view().equals(view)).findFirst().orElseThrow();
    }

    /** The manifest of {@code season-activity}, for callers that need the run's figures. */
    public ViewManifest manifest() {
      return manifest(SeasonActivity.VIEW);
    }
  }

  private SeasonBatchJob() {}

  /** Entry point for spark-submit. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RankingsCommand()).execute(args));
  }

  /** Starts a session for the options, runs, stops the session. */
  public static RunResult run(JobOptions options, Clock clock) {
    SparkSession spark = session(options, JOB);
    try {
      return run(spark, options, clock);
    } finally {
      spark.stop();
    }
  }

  /**
   * A session for a batch job of the options' season: their master, Spark settings and partitions
   * (shuffle partitions and default parallelism).
   */
  public static SparkSession session(JobOptions options, String job) {
    Map<String, String> conf = new LinkedHashMap<>(options.sparkConf());
    options
        .partitions()
        .ifPresent(
            n -> {
              conf.putIfAbsent("spark.sql.shuffle.partitions", Integer.toString(n));
              conf.putIfAbsent("spark.default.parallelism", Integer.toString(n));
            });
    return SparkSessions.create(
        "gsm-" + job + "-" + options.season(), options.master().orElse(null), conf);
  }

  public static RunResult run(SparkSession spark, JobOptions options, Clock clock) {
    return run(spark, options, clock, () -> {});
  }

  /**
   * {@code beforeCommit} runs after the data is written and before the manifest: tests crash there.
   */
  static RunResult run(SparkSession spark, JobOptions options, Clock clock, Runnable beforeCommit) {
    Instant startedAt = clock.instant();
    StepTimer timer = new StepTimer();
    DatasetLayout layout = new DatasetLayout(options.dataRoot());
    ViewStore store = ViewStore.of(spark, layout);

    SeasonInput input =
        timer.time(
            "readMatches",
            () ->
                MasterDataset.readMatches(
                    spark, layout, options.season(), options.watermarkOffset()));
    String version = VersionId.of(startedAt, input.fingerprint());
    // Validated once: rejects, dedupe and the rest read the persisted verdicts. Not a _SER level:
    // cached batches are compressed columns already, and a scan of a few columns reads only those.
    Dataset<Row> checked =
        Validation.check(input.matches()).persist(StorageLevel.MEMORY_AND_DISK());
    Validated validated = timer.time("validate", () -> Validation.split(checked));
    RejectSummary rejects =
        timer.time(
            "writeRejects",
            () -> Validation.writeRejects(validated.rejects(), layout.rejects(JOB, version)));
    Deduped deduped = timer.time("dedupe", () -> Dedup.dedupe(validated.valid()));
    Bans.Filtered unbanned =
        timer.time(
            "dropBanned",
            () ->
                Bans.dropMatchesOfBanned(
                    deduped.matches(), Bans.bannedPlayers(spark, layout, options.season())));
    // Every later step reads the accepted matches: compute them once.
    Dataset<Row> accepted = unbanned.matches().persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> perMode = null;
    try {
      Row acceptedStats =
          timer.time(
              "countAccepted",
              () -> accepted.agg(count(lit(1)), min(col("date")), max(col("date"))).head());
      long acceptedCount = acceptedStats.getLong(0);
      // One explode of the accepted matches for season-activity and player-mode-stats.
      perMode =
          PlayerModeStats.perMode(
                  accepted,
                  PlayerModeStats.DaySpan.of(
                      dateOrNull(acceptedStats, 1), dateOrNull(acceptedStats, 2)))
              .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> modes = perMode;
      long afterDedupe =
          unbanned.bannedPlayers() == 0
              ? acceptedCount
              : timer.time("countDeduped", () -> deduped.matches().count());
      // Every later step reads the accepted cache: free the verdicts (every row of the season)
      // before the driver's rating pass needs the heap (3M matches ran out of 12 GB with both).
      checked.unpersist();
      Map<String, WrittenVersion> written = new LinkedHashMap<>();
      written.put(
          SeasonActivity.VIEW,
          timer.time(
              "writeActivity",
              () ->
                  store.writeData(
                      SeasonActivity.VIEW,
                      version,
                      SeasonActivity.of(modes),
                      SeasonActivity.SHAPE)));
      written.put(
          PlayerModeStats.VIEW,
          timer.time(
              "writeModeStats",
              () ->
                  store.writeData(
                      PlayerModeStats.VIEW,
                      version,
                      PlayerModeStats.of(modes),
                      PlayerModeStats.SHAPE)));
      // Read by nothing after these two views.
      perMode.unpersist();
      Map<String, Map<String, PlayerRating>> previous =
          timer.time(
              "readPreviousSeason",
              () -> previousSeason(spark, store, options.season(), options.rating()));
      SeasonRankings.Result ranked =
          timer.time(
              "rank",
              () ->
                  SeasonRankings.rank(
                      spark,
                      options.season(),
                      accepted,
                      options.rating(),
                      options.leagues(),
                      previous,
                      store.staging(version),
                      // The driver's pass needs the heap more than Spark's cache of every match.
                      accepted::unpersist));
      written.put(
          SeasonRankings.LEADERBOARDS,
          timer.time(
              "writeLeaderboards",
              () ->
                  store.writeData(
                      SeasonRankings.LEADERBOARDS,
                      version,
                      ranked.leaderboards(),
                      SeasonRankings.LEADERBOARDS_SHAPE)));
      written.put(
          SeasonRankings.RANK_HISTORY,
          timer.time(
              "writeRankHistory",
              () ->
                  store.writeData(
                      SeasonRankings.RANK_HISTORY,
                      version,
                      ranked.history(),
                      SeasonRankings.RANK_HISTORY_SHAPE)));
      written.put(
          SeasonRankings.PLAYER_PERFORMANCE,
          timer.time(
              "writePerformance",
              () ->
                  store.writeData(
                      SeasonRankings.PLAYER_PERFORMANCE,
                      version,
                      ranked.performance(),
                      SeasonRankings.PLAYER_PERFORMANCE_SHAPE)));
      ranked.release().run(); // its cached rows are written: free them for what runs next
      beforeCommit.run();
      // The manifests in the views' usual order, whatever order the steps wrote them in.
      for (String view :
          List.of(
              SeasonActivity.VIEW,
              SeasonRankings.LEADERBOARDS,
              SeasonRankings.RANK_HISTORY,
              PlayerModeStats.VIEW,
              SeasonRankings.PLAYER_PERFORMANCE)) {
        written.put(view, written.remove(view));
      }

      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("read", input.rowsRead());
      counts.put("after_watermark", input.afterWatermark());
      counts.put("rejected", rejects.count());
      counts.put("duplicates_dropped", input.rowsRead() - rejects.count() - afterDedupe);
      counts.put("banned_players", unbanned.bannedPlayers());
      counts.put("banned_matches_dropped", afterDedupe - acceptedCount);
      counts.put("accepted", acceptedCount);
      counts.put("rated", ranked.ratedMatches());
      counts.put("rated_players", ranked.players());
      counts.put("carried_from_previous_season", ranked.carriedPlayers());
      Map<String, Long> millis = new LinkedHashMap<>(timer.millis());
      ranked.millis().forEach((k, v) -> millis.put("rank." + k, v));
      List<ViewManifest> manifests = new ArrayList<>();
      Instant committedAt = clock.instant();
      for (WrittenVersion w : written.values()) {
        Map<String, Long> viewCounts = new LinkedHashMap<>(counts);
        viewCounts.put("view_rows", w.rows());
        manifests.add(
            new ViewManifest(
                w.view(),
                version,
                JOB,
                options.season(),
                input.watermarkOffset(),
                input.watermarkSource().name().toLowerCase(java.util.Locale.ROOT),
                input.latestEndedAt(),
                input.files(),
                input.fingerprint(),
                viewCounts,
                rejects.byReason(),
                rejects.path(),
                w.files(),
                w.rows(),
                millis,
                startedAt,
                committedAt));
      }
      timer.time(
          "publishViews",
          () -> {
            store.commitRun(options.season(), manifests);
            return null;
          });
      return new RunResult(version, manifests, rejects);
    } finally {
      if (perMode != null) {
        perMode.unpersist();
      }
      accepted.unpersist();
      checked.unpersist();
      store.deleteStaging(version);
    }
  }

  private static java.time.LocalDate dateOrNull(Row row, int i) {
    // a LocalDate with the session's java8API (SparkSessions), a java.sql.Date without
    Object v = row.get(i);
    return v == null
        ? null
        : v instanceof java.time.LocalDate d ? d : ((java.sql.Date) v).toLocalDate();
  }

  /**
   * Last season's final global and mode ratings (its current run's {@code leaderboards}), by board;
   * empty when that season has no run. Games carry over as the engine's "not a newcomer" count.
   */
  static Map<String, Map<String, PlayerRating>> previousSeason(
      SparkSession spark, ViewStore store, String season, RatingParameters params) {
    String previous = SeasonCalendar.quarterly().previous(season);
    if (store.currentRun(previous).isEmpty()) {
      return Map.of();
    }
    Map<String, Map<String, PlayerRating>> out = new TreeMap<>();
    List<Row> rows =
        store
            .readCurrent(spark, SeasonRankings.LEADERBOARDS, previous)
            .filter("board = 'global' OR board LIKE 'mode:%'")
            .select("board", "player_id", "mu", "sigma", "last_played_at", "games")
            .collectAsList();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(0), b -> new TreeMap<>())
          .put(
              r.getString(1),
              new PlayerRating(
                  r.getDouble(2),
                  r.getDouble(3),
                  r.<Instant>getAs(4).getEpochSecond(),
                  r.getInt(5),
                  0,
                  0,
                  0));
    }
    return out;
  }
}
