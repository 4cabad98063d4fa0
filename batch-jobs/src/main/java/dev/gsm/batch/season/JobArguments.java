package dev.gsm.batch.season;

import dev.gsm.core.rating.Leagues;
import dev.gsm.core.rating.RatingParameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import picocli.CommandLine.Option;

/** The arguments every {@code gsm batch} job shares, parsed into {@link JobOptions}. */
public final class JobArguments {

  @Option(
      names = "--data-root",
      defaultValue = "data",
      description = "Data root: a local folder or s3a://bucket/prefix (default: ${DEFAULT-VALUE}).")
  String dataRoot;

  @Option(names = "--season", required = true, description = "Season to rebuild, e.g. 2026-S4.")
  String season;

  @Option(
      names = "--watermark-offset",
      description =
          "Cover the matches with log_offset <= this (default: the archiver's checkpoint"
              + " matches/_archived_through.json, else everything present).")
  Long watermarkOffset;

  @Option(
      names = "--master",
      description = "Spark master (default: the one spark-submit set, else local[*]).")
  String master;

  @Option(names = "--partitions", description = "Shuffle partitions and default parallelism.")
  Integer partitions;

  @Option(
      names = "--smoothing-window-days",
      description =
          "Re-smoothing window of the rating engine; 0 = online filter only (default: the"
              + " engine's, 2000).")
  Integer smoothingWindowDays;

  @Option(
      names = "--leagues",
      defaultValue = "bronze=0,silver=30,gold=60,platinum=85,diamond=95,master=99",
      description = "League=lowest percentile, ascending (default: ${DEFAULT-VALUE}).")
  String leagues;

  @Option(
      names = "--conf",
      description =
          "Extra Spark setting key=value, repeatable (e.g. spark.hadoop.fs.s3a.endpoint).")
  Map<String, String> conf = new LinkedHashMap<>();

  public JobOptions options() {
    RatingParameters rating = RatingParameters.defaults();
    if (smoothingWindowDays != null) {
      if (smoothingWindowDays < 0) {
        throw new IllegalArgumentException("--smoothing-window-days: must be at least 0");
      }
      rating = rating.withSmoothing(smoothingWindowDays, rating.smoothingIterations());
    }
    return new JobOptions(
        dataRoot,
        season,
        watermarkOffset == null ? OptionalLong.empty() : OptionalLong.of(watermarkOffset),
        Optional.ofNullable(master),
        partitions == null ? OptionalInt.empty() : OptionalInt.of(partitions),
        conf,
        rating,
        Leagues.parse(leagues));
  }
}
