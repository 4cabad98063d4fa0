package dev.gsm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.batch.season.JobOptions;
import dev.gsm.batch.season.SeasonBatchJob;
import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.orchestration.publish.LeaderboardFiles;
import dev.gsm.orchestration.publish.LeaderboardRow;
import dev.gsm.orchestration.publish.PublishJob;
import dev.gsm.orchestration.publish.ViewVersion;
import dev.gsm.orchestration.publish.ViewVersions;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.speed.Archiver;
import dev.gsm.speed.MatchApplier;
import dev.gsm.speed.SpeedLayer;
import dev.gsm.speed.SpeedMetrics;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.store.PlayerProfilesTable;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.RedisEndpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The whole system on one machine for the scenarios: a master dataset in a temporary folder, the
 * batch on the shared local Spark session, the publish job, the speed layer and archiver on threads
 * of this JVM, and the serving API in a JVM of its own (its classpath file, as bin/gsm serve runs
 * it), over one real Redis and DynamoDB Local.
 */
final class Stack implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** Smoothing off: between batches the served merge equals a recompute (docs/LAMBDA.md, 2). */
  static final RatingParameters PARAMS = RatingParameters.defaults().withSmoothing(0, 1);

  final Path root;
  final String dataRoot;
  final Configuration conf = new Configuration();
  final SeasonCalendar calendar = SeasonCalendar.quarterly();
  final RedisEndpoint redisEndpoint;
  final RedisClient redisClient;
  final StatefulRedisConnection<String, String> redis;
  final RedisLayout layout;
  final RealtimeView realtime;
  final MatchLog log;
  final DynamoDbEndpoint dynamoEndpoint;
  final DynamoDbClient dynamo;
  final GlobalRankingsTable rankings;
  final PlayerProfilesTable profiles;
  final ViewVersions versions;
  final HttpClient http = HttpClient.newHttpClient();

  /** Run starts a minute apart (versions carry their run start), recent: readiness checks age. */
  private Instant batchClock = Instant.now().minusSeconds(3_600).truncatedTo(ChronoUnit.SECONDS);

  private Thread speedThread;
  private Thread archiverThread;
  private RedisClient speedClient;
  private Process serving;
  private int port;
  Path servingLog;

  Stack(Path root, RedisEndpoint redisEndpoint, DynamoDbEndpoint dynamoEndpoint, String tables) {
    this.root = root;
    this.dataRoot = root.toUri().toString();
    this.redisEndpoint = redisEndpoint;
    this.redisClient = RedisClient.create(redisEndpoint.url());
    this.redis = redisClient.connect();
    this.layout = new RedisLayout(redisEndpoint.keyPrefix());
    this.realtime = new RealtimeView(redis, layout, PARAMS);
    this.log = new MatchLog(redis.sync(), layout);
    this.dynamoEndpoint = dynamoEndpoint;
    this.dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(dynamoEndpoint.endpoint()))
            .region(Region.of(dynamoEndpoint.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        dynamoEndpoint.accessKey(), dynamoEndpoint.secretKey())))
            .build();
    this.rankings = new GlobalRankingsTable(dynamo, tables + "-rankings", (a, ms) -> {});
    this.profiles = new PlayerProfilesTable(dynamo, tables + "-profiles", (a, ms) -> {});
    rankings.createIfMissing();
    profiles.createIfMissing();
    this.versions = new ViewVersions(new DatasetLayout(dataRoot), conf);
  }

  // ------------------------------------------------------------------ batch side

  void generate(String season, long seed, int players, long matches) {
    GeneratorOptions o =
        GeneratorOptions.defaults()
            .withSeason(season)
            .withSeed(seed)
            .withPlayers(players)
            .withMatches(matches);
    try (MatchDatasetWriter w =
        MatchDatasetWriter.builder(dataRoot, "gen-" + seed).conf(conf).build()) {
      new SeasonGenerator(o).run(w);
    }
  }

  /** One nightly rankings run of a season over what the dataset holds up to the checkpoint. */
  ViewVersion batch(SparkSession spark, String season) {
    batchClock = batchClock.plusSeconds(60);
    SeasonBatchJob.run(
        spark,
        JobOptions.of(dataRoot, season).withRating(PARAMS),
        Clock.fixed(batchClock, ZoneOffset.UTC));
    return versions.resolve(season, Optional.empty());
  }

  void publish(ViewVersion v) {
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      PublishJob job =
          new PublishJob(
              store.repository(),
              store.transactionManager(),
              v,
              conf,
              rankings,
              realtime,
              500,
              PublishJob.Hooks.none(),
              PublishJob.Profiles.of(profiles, versions, v, calendar));
      JobExecution e = store.run(job.job(), PublishJob.parameters(dataRoot, v));
      assertThat(e.getStatus()).as("publish of " + v.version()).isEqualTo(BatchStatus.COMPLETED);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of one board of a view version, best first: the recompute the API must equal. */
  List<LeaderboardRow> board(ViewVersion v, String board) {
    List<LeaderboardRow> rows = new ArrayList<>();
    try (LeaderboardFiles files =
        new LeaderboardFiles(v.files(), conf, r -> r.board().equals(board))) {
      files.rows().forEach(rows::add);
    }
    rows.sort(Comparator.comparingLong(LeaderboardRow::rank));
    return rows;
  }

  // ------------------------------------------------------------------ speed layer

  void startSpeedLayer() {
    speedClient = RedisClient.create(redisEndpoint.url());
    StatefulRedisConnection<String, String> apply = speedClient.connect();
    StatefulRedisConnection<String, String> archive = speedClient.connect();
    RealtimeView view = new RealtimeView(apply, layout, PARAMS);
    MatchLog applyLog = new MatchLog(apply.sync(), layout);
    SpeedMetrics metrics = new SpeedMetrics(new SimpleMeterRegistry());
    SpeedLayer speed =
        new SpeedLayer(
            view,
            applyLog,
            new MatchApplier(
                view,
                new RealtimeView(speedClient.connect(), layout, PARAMS),
                applyLog,
                new RatingEngine(PARAMS),
                calendar,
                MatchApplier.DEFAULT_CACHE),
            metrics,
            "speed-e2e",
            200,
            Duration.ofMillis(50),
            Clock.systemUTC());
    Archiver archiver =
        new Archiver(
            new MatchLog(archive.sync(), layout),
            archive.sync(),
            dataRoot,
            conf,
            metrics,
            "archiver-e2e",
            1_000,
            Duration.ofMillis(100));
    speedThread = new Thread(speed::run, "e2e-speed-layer");
    archiverThread = new Thread(archiver::run, "e2e-archiver");
    speedThread.start();
    archiverThread.start();
  }

  void stopSpeedLayer() throws InterruptedException {
    for (Thread t : List.of(speedThread, archiverThread)) {
      t.interrupt();
      t.join(30_000);
      assertThat(t.isAlive()).as(t.getName() + " stopped").isFalse();
    }
    speedClient.shutdown();
  }

  /** Waits until the current generation has applied the whole log (and covers version v). */
  /** The serving API's gsm.rankings.live-max-age in this stack. */
  static final Duration LIVE_MAX_AGE = Duration.ofMillis(100);

  /**
   * The speed layer has applied the whole log into {@code version}, and every page the API gave
   * before is older than its live-max-age: the next answer of any page is read after this.
   */
  void awaitApplied(String version) {
    await(
        "the speed layer applies the log into " + version,
        () ->
            realtime
                .current()
                .filter(g -> g.version().equals(version) && g.applied() == log.head())
                .isPresent());
    try {
      Thread.sleep(LIVE_MAX_AGE.toMillis() + 20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void awaitArchived() {
    await(
        "the archiver writes the log into the master dataset",
        () -> {
          String a = redis.sync().get(layout.archivedThrough());
          return a != null && Long.parseLong(a) == log.head();
        });
  }

  static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  // ------------------------------------------------------------------ serving API

  void startServing(String currentSeason) throws IOException {
    Path module = Path.of(System.getProperty("gsm.serving-api", "../serving-api"));
    String classpath =
        module.resolve("target/classes")
            + java.io.File.pathSeparator
            + Files.readString(module.resolve("target/classpath.txt")).trim();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    servingLog = Path.of("target", "e2e-serving-" + port + ".log");
    Files.createDirectories(servingLog.getParent());
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            classpath,
            "dev.gsm.serving.ServingApplication",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--gsm.redis.url=" + redisEndpoint.url(),
            "--gsm.redis.key-prefix=" + layout.prefix(),
            "--gsm.dynamodb.endpoint=" + dynamoEndpoint.endpoint(),
            "--gsm.dynamodb.region=" + dynamoEndpoint.region(),
            "--gsm.dynamodb.access-key=" + dynamoEndpoint.accessKey(),
            "--gsm.dynamodb.secret-key=" + dynamoEndpoint.secretKey(),
            "--gsm.dynamodb.profiles-table=" + profiles.tableName(),
            "--gsm.rankings.season=" + currentSeason,
            "--gsm.rankings.speed-stale-after=1s",
            "--gsm.rankings.live-max-age=" + LIVE_MAX_AGE.toMillis() + "ms");
    serving =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(servingLog.toFile())
            .start();
    await(
        "the serving API answers (log: " + servingLog.toAbsolutePath() + ")",
        () -> {
          if (!serving.isAlive()) {
            throw new AssertionError("serving API exited; log: " + servingLog.toAbsolutePath());
          }
          try {
            return get("/actuator/health/liveness").statusCode() == 200;
          } catch (IOException e) {
            return false;
          }
        });
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port + pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery) throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** GET, expecting the status, parsed. */
  JsonNode json(String pathAndQuery, int status) throws IOException {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as("GET " + pathAndQuery + ": " + r.body()).isEqualTo(status);
    return JSON.readTree(r.body());
  }

  JsonNode post(String path, String body) throws IOException {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(202);
      return JSON.readTree(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  @Override
  public void close() {
    if (serving != null) {
      serving.destroy();
      try {
        serving.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      serving.destroyForcibly();
    }
    if (speedThread != null && speedThread.isAlive()) {
      speedThread.interrupt();
      archiverThread.interrupt();
    }
    redis.close();
    redisClient.shutdown();
    dynamo.close();
  }
}
