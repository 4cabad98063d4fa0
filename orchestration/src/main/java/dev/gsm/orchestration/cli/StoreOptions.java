package dev.gsm.orchestration.cli;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.orchestration.publish.PublishJob;
import dev.gsm.orchestration.publish.ViewVersion;
import dev.gsm.orchestration.publish.ViewVersions;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.DynamoTables;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.store.PlayerProfilesTable;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/** Where the data, the job repository and the serving stores are: shared by publish and nightly. */
final class StoreOptions implements AutoCloseable {

  @Option(
      names = "--data-root",
      defaultValue = "data",
      description = "Data root: a local folder (default: ${DEFAULT-VALUE}) or s3a://bucket/prefix.")
  String dataRoot;

  @Option(names = "--season", required = true, description = "Season, e.g. 2026-S4.")
  String season;

  @Option(
      names = "--job-repo",
      description = "Folder of the job repository (default: <data root>/_orchestration).")
  Path jobRepo;

  @Option(
      names = "--dynamodb-endpoint",
      description =
          "DynamoDB endpoint, e.g. http://127.0.0.1:8000 for DynamoDB Local"
              + " (default: AWS's for the region).")
  URI dynamoEndpoint;

  @Option(
      names = "--region",
      defaultValue = "${env:AWS_REGION:-eu-west-1}",
      description = "AWS region (default: $AWS_REGION, else ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--table",
      defaultValue = DynamoTables.GLOBAL_RANKINGS,
      description = "DynamoDB table (default: ${DEFAULT-VALUE}).")
  String table;

  @Option(
      names = "--profiles-table",
      defaultValue = DynamoTables.PLAYER_PROFILES,
      description =
          "DynamoDB table of the player details and past seasons (default: ${DEFAULT-VALUE}).")
  String profilesTable;

  @Option(
      names = "--create-table",
      description =
          "Create the tables and their indexes if missing (DynamoDB Local; in AWS Terraform"
              + " owns it).")
  boolean createTable;

  @Option(
      names = "--redis-url",
      defaultValue = "${env:REDIS_URL:-redis://127.0.0.1:6379}",
      description = "Redis of the real-time view (default: $REDIS_URL, else ${DEFAULT-VALUE}).")
  String redisUrl;

  @Option(
      names = "--redis-prefix",
      defaultValue = RedisLayout.DEFAULT_PREFIX,
      description = "Key prefix of the real-time view (default: ${DEFAULT-VALUE}).")
  String redisPrefix;

  @Option(
      names = "--chunk-size",
      defaultValue = "500",
      description =
          "Rows per chunk (one commit of the restart position; default: ${DEFAULT-VALUE}).")
  int chunkSize;

  private final List<AutoCloseable> open = new ArrayList<>();
  private GlobalRankingsTable rankings;
  private PlayerProfilesTable profiles;
  private DynamoDbClient dynamo;
  private RealtimeView realtime;

  DatasetLayout layout() {
    return new DatasetLayout(dataRoot);
  }

  JobStore openJobStore() {
    JobStore store = JobStore.open(jobRepo != null ? jobRepo : JobStore.defaultDirectory(dataRoot));
    open.add(store);
    return store;
  }

  private DynamoDbClient dynamo() {
    if (dynamo == null) {
      DynamoDbClientBuilder b = DynamoDbClient.builder().region(Region.of(region));
      if (dynamoEndpoint != null) {
        b.endpointOverride(dynamoEndpoint);
      }
      dynamo = b.build();
      open.add(dynamo);
    }
    return dynamo;
  }

  PlayerProfilesTable profiles() {
    if (profiles == null) {
      profiles =
          new PlayerProfilesTable(dynamo(), profilesTable, GlobalRankingsTable.Backoff.jittered());
      if (createTable) {
        profiles.createIfMissing();
      }
    }
    return profiles;
  }

  GlobalRankingsTable rankings() {
    if (rankings == null) {
      rankings = new GlobalRankingsTable(dynamo(), table, GlobalRankingsTable.Backoff.jittered());
      if (createTable) {
        rankings.createIfMissing();
      }
    }
    return rankings;
  }

  RealtimeView realtime() {
    if (realtime == null) {
      RedisClient client = RedisClient.create(redisUrl);
      open.add(client::shutdown);
      StatefulRedisConnection<String, String> c = client.connect();
      open.add(0, c);
      realtime = new RealtimeView(c, new RedisLayout(redisPrefix), RatingParameters.defaults());
    }
    return realtime;
  }

  PublishJob publishJob(JobStore store, ViewVersion v) {
    PublishJob job =
        new PublishJob(
            store.repository(),
            store.transactionManager(),
            v,
            new Configuration(),
            rankings(),
            realtime(),
            chunkSize,
            PublishJob.Hooks.none(),
            PublishJob.Profiles.of(
                profiles(),
                new ViewVersions(layout(), new Configuration()),
                v,
                SeasonCalendar.quarterly()));
    job.progress().log = System.err;
    return job;
  }

  @Override
  public void close() {
    for (AutoCloseable c : open) {
      try {
        c.close();
      } catch (Exception e) {
        System.err.println("gsm: closing " + c + ": " + e.getMessage());
      }
    }
    open.clear();
  }
}
