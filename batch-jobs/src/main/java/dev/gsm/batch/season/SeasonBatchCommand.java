package dev.gsm.batch.season;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gsm batch}: parses the arguments into {@link JobOptions} and runs the season batch. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds the batch views of one season from the master dataset, up to a watermark.",
      "Writes views/<name>/version=<V>/ with its manifest, then moves views/<name>/current."
    })
public final class SeasonBatchCommand implements Callable<Integer> {

  @Option(
      names = "--data-root",
      defaultValue = "data",
      description = "Data root: a local folder or s3a://bucket/prefix (default: ${DEFAULT-VALUE}).")
  String dataRoot;

  @Option(names = "--season", required = true, description = "Season to rebuild, e.g. 2026-S4.")
  String season;

  @Option(
      names = "--watermark",
      description =
          "ISO-8601 instant; cover matches ending at or before it (default: the end of"
              + " the data).")
  String watermark;

  @Option(
      names = "--master",
      description = "Spark master (default: the one spark-submit set, else local[*]).")
  String master;

  @Option(names = "--partitions", description = "Shuffle partitions and default parallelism.")
  Integer partitions;

  @Option(
      names = "--conf",
      description =
          "Extra Spark setting key=value, repeatable (e.g. spark.hadoop.fs.s3a.endpoint).")
  Map<String, String> conf = new LinkedHashMap<>();

  JobOptions options() {
    Optional<Instant> w;
    try {
      w = Optional.ofNullable(watermark).map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--watermark: '"
              + watermark
              + "' is not an ISO-8601 instant such as 2026-11-21T02:00:00Z");
    }
    return new JobOptions(
        dataRoot,
        season,
        w,
        Optional.ofNullable(master),
        partitions == null ? OptionalInt.empty() : OptionalInt.of(partitions),
        conf);
  }

  @Override
  public Integer call() {
    SeasonBatchJob.RunResult result = SeasonBatchJob.run(options(), Clock.systemUTC());
    var m = result.manifest();
    System.out.printf(
        "season %s: version %s, watermark %s%n  counts %s%n  rejects %s %s%n  timings (ms) %s%n",
        m.season(),
        result.version(),
        m.watermark(),
        m.counts(),
        result.rejects().path(),
        m.rejectsByReason(),
        m.timingsMillis());
    return 0;
  }
}
