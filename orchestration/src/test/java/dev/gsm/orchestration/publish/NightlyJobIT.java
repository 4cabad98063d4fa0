package dev.gsm.orchestration.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.orchestration.jobs.NightlyJob;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The nightly flow with child processes standing in for the Spark steps, real stores. */
@ExtendWith({DynamoDbLocalExtension.class, RedisExtension.class})
class NightlyJobIT {

  @TempDir Path root;

  @Test
  void aNightThatFailedInInsightsRestartsThereAndPublishesTheNewVersion(
      DynamoDbEndpoint db, RedisEndpoint r) throws Exception {
    Files.writeString(root.resolve("fail-insights-once"), "");
    NightlyJob.BatchLauncher launcher =
        new NightlyJob.BatchLauncher(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FakeBatchCli.class.getName()),
            List.of());
    LocalDate night = LocalDate.parse("2026-11-22");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);
    try (DynamoDbClient dynamo = client(db);
        RedisClient redisClient = RedisClient.create(r.url());
        StatefulRedisConnection<String, String> redis = redisClient.connect()) {
      GlobalRankingsTable table =
          new GlobalRankingsTable(dynamo, "nightly-rankings", (a, ms) -> {});
      table.createIfMissing();
      RealtimeView realtime =
          new RealtimeView(redis, new RedisLayout(r.keyPrefix()), RatingParameters.defaults());
      ViewVersions versions =
          new ViewVersions(new DatasetLayout(root.toString()), new Configuration());

      JobExecution first = runNight(launcher, night, log, table, realtime, versions);
      assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
      assertThat(stepStatus(first, "rankings")).isEqualTo(BatchStatus.COMPLETED);
      assertThat(stepStatus(first, "insights")).isEqualTo(BatchStatus.FAILED);

      JobExecution second = runNight(launcher, night, log, table, realtime, versions);
      assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(second.getStepExecutions())
          .extracting(StepExecution::getStepName)
          .containsExactly("insights", "publish");
      assertThat(Files.readAllLines(root.resolve("calls.txt")))
          .containsExactly("rankings", "insights", "insights");

      String board =
          GlobalRankingsTable.leaderboardKey("2026-S4", "global", "20261122T020000Z-0a1b2c3d");
      assertThat(table.board(board)).hasSize(230);
      var g = realtime.next().orElseThrow();
      assertThat(g.version()).isEqualTo("20261122T020000Z-0a1b2c3d");
      assertThat(g.watermark()).isEqualTo(777);
      assertThat(realtime.boardMembers(g.id(), "2026-S4", Board.global())).hasSize(230);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("[insights] insights: out of memory (injected)")
        .contains("[publish] version 20261122T020000Z-0a1b2c3d of season 2026-S4");
  }

  private JobExecution runNight(
      NightlyJob.BatchLauncher launcher,
      LocalDate night,
      PrintStream log,
      GlobalRankingsTable table,
      RealtimeView realtime,
      ViewVersions versions)
      throws Exception {
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      ResolvingPublishJob publish =
          new ResolvingPublishJob(
              versions,
              v ->
                  new PublishJob(
                      store.repository(),
                      store.transactionManager(),
                      v,
                      new Configuration(),
                      table,
                      realtime,
                      100,
                      PublishJob.Hooks.none()));
      NightlyJob nightly = new NightlyJob(store, launcher, publish, versions, log);
      return store.run(
          nightly.job(root.toString(), "2026-S4"),
          NightlyJob.parameters(root.toString(), "2026-S4", night));
    }
  }

  static BatchStatus stepStatus(JobExecution e, String step) {
    return e.getStepExecutions().stream()
        .filter(s -> s.getStepName().equals(step))
        .findFirst()
        .orElseThrow()
        .getStatus();
  }

  static DynamoDbClient client(DynamoDbEndpoint db) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(db.endpoint()))
        .region(Region.of(db.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(db.accessKey(), db.secretKey())))
        .build();
  }
}
