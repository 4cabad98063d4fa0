package dev.gsm.batch.season;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code gsm batch nightly}: every batch job of a season in order. Today that is the rankings job;
 * the insights job joins it when it lands (see batch-jobs/README.md).
 */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the season's batch jobs in order (today: rankings; insights is not built yet).",
      "Same arguments as `gsm batch rankings`."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin JobArguments arguments = new JobArguments();

  @Override
  public Integer call() {
    JobOptions options = arguments.options();
    System.err.printf("gsm batch nightly: season %s, step 1/1 rankings%n", options.season());
    RankingsCommand.print(SeasonBatchJob.run(options, Clock.systemUTC()));
    return 0;
  }
}
