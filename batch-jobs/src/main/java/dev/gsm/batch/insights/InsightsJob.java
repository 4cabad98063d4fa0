package dev.gsm.batch.insights;

import static org.apache.spark.sql.functions.col;

import dev.gsm.batch.input.InputFile;
import dev.gsm.batch.input.MasterDataset;
import dev.gsm.batch.rankings.SeasonRankings;
import dev.gsm.batch.season.JobOptions;
import dev.gsm.batch.season.SeasonBatchJob;
import dev.gsm.batch.season.StepTimer;
import dev.gsm.batch.views.VersionId;
import dev.gsm.batch.views.ViewManifest;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.batch.views.ViewStore.WrittenVersion;
import dev.gsm.schema.DatasetLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;

/**
 * The player insights job: {@code resolveRun → readInputs → styles (k-means fit, naming) → peaks
 * and progression → writeInsights → publish (manifest, then views/_current/insights/season=S)}.
 *
 * <p>It reads a committed rankings run of the season (the current one unless told), never the
 * master dataset: its {@code player-mode-stats} and {@code player-performance} views were built
 * from exactly the matches that run rated, so the insights share its watermark, rejects,
 * deduplication and bans, and the expected scores behind the peak times come from the one rating
 * pass (BoardPass on the global board), not a second rating path. The insights version is its own
 * ({@code <run start>-<fingerprint of the source views' files>}), with its own pointer, so a
 * rankings run becomes current without waiting for insights, and a failed insights run leaves the
 * previous insights current.
 *
 * <p>Run it with {@code bin/gsm batch insights …} or {@code spark-submit --class
 * dev.gsm.batch.insights.InsightsJob batch-jobs-*-spark.jar …}.
 */
public final class InsightsJob {

  /** The job's name: its pointer {@code views/_current/insights/season=S}. */
  public static final String JOB = "insights";

  /** The views of the rankings run this job reads. */
  static final List<String> SOURCES =
      List.of(PlayerModeStats.VIEW, SeasonRankings.PLAYER_PERFORMANCE, SeasonRankings.LEADERBOARDS);

  /** What a run did. */
  public record RunResult(
      String version, String sourceRun, ViewManifest manifest, PlayStyles.Model styles) {}

  private InsightsJob() {}

  /** Entry point for spark-submit. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new InsightsCommand()).execute(args));
  }

  /** Starts a session for the options, runs, stops the session. */
  public static RunResult run(
      JobOptions options, PlayerInsights.Options insights, Optional<String> run, Clock clock) {
    SparkSession spark = SeasonBatchJob.session(options, JOB);
    try {
      return run(spark, options, insights, run, clock);
    } finally {
      spark.stop();
    }
  }

