package dev.gsm.orchestration.cli;

import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.orchestration.jobs.NightlyJob;
import dev.gsm.orchestration.publish.ResolvingPublishJob;
import dev.gsm.orchestration.publish.ViewVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gsm batch nightly}: rankings → insights → publish, restartable. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description =
        "Runs the nightly flow of a season: rankings → insights (Spark jobs of batch-jobs, as child processes: local java with batch-jobs' classpath, or spark-submit with --spark-submit-jar) → publish. One run per season and night: after a failure, run the same command again and it restarts at the failed step. Production runs the same steps from Airflow (orchestration/airflow/dags/gsm_nightly.py).")
final class NightlyCommand implements Callable<Integer> {

  @Mixin StoreOptions stores = new StoreOptions();

  @Option(
      names = "--night",
      description = "The night this run is for (default: today, UTC); restarts use the same.")
  LocalDate night;

  @Option(
      names = "--spark-submit-jar",
      description = "Run the Spark steps with spark-submit and this batch-jobs-*-spark.jar.")
  Path sparkJar;

  @Option(
      names = "--batch-arg",
      description =
          "Extra argument for the Spark steps, repeatable (e.g. --batch-arg=--partitions"
              + " --batch-arg=8).")
  List<String> batchArgs = new ArrayList<>();

  @Override
  public Integer call() {
    NightlyJob.BatchLauncher launcher = new NightlyJob.BatchLauncher(launcherPrefix(), batchArgs);
    LocalDate n = night != null ? night : LocalDate.now(ZoneOffset.UTC);
    System.err.printf(
        "gsm batch nightly: season %s, night %s, steps %s%n",
        stores.season, n, String.join(" → ", NightlyJob.STEPS));
    try (StoreOptions open = stores) {
      JobStore store = stores.openJobStore();
      ViewVersions versions = new ViewVersions(stores.layout(), new Configuration());
      ResolvingPublishJob publish =
          new ResolvingPublishJob(versions, v -> stores.publishJob(store, v));
      NightlyJob nightly = new NightlyJob(store, launcher, publish, versions, System.err);
      JobExecution e;
      try {
        e =
            store.run(
                nightly.job(stores.dataRoot, stores.season),
                NightlyJob.parameters(stores.dataRoot, stores.season, n));
      } catch (JobInstanceAlreadyCompleteException done) {
        System.out.printf(
            "the night %s of season %s completed before: nothing to do%n", n, stores.season);
        return 0;
      }
      return Summaries.print(e, System.out);
    }
  }

  private List<String> launcherPrefix() {
    if (sparkJar != null) {
      return List.of(
          "spark-submit", "--class", "dev.gsm.batch.cli.GsmBatchCli", sparkJar.toString());
    }
    String home = System.getenv("GSM_HOME");
    if (home == null) {
      throw new IllegalArgumentException(
          "GSM_HOME is not set (bin/gsm sets it): give --spark-submit-jar, or run through bin/gsm");
    }
    Path module = Path.of(home, "batch-jobs", "target");
    try {
      String cp = Files.readString(module.resolve("classpath.txt")).trim();
      return List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          // the module opens Spark needs on Java 17, as spark-submit adds them
          "@" + Path.of(home, "bin", "spark-java.options"),
          "-cp",
          module.resolve("classes") + ":" + cp,
          "dev.gsm.batch.cli.GsmBatchCli");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "batch-jobs is not built (" + module.resolve("classpath.txt") + " missing)", e);
    }
  }
}
