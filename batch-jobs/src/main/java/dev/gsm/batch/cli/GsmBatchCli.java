package dev.gsm.batch.cli;

import dev.gsm.batch.season.SeasonBatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the analyst commands that {@code bin/gsm} dispatches to this module. Each
 * subcommand lives in its own class and only wires named steps.
 */
@Command(
    name = "gsm",
    mixinStandardHelpOptions = true,
    version = "gsm 0.1.0",
    description = "Analyst commands: generate, import, backtest, batch jobs.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GenerateCommand.class,
      ImportCommand.class,
      BacktestCommand.class,
      SchemaCommand.class,
      SeasonBatchCommand.class
    })
public final class GsmBatchCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  static CommandLine newCommandLine() {
    CommandLine cli = new CommandLine(new GsmBatchCli());
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          commandLine.getErr().println("error: " + ex.getMessage());
          return 2;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