  /**
   * @param run the rankings run to read; empty: the season's current run
   */
  public static RunResult run(
      SparkSession spark,
      JobOptions options,
      PlayerInsights.Options insights,
      Optional<String> run,
      Clock clock) {
    Instant startedAt = clock.instant();
    StepTimer timer = new StepTimer();
    DatasetLayout layout = new DatasetLayout(options.dataRoot());
    ViewStore store = ViewStore.of(spark, layout);
    String season = options.season();
    String source =
        run.or(() -> store.currentRun(season))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "season "
                            + season
                            + " has no rankings run under "
                            + layout.root()
                            + ": run `gsm batch rankings` first"));
    ViewManifest sourceManifest = sourceManifest(store, season, source);
    progress("source run %s (watermark log_offset %d)", source, sourceManifest.watermarkOffset());

    List<InputFile> inputs = new ArrayList<>();
    for (String view : SOURCES) {
      inputs.addAll(
          MasterDataset.listDataFiles(
              spark.sparkContext().hadoopConfiguration(),
              new Path(layout.viewVersion(view, source))));
    }
    String fingerprint = MasterDataset.fingerprint(inputs, sourceManifest.watermarkOffset());
    String version = VersionId.of(startedAt, fingerprint);

    Dataset<Row> modeStats =
        timer.time(
            "readInputs",
            () ->
                store
                    .read(spark, PlayerModeStats.VIEW, source)
                    .persist(StorageLevel.MEMORY_AND_DISK()));
    Dataset<Row> performance = store.read(spark, SeasonRankings.PLAYER_PERFORMANCE, source);
    Dataset<Row> regions =
        store
            .read(spark, SeasonRankings.LEADERBOARDS, source)
            .filter(col("board").equalTo(SeasonRankings.GLOBAL))
            .select(col("player_id"), col("primary_region").as("region"));
    try {
      progress("fitting %d play styles (k-means)...", insights.styles());
      PlayerInsights.Result result =
          timer.time("styles", () -> PlayerInsights.of(modeStats, performance, regions, insights));
      for (int k = 0; k < result.styles().names().size(); k++) {
        progress(
            "  cluster %d -> %-10s %s",
            k, result.styles().names().get(k), traits(result.styles().centroids().get(k)));
      }
      progress("writing insights version %s...", version);
      WrittenVersion written =
          timer.time(
              "writeInsights",
              () ->
                  store.writeData(
                      PlayerInsights.VIEW, version, result.view(), PlayerInsights.SHAPE));
      Map<String, Long> counts =
          timer.time("count", () -> counts(spark.read().parquet(written.path())));
      counts.put("styled_players_fitted", result.styles().fitted());
      counts.put("view_rows", written.rows());
      ViewManifest manifest =
          new ViewManifest(
              PlayerInsights.VIEW,
              version,
              JOB,
              season,
              sourceManifest.watermarkOffset(),
              sourceManifest.watermarkSource(),
              sourceManifest.latestEndedAt(),
              inputs,
              fingerprint,
              counts,
              sourceManifest.rejectsByReason(),
              sourceManifest.rejectsPath(),
              written.files(),
              written.rows(),
              timer.millis(),
              startedAt,
              clock.instant());
      timer.time(
          "publish",
          () -> {
            store.commitRunOf(JOB, season, List.of(manifest));
            return null;
          });
      return new RunResult(version, source, manifest, result.styles());
    } finally {
      modeStats.unpersist();
    }
  }

  private static ViewManifest sourceManifest(ViewStore store, String season, String run) {
    for (String view : SOURCES) {
      if (store.manifest(view, run).isEmpty()) {
        throw new IllegalStateException(
            "run "
                + run
                + " of season "
                + season
                + " has no committed "
                + view
                + " view (it predates the insights job): run `gsm batch rankings` again");
      }
    }
    ViewManifest m = store.manifest(SeasonRankings.PLAYER_PERFORMANCE, run).orElseThrow();
    if (!m.season().equals(season)) {
      throw new IllegalStateException("run " + run + " is of season " + m.season());
    }
    return m;
  }

  /** Players per style and with peak hours/days, from the written view. */
  static Map<String, Long> counts(Dataset<Row> view) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Row r =
        view.selectExpr(
                "count(1)",
                "count_if(rated_games > 0)",
                "count_if(size(peak_hours) > 0)",
                "count_if(size(peak_days) > 0)")
            .head();
    counts.put("players", r.getLong(0));
    counts.put("rated_players", r.getLong(1));
    counts.put("players_with_peak_hours", r.getLong(2));
    counts.put("players_with_peak_days", r.getLong(3));
    Map<String, Long> styles = new TreeMap<>();
    for (Row s : view.groupBy("play_style").count().collectAsList()) {
      styles.put(s.getString(0), s.getLong(1));
    }
    styles.forEach((name, n) -> counts.put("style_" + name, n));
    return counts;
  }

  static String traits(double[] centroid) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < PlayStyles.TRAITS.size(); t++) {
      sb.append(t == 0 ? "" : " ")
          .append(PlayStyles.TRAITS.get(t))
          .append(String.format(Locale.ROOT, " x%.2f", Math.exp(centroid[t])));
    }
    return sb.toString();
  }

  static void progress(String format, Object... args) {
    System.err.printf("gsm batch insights: " + format + "%n", args);
  }
}
