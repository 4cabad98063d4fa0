package dev.gsm.orchestration.jobs;

import dev.gsm.orchestration.publish.PublishJob;
import dev.gsm.orchestration.publish.ViewVersion;
import dev.gsm.orchestration.publish.ViewVersions;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

/**
 * The nightly flow, {@code rankings → insights → publish}, as one restartable Spring Batch job (the
 * same step names as the Airflow DAG {@code orchestration/airflow/dags/gsm_nightly.py}). The Spark
 * steps run batch-jobs as child processes ({@link BatchLauncher}); the publish step launches the
 * publish job on the version the rankings step made current, as a job of its own, so it keeps its
 * own chunk-level restart. One job instance per season and night: running the same night again
 * after a failure skips the steps that completed.
 */
public final class NightlyJob {

  public static final String NAME = "nightly";
  public static final List<String> STEPS = List.of("rankings", "insights", "publish");

  /**
   * How a Spark step of batch-jobs is started: {@code prefix + [batch, <step>, --data-root, R,
   * --season, S] + extra}.
   *
   * @param prefix e.g. {@code java -cp <batch-jobs classpath> dev.gsm.batch.cli.GsmBatchCli}, or
   *     {@code spark-submit --class dev.gsm.batch.cli.GsmBatchCli <batch-jobs-spark.jar>}
   */
  public record BatchLauncher(List<String> prefix, List<String> extra) {
    public BatchLauncher {
      prefix = List.copyOf(prefix);
      extra = List.copyOf(extra);
      if (prefix.isEmpty()) {
        throw new IllegalArgumentException("a batch launcher needs a command");
      }
    }

    List<String> command(String step, String dataRoot, String season) {
      List<String> c = new ArrayList<>(prefix);
      c.addAll(List.of("batch", step, "--data-root", dataRoot, "--season", season));
      c.addAll(extra);
      return c;
    }
  }

  private final JobStore store;
  private final BatchLauncher launcher;
  private final Job publish;
  private final ViewVersions versions;
  private final PrintStream log;

  public NightlyJob(
      JobStore store, BatchLauncher launcher, Job publish, ViewVersions versions, PrintStream log) {
    this.store = store;
    this.launcher = launcher;
    this.publish = publish;
    this.versions = versions;
    this.log = log;
  }

  public static JobParameters parameters(String dataRoot, String season, LocalDate night) {
    return new JobParametersBuilder()
        .addString("data_root", dataRoot)
        .addString("season", season)
        .addLocalDate("night", night)
        .toJobParameters();
  }

  /** The job for one data root and season. */
  public Job job(String dataRoot, String season) {
    return new JobBuilder(NAME, store.repository())
        .start(sparkStep("rankings", dataRoot, season))
        .next(sparkStep("insights", dataRoot, season))
        .next(publishStep(dataRoot, season))
        .build();
  }

  private Step sparkStep(String name, String dataRoot, String season) {
    return new StepBuilder(name, store.repository())
        .tasklet(
            new ProcessStep(name, launcher.command(name, dataRoot, season), log),
            new ResourcelessTransactionManager())
        .build();
  }

  private Step publishStep(String dataRoot, String season) {
    return new StepBuilder("publish", store.repository())
        .job(publish)
        .launcher(store.launcher())
        .parametersExtractor(
            (job, stepExecution) -> {
              ViewVersion v = versions.resolve(season, Optional.empty());
              log.printf("[publish] version %s of season %s%n", v.version(), season);
              JobParameters identifying = PublishJob.parameters(dataRoot, v);
              store.failExecutionsOfDeadProcesses(PublishJob.NAME, identifying);
              return new JobParametersBuilder(identifying)
                  .addLong(JobStore.PID, ProcessHandle.current().pid(), false)
                  .toJobParameters();
            })
        .build();
  }
}
