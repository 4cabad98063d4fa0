package dev.gsm.orchestration.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.orchestration.jobs.JobStore;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.store.GlobalRankingsTable.RankingItem;
import dev.gsm.store.PlayerProfilesTable;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobInstanceAlreadyCompleteException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The publish job on DynamoDB Local and a real Redis, with a job repository on disk. */
@ExtendWith({DynamoDbLocalExtension.class, RedisExtension.class})
class PublishJobIT {

  static final String VERSION = "20261121T020000Z-3fa85f64";
  static final int PLAYERS = 1_050;
  static final int CHUNK = 100;

  @TempDir Path root;
  DynamoDbClient dynamo;
  GlobalRankingsTable table;
  RedisClient redisClient;
  StatefulRedisConnection<String, String> redis;
  RealtimeView realtime;
  static final AtomicInteger TABLES = new AtomicInteger();

  @BeforeEach
  void stores(DynamoDbEndpoint db, RedisEndpoint r) {
    dynamo =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(db.endpoint()))
            .region(Region.of(db.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(db.accessKey(), db.secretKey())))
            .build();
    table =
        new GlobalRankingsTable(
            dynamo, "global-rankings-" + TABLES.incrementAndGet(), (a, ms) -> {});
    table.createIfMissing();
    redisClient = RedisClient.create(r.url());
    redis = redisClient.connect();
    realtime = new RealtimeView(redis, new RedisLayout(r.keyPrefix()), RatingParameters.defaults());
  }

  @AfterEach
  void close() {
    redis.close();
    redisClient.shutdown();
    dynamo.close();
  }

  @Test
  void restartAfterAFailedChunkContinuesWhereItStopped() throws Exception {
    LeaderboardsFixture f = LeaderboardsFixture.write(root, VERSION, PLAYERS, 4_242);
    ViewVersion v = versions().resolve(LeaderboardsFixture.SEASON, Optional.empty());
    assertThat(v.version()).isEqualTo(VERSION);

    // First run: the fourth chunk's write fails (after three committed chunks).
    AtomicInteger calls = new AtomicInteger();
    AtomicBoolean failed = new AtomicBoolean();
    PublishJob.Hooks failFourthChunkOnce =
        new PublishJob.Hooks(
            w ->
                chunk -> {
                  if (calls.incrementAndGet() == 4 && failed.compareAndSet(false, true)) {
                    throw new IllegalStateException("DynamoDB went away (injected)");
                  }
                  w.write(chunk);
                },
            p -> p);
    JobExecution first;
    PublishJob job1;
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      job1 = publish(store, v, failFourthChunkOnce);
      first = store.run(job1.job(), PublishJob.parameters(root.toString(), v));
    }
    assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(job1.progress().itemsWritten.get()).isEqualTo(3L * CHUNK);
    assertThat(realtime.next()).isEmpty();

    // Second run, a new job repository connection (as a new process would open): a restart.
    JobExecution second;
    PublishJob job2;
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      job2 = publish(store, v, PublishJob.Hooks.none());
      second = store.run(job2.job(), PublishJob.parameters(root.toString(), v));
      assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(second.getJobInstance().getInstanceId())
          .isEqualTo(first.getJobInstance().getInstanceId());
      StepExecution dynamoStep = step(second, PublishJob.DYNAMODB_STEP);
      assertThat(dynamoStep.getReadCount()).isEqualTo(PLAYERS - 3 * CHUNK);
      assertThat(dynamoStep.getWriteCount()).isEqualTo(PLAYERS - 3 * CHUNK);

      // A third run of a completed publish is refused, not repeated.
      PublishJob job3 = publish(store, v, PublishJob.Hooks.none());
      assertThatThrownBy(() -> store.run(job3.job(), PublishJob.parameters(root.toString(), v)))
          .isInstanceOf(JobInstanceAlreadyCompleteException.class);
    }
    assertThat(job2.progress().itemsWritten.get()).isEqualTo(PLAYERS - 3L * CHUNK);

    // DynamoDB: the whole global board, each player once, ranks 1..n, under the version's
    // generation.
    String board =
        GlobalRankingsTable.leaderboardKey(LeaderboardsFixture.SEASON, "global", VERSION);
    List<RankingItem> items = table.board(board);
    assertThat(items)
        .extracting(RankingItem::playerId)
        .containsExactlyElementsOf(f.boards.get("global"));
    assertThat(items).extracting(RankingItem::rank).doesNotHaveDuplicates().hasSize(PLAYERS);
    assertThat(items.get(PLAYERS - 1).rank()).isEqualTo(PLAYERS);
    assertThat(items).allSatisfy(i -> assertThat(i.timestamp()).isEqualTo(v.generation()));
    assertThat(items).allSatisfy(i -> assertThat(i.watermarkOffset()).isEqualTo(4_242));
    assertThat(dynamo.scan(b -> b.tableName(table.tableName()).select("COUNT")).count())
        .isEqualTo(PLAYERS);
    LeaderboardRow top = f.rowsOf("global").get(0);
    assertThat(items.get(0).displayScore()).isEqualTo(top.displayScore());
    assertThat(items.get(0).league()).isEqualTo(top.league());

    // Redis: one generation, ready for the speed layer's hand-over, boards in the view's order.
    Generation g = realtime.next().orElseThrow();
    assertThat(g.state()).isEqualTo(Generation.State.READY);
    assertThat(g.version()).isEqualTo(VERSION);
    assertThat(g.watermark()).isEqualTo(4_242);
    assertThat(realtime.generations()).containsExactly(g);
    String s = LeaderboardsFixture.SEASON;
    assertThat(realtime.boardMembers(g.id(), s, Board.global()))
        .containsExactlyElementsOf(f.boards.get("global"));
    assertThat(realtime.boardMembers(g.id(), s, Board.mode("1v1")))
        .containsExactlyElementsOf(f.boards.get("mode:1v1"));
    assertThat(realtime.boardMembers(g.id(), s, Board.mode("5v5")))
        .containsExactlyElementsOf(f.boards.get("mode:5v5"));
    assertThat(realtime.boardMembers(g.id(), s, Board.region("eu")))
        .containsExactlyElementsOf(f.boards.get("region:eu"));
  }

  @Test
  void aRedisLoadThatDiesIsRedoneWholeOnRestartAndDynamoDbIsNotWrittenAgain() throws Exception {
    LeaderboardsFixture f = LeaderboardsFixture.write(root, VERSION, 600, 99);
    ViewVersion v = versions().resolve(LeaderboardsFixture.SEASON, Optional.of(VERSION));
    PublishJob.Hooks dieAfter250Players =
        new PublishJob.Hooks(
            w -> w,
            players ->
                () -> {
                  Iterator<PlayerState> it = players.iterator();
                  AtomicInteger n = new AtomicInteger();
                  return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                      return it.hasNext();
                    }

                    @Override
                    public PlayerState next() {
                      if (n.incrementAndGet() > 250) {
                        throw new IllegalStateException("Redis connection lost (injected)");
                      }
                      return it.next();
                    }
                  };
                });
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      JobExecution first =
          store.run(
              publish(store, v, dieAfter250Players).job(),
              PublishJob.parameters(root.toString(), v));
      assertThat(first.getStatus()).isEqualTo(BatchStatus.FAILED);
      assertThat(step(first, PublishJob.DYNAMODB_STEP).getStatus())
          .isEqualTo(BatchStatus.COMPLETED);
      assertThat(realtime.generations())
          .extracting(Generation::state)
          .containsExactly(Generation.State.LOADING);
    }
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      PublishJob again = publish(store, v, PublishJob.Hooks.none());
      JobExecution second = store.run(again.job(), PublishJob.parameters(root.toString(), v));
      assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(again.progress().itemsWritten.get()).isZero();
    }
    Generation g = realtime.next().orElseThrow();
    assertThat(realtime.generations()).containsExactly(g);
    assertThat(realtime.boardMembers(g.id(), LeaderboardsFixture.SEASON, Board.global()))
        .containsExactlyElementsOf(f.boards.get("global"));
  }

  @Test
  void profilesHoldEveryBoardAndTheSeasonNamesTheVersionOnlyOnceComplete() throws Exception {
    LeaderboardsFixture f = LeaderboardsFixture.write(root, VERSION, 300, 17);
    ViewVersion v = versions().resolve(LeaderboardsFixture.SEASON, Optional.empty());
    PlayerProfilesTable profiles =
        new PlayerProfilesTable(dynamo, "profiles-" + TABLES.incrementAndGet(), (a, ms) -> {});
    profiles.createIfMissing();
    PublishJob.Profiles target =
        PublishJob.Profiles.of(profiles, versions(), v, SeasonCalendar.quarterly());
    assertThat(target.history()).as("the fixture writes no rank-history view").isEmpty();
    AtomicInteger calls = new AtomicInteger();
    JobExecution e;
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      PublishJob job =
          new PublishJob(
              store.repository(),
              store.transactionManager(),
              v,
              new Configuration(),
              table,
              realtime,
              CHUNK,
              new PublishJob.Hooks(
                  w -> w,
                  p -> {
                    // the Redis step runs after the season pointer: it is there by now
                    calls.incrementAndGet();
                    assertThat(profiles.season(LeaderboardsFixture.SEASON)).isPresent();
                    return p;
                  }),
              target);
      e = store.run(job.job(), PublishJob.parameters(root.toString(), v));
      assertThat(job.progress().profileItemsWritten.get()).isEqualTo(f.rows.size());
    }
    assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(calls.get()).isEqualTo(1);
    PlayerProfilesTable.SeasonEntry season =
        profiles.season(LeaderboardsFixture.SEASON).orElseThrow();
    assertThat(season.version()).isEqualTo(VERSION);
    assertThat(season.watermarkOffset()).isEqualTo(17);
    assertThat(season.boards()).containsExactly("global", "mode:1v1", "mode:5v5", "region:eu");
    for (String board : season.boards()) {
      String lb = PlayerProfilesTable.leaderboardKey(LeaderboardsFixture.SEASON, board, VERSION);
      assertThat(profiles.page(lb, 1, 1000))
          .extracting(PlayerProfilesTable.BoardEntry::playerId)
          .isEqualTo(f.boards.get(board));
    }
    LeaderboardRow some = f.rowsOf("mode:1v1").get(3);
    PlayerProfilesTable.Profile p =
        profiles.profile(LeaderboardsFixture.SEASON, VERSION, some.playerId());
    assertThat(p.boards())
        .extracting(PlayerProfilesTable.BoardEntry::board)
        .contains("global", "mode:1v1");
    PlayerProfilesTable.BoardEntry mode =
        p.boards().stream().filter(b -> b.board().equals("mode:1v1")).findFirst().orElseThrow();
    assertThat(mode.rank()).isEqualTo(some.rank());
    assertThat(mode.percentile()).isEqualTo(some.percentile());
    assertThat(mode.lastPlayedAt()).isEqualTo(some.lastPlayedEpochSecond());
  }

  @Test
  void publishRefusesAVersionWithoutManifest() throws Exception {
    LeaderboardsFixture f = LeaderboardsFixture.write(root, VERSION, 10, 1);
    Files.delete(f.versionDir().resolve("_manifest.json"));

    assertThatThrownBy(() -> versions().resolve(LeaderboardsFixture.SEASON, Optional.empty()))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("has no manifest")
        .hasMessageContaining(VERSION);
  }

  @Test
  void publishRefusesAVersionWhoseFilesDoNotMatchItsManifest() throws Exception {
    LeaderboardsFixture f = LeaderboardsFixture.write(root, VERSION, 10, 1);
    Path part = f.versionDir().resolve("part-00001-6f1c2b7e-c000.snappy.parquet");
    byte[] bytes = Files.readAllBytes(part);
    bytes[bytes.length / 2] ^= 1;
    Files.write(part, bytes);

    assertThatThrownBy(() -> versions().resolve(LeaderboardsFixture.SEASON, Optional.of(VERSION)))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("SHA-256");
  }

  @Test
  void publishRefusesAManifestOfAnotherSeason() throws Exception {
    LeaderboardsFixture.write(root, VERSION, 10, 1);

    assertThatThrownBy(() -> versions().resolve("2026-S3", Optional.of(VERSION)))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("season is '2026-S4', expected '2026-S3'");
  }

  @Test
  void theGenerationCarriesEachPlayersHistoryOfTheMatchesTheViewCovers() throws Exception {
    int players = 500;
    LeaderboardsFixture.write(root, VERSION, players, 4_242);
    ViewVersion v = versions().resolve(LeaderboardsFixture.SEASON, Optional.empty());
    // the master dataset: a generated season on the fixture's players (with planted bad records),
    // some accepted through the log after the watermark
    java.util.List<dev.gsm.schema.MatchEvent> written = new java.util.ArrayList<>();
    new dev.gsm.core.generate.SeasonGenerator(
            dev.gsm.core.generate.GeneratorOptions.defaults()
                .withSeason(LeaderboardsFixture.SEASON)
                .withPlayers(players)
                .withMatches(5_000)
                .withSeed(11))
        .run(e -> written.add(fixturePlayers(e, written.size())));
    try (dev.gsm.dataset.MatchDatasetWriter w =
        dev.gsm.dataset.MatchDatasetWriter.builder(root.toString(), "histories").build()) {
      written.forEach(w);
    }
    try (JobStore store = JobStore.open(root.resolve("_orchestration"))) {
      PublishJob job = publish(store, v, PublishJob.Hooks.none());
      assertThat(store.run(job.job(), PublishJob.parameters(root.toString(), v)).getStatus())
          .isEqualTo(BatchStatus.COMPLETED);
      long g = job.progress().generation.id();

      java.util.Map<String, dev.gsm.schema.MatchEvent> covered = new java.util.HashMap<>();
      for (dev.gsm.schema.MatchEvent e : written) {
        if (e.logOffset() <= 4_242 && dev.gsm.schema.MatchValidator.validate(e).isEmpty()) {
          covered.merge(e.matchId(), e, FeatureHistories::earlier);
        }
      }
      java.util.Map<String, byte[]> expected =
          new dev.gsm.core.features.PointInTimeReplay(
                  RatingParameters.defaults(),
                  dev.gsm.core.features.PointInTimeReplay.Options.defaults())
              .finalHistories(new java.util.ArrayList<>(covered.values()));
      assertThat(written.size()).isGreaterThan(covered.size()); // bad, duplicate and late records
      assertThat(job.progress().histories.get()).isEqualTo(expected.size()).isGreaterThan(400);
      for (java.util.Map.Entry<String, byte[]> e : expected.entrySet()) {
        String stored = redis.sync().get(realtime.layout().history(g, e.getKey()));
        assertThat(java.util.Base64.getDecoder().decode(stored))
            .as(e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  /**
   * A generated match on the fixture's player ids ({@code p-00001}...), every tenth one accepted
   * through the log after the view's watermark.
   */
  private static dev.gsm.schema.MatchEvent fixturePlayers(dev.gsm.schema.MatchEvent e, int i) {
    java.util.List<dev.gsm.schema.Side> sides = new java.util.ArrayList<>();
    for (dev.gsm.schema.Side s :
        e.sides() == null ? java.util.List.<dev.gsm.schema.Side>of() : e.sides()) {
      java.util.List<dev.gsm.schema.PlayerResult> ps = new java.util.ArrayList<>();
      for (dev.gsm.schema.PlayerResult p :
          s.players() == null ? java.util.List.<dev.gsm.schema.PlayerResult>of() : s.players()) {
        String id = p.playerId();
        String renamed =
            id != null && id.matches("p[0-9]+")
                ? String.format("p-%05d", Integer.parseInt(id.substring(1)) + 1)
                : id;
        ps.add(new dev.gsm.schema.PlayerResult(renamed, p.stats()));
      }
      sides.add(new dev.gsm.schema.Side(s.sideId(), s.placement(), ps));
    }
    dev.gsm.schema.MatchEvent renamed = e.withSides(sides);
    return i % 10 == 9 ? renamed.accepted(java.time.Instant.now(), 5_000 + i) : renamed;
  }

  ViewVersions versions() {
    return new ViewVersions(new DatasetLayout(root.toString()), new Configuration());
  }

  PublishJob publish(JobStore store, ViewVersion v, PublishJob.Hooks hooks) {
    return new PublishJob(
        store.repository(),
        store.transactionManager(),
        v,
        new Configuration(),
        table,
        realtime,
        CHUNK,
        hooks);
  }

  static StepExecution step(JobExecution e, String name) {
    return e.getStepExecutions().stream()
        .filter(s -> s.getStepName().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
