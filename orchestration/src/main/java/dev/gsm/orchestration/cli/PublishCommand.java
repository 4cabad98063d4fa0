package dev.gsm.orchestration.cli;

import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.orchestration.publish.PublishJob;
import dev.gsm.orchestration.publish.PublishRefused;
import dev.gsm.orchestration.publish.ViewVersion;
import dev.gsm.orchestration.publish.ViewVersions;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gsm batch publish}: a leaderboards version into DynamoDB and Redis, restartable. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description =
        "Publishes a version of the season's leaderboards view to the serving stores: the global board into DynamoDB (global-rankings, RankingIndex) in chunks, every player state into a new Redis generation that the speed layer then takes over. The version must have its manifest, and its files must match it. After a failure, run the same command again: it continues after the last committed chunk (job repository: <data root>/_orchestration).")
final class PublishCommand implements Callable<Integer> {

  @Mixin StoreOptions stores = new StoreOptions();

  @Option(
      names = "--version",
      description = "The version to publish (default: the season's current run).")
  String version;

  @Override
  public Integer call() {
    try (StoreOptions open = stores) {
      ViewVersion v;
      try {
        v =
            new ViewVersions(stores.layout(), new Configuration())
                .resolve(stores.season, Optional.ofNullable(version));
      } catch (PublishRefused e) {
        System.err.println("gsm batch publish: refused: " + e.getMessage());
        return 2;
      }
      System.err.printf(
          "gsm batch publish: season %s version %s (watermark log_offset %d, %,d rows, %d files)%n",
          v.season(), v.version(), v.watermarkOffset(), v.rows(), v.files().size());
      JobStore store = stores.openJobStore();
      PublishJob job = stores.publishJob(store, v);
      JobExecution e;
      try {
        e = store.run(job.job(), PublishJob.parameters(stores.dataRoot, v));
      } catch (JobInstanceAlreadyCompleteException done) {
        System.out.printf(
            "version %s of season %s was published before: nothing to do%n",
            v.version(), v.season());
        return 0;
      }
      int code = Summaries.print(e, System.out);
      PublishJob.Progress p = job.progress();
      System.out.printf(
          "  dynamodb %s: %,d items written by this run, %,d requests, %,d resends%n",
          stores.table, p.itemsWritten.get(), p.requests.get(), p.retries.get());
      System.out.printf(
          "  dynamodb %s: %,d player items (boards, rank history, insights) written by this run%n",
          stores.profilesTable, p.profileItemsWritten.get());
      if (p.generation != null) {
        System.out.printf(
            "  redis: generation %d %s (version %s, watermark %d): the speed layer takes it over%n",
            p.generation.id(),
            p.generation.state(),
            p.generation.version(),
            p.generation.watermark());
      }
      return code;
    }
  }
}
