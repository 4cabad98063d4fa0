package dev.gsm.batch.season;

import dev.gsm.batch.input.Dedup;
import dev.gsm.batch.input.Dedup.Deduped;
import dev.gsm.batch.input.MasterDataset;
import dev.gsm.batch.input.SeasonInput;
import dev.gsm.batch.input.Validation;
import dev.gsm.batch.input.Validation.RejectSummary;
import dev.gsm.batch.input.Validation.Validated;
import dev.gsm.batch.spark.SparkSessions;
import dev.gsm.batch.views.VersionId;
import dev.gsm.batch.views.ViewManifest;
import dev.gsm.batch.views.ViewStore;
import dev.gsm.batch.views.ViewStore.WrittenVersion;
import dev.gsm.schema.DatasetLayout;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import picocli.CommandLine;

/**
 * The nightly season batch: {@code readMatches → validate → writeRejects → dedupe → (rating,
 * leaderboards, history, insights: to come) → writeView → publishView}. {@link #run} only wires the
 * steps; each is a static function tested on a local session.
 *
 * <p>Run it with {@code bin/gsm batch …} (local, {@code local[*]}) or with {@code spark-submit
 * --class dev.gsm.batch.season.SeasonBatchJob batch-jobs-*-spark.jar …} (same arguments).
 */
public final class SeasonBatchJob {

  /** The job's name in {@code rejects/<job>/}. */
  public static final String JOB = "season";

  /**
   * What a run did.
   *
   * @param version the version id of every view it wrote
   * @param manifest the committed manifest of {@code season-activity}
   * @param rejects where the rejects went and their counts
   */
  public record RunResult(String version, ViewManifest manifest, RejectSummary rejects) {}

  private SeasonBatchJob() {}

  /** Entry point for spark-submit. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new SeasonBatchCommand()).execute(args));
  }

  /** Starts a session for the options, runs, stops the session. */
  public static RunResult run(JobOptions options, Clock clock) {
    Map<String, String> conf = new LinkedHashMap<>(options.sparkConf());
    options
        .partitions()
        .ifPresent(
            n -> {
              conf.putIfAbsent("spark.sql.shuffle.partitions", Integer.toString(n));
              conf.putIfAbsent("spark.default.parallelism", Integer.toString(n));
            });
    SparkSession spark =
        SparkSessions.create(
            "gsm-" + JOB + "-" + options.season(), options.master().orElse(null), conf);
    try {
      return run(spark, options, clock);
    } finally {
      spark.stop();
    }
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
            () -> MasterDataset.readMatches(spark, layout, options.season(), options.watermark()));
    String version = VersionId.of(startedAt, input.fingerprint());
    Validated validated = timer.time("validate", () -> Validation.validate(input.matches()));
    RejectSummary rejects =
        timer.time(
            "writeRejects",
            () -> Validation.writeRejects(validated.rejects(), layout.rejects(JOB, version)));
    Deduped deduped = timer.time("dedupe", () -> Dedup.dedupe(validated.valid()));
    // Every later step reads the accepted matches: compute them once.
    Dataset<Row> accepted = deduped.matches().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long acceptedCount = timer.time("countAccepted", accepted::count);
      WrittenVersion written =
          timer.time(
              "writeView",
              () ->
                  store.writeData(
                      SeasonActivity.VIEW,
                      version,
                      SeasonActivity.of(accepted),
                      SeasonActivity.SHAPE));
      beforeCommit.run();

      Map<String, Long> counts = new LinkedHashMap<>();
      counts.put("read", input.rowsRead());
      counts.put("after_watermark", input.afterWatermark());
      counts.put("rejected", rejects.count());
      counts.put("duplicates_dropped", input.rowsRead() - rejects.count() - acceptedCount);
      counts.put("accepted", acceptedCount);
      counts.put("view_rows", written.rows());
      ViewManifest manifest =
          new ViewManifest(
              SeasonActivity.VIEW,
              version,
              JOB,
              options.season(),
              input.watermark(),
              input.files(),
              input.fingerprint(),
              counts,
              rejects.byReason(),
              rejects.path(),
              written.files(),
              written.rows(),
              timer.millis(),
              startedAt,
              clock.instant());
      timer.time(
          "publishView",
          () -> {
            store.commit(manifest);
            return null;
          });
      return new RunResult(version, manifest, rejects);
    } finally {
      accepted.unpersist();
    }
  }
}
