package dev.gsm.orchestration.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * A step that runs a command as a child process (a Spark job of batch-jobs, locally with its
 * classpath or through {@code spark-submit}) and fails when the command exits non-zero. Its output
 * goes to {@code log}, each line prefixed with the step's name. The Spark jobs are idempotent per
 * input (a rerun writes the same version id and bytes), so a failed step is simply run again.
 */
public final class ProcessStep implements Tasklet {

  private final String name;
  private final List<String> command;
  private final PrintStream log;

  public ProcessStep(String name, List<String> command, PrintStream log) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
  }

  public List<String> command() {
    return command;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext context)
      throws InterruptedException {
    log.printf("[%s] %s%n", name, String.join(" ", command));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start step " + name + ": " + command.get(0), e);
    }
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        log.printf("[%s] %s%n", name, line);
      }
    } catch (IOException e) {
      p.destroy();
      throw new UncheckedIOException("lost the output of step " + name, e);
    } catch (RuntimeException e) {
      p.destroy();
      throw e;
    }
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException("step " + name + " exited with code " + code);
    }
    return RepeatStatus.FINISHED;
  }
}
