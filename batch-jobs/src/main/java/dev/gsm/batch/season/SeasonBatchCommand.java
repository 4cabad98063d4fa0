package dev.gsm.batch.season;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gsm batch}: the batch jobs of one season, as subcommands. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = "The batch layer's jobs (Spark, local[*] unless --master or spark-submit).",
    subcommands = {
      CommandLine.HelpCommand.class,
      RankingsCommand.class,
      dev.gsm.batch.insights.InsightsCommand.class,
      NightlyCommand.class,
      BanCommand.class,
      dev.gsm.batch.cli.BenchCommand.class
    })
public final class SeasonBatchCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
