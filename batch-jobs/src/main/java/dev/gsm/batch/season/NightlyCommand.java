package dev.gsm.batch.season;

import dev.gsm.batch.insights.InsightsCommand;
import dev.gsm.batch.insights.InsightsJob;
import dev.gsm.batch.insights.PlayerInsights;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gsm batch nightly} of this module: the season's Spark jobs in order, rankings then
 * insights, in one Spark session. Publishing (and restarts) belong to the orchestration module's
 * nightly, which bin/gsm runs for {@code gsm batch nightly}; this one is for spark-submit.
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the season's Spark jobs in order in one session: rankings, then insights of the run",
      "it made (default insights options). Same arguments as `gsm batch rankings`."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin JobArguments arguments = new JobArguments();

  @Override
  public Integer call() {
    JobOptions options = arguments.options();
    SparkSession spark = SeasonBatchJob.session(options, "nightly");
    try {
      System.err.printf("gsm batch nightly: season %s, step 1/2 rankings%n", options.season());
      SeasonBatchJob.RunResult ranked = SeasonBatchJob.run(spark, options, Clock.systemUTC());
      RankingsCommand.print(ranked);
      System.err.printf("gsm batch nightly: season %s, step 2/2 insights%n", options.season());
      InsightsCommand.print(
          InsightsJob.run(
              spark,
              options,
              PlayerInsights.Options.defaults(),
              Optional.of(ranked.version()),
              Clock.systemUTC()));
    } finally {
      spark.stop();
    }
    // CPU seconds of every thread: a figure the machine's load does not swing as it does wall time
    System.out.println("process CPU " + RankingsCommand.cpuSeconds());
    return 0;
  }
}
