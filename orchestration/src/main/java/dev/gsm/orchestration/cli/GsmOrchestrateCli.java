package dev.gsm.orchestration.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The orchestration commands: {@code gsm batch publish|nightly}, {@code gsm airflow trigger}, and
 * {@code gsm replay} (matches from a data root to the ingest API).
 */
@Command(
    name = "gsm",
    mixinStandardHelpOptions = true,
    subcommands = {
      PublishCommand.class,
      NightlyCommand.class,
      TriggerNightlyCommand.class,
      ReplayCommand.class
    },
    description = "The publish job, the nightly flow, its Airflow trigger, and replay.")
public final class GsmOrchestrateCli {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    return new CommandLine(new GsmOrchestrateCli())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("gsm " + cmd.getCommandName() + ": " + e.getMessage());
              return 1;
            })
        .execute(args);
  }
}
