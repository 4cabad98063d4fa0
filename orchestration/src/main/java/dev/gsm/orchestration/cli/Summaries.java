package dev.gsm.orchestration.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

final class Summaries {
  private Summaries() {}

  /** One line per step of this execution, then the job's status; exit code 0 when completed. */
  static int print(JobExecution e, PrintStream out) {
    out.printf(
        "%s execution %d (instance %d, %s): %s%n",
        e.getJobInstance().getJobName(),
        e.getId(),
        e.getJobInstance().getInstanceId(),
        identifying(e),
        e.getStatus());
    for (StepExecution s : e.getStepExecutions()) {
      out.printf(
          "  step %-9s %-10s read %,d written %,d commits %,d  %s%n",
          s.getStepName(),
          s.getStatus(),
          s.getReadCount(),
          s.getWriteCount(),
          s.getCommitCount(),
          elapsed(s.getStartTime(), s.getEndTime()));
      for (Throwable t : s.getFailureExceptions()) {
        out.printf("    failed: %s%n", t);
      }
    }
    if (e.getStatus() != BatchStatus.COMPLETED) {
      out.println("  run the same command again to restart where it stopped");
    }
    return e.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
  }

  private static String identifying(JobExecution e) {
    StringBuilder b = new StringBuilder();
    e.getJobParameters()
        .getIdentifyingParameters()
        .forEach(
            (k, v) ->
                b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v.getValue()));
    return b.toString();
  }

  private static String elapsed(LocalDateTime start, LocalDateTime end) {
    if (start == null || end == null) {
      return "";
    }
    Duration d = Duration.between(start, end);
    return String.format("%d.%03d s", d.toSeconds(), d.toMillisPart());
  }
}
