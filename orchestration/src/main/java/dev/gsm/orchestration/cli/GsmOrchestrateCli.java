package dev.gsm.orchestration.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The orchestration commands: {@code gsm batch publish|nightly}, {@code gsm airflow trigger}. */
@Command(
    name = "gsm",
    mixinStandardHelpOptions = true,
    subcommands = {PublishCommand.class, NightlyCommand.class, TriggerNightlyCommand.class},
    description = "The publish job, the nightly flow and its Airflow trigger.")
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
