package dev.gsm.serving.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.serving.system.StoreDownProblem;
import dev.gsm.store.PlayerProfilesTable;
import dev.gsm.store.PlayerProfilesTable.BoardEntry;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import dev.gsm.testing.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real-time view goes away (its Redis stops) while the API runs: the leaderboard and the player
 * page still answer, from the batch view of the same season in player-profiles, and say so; a
 * prediction, which needs the live ratings, is refused with a 503 problem to retry.
 */
@ExtendWith(DynamoDbLocalExtension.class)
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
class RealtimeViewDownIT {
  static final String SEASON = "2026-S4";
  static final String VERSION = "20261120T020000Z-0badcafe";
  static final String TABLE = "profiles-down-it";
  static LocalRedisServer redis;
  static DynamoDbEndpoint dynamo;

  @BeforeAll
  static void stores(DynamoDbEndpoint db) throws Exception {
    dynamo = db;
    redis = LocalRedisServer.start(LocalRedisServer.findBinary().orElseThrow());
    List<PlayerState> players = new ArrayList<>();
    List<PlayerProfilesTable.Entry> rows = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      PlayerRating r = new PlayerRating(30 - i, 2, 1_795_000_000L, 10, 6, 4, 0);
      players.add(new PlayerState(SEASON, "p" + i, r, new TreeMap<>(), "eu-west", "pc"));
      rows.add(
          new BoardEntry(
              SEASON,
              VERSION,
              "global",
              "p" + i,
              i + 1,
              1500 - i,
              30 - i,
              2,
              10,
              6,
              4,
              0,
              100.0 * (4 - i) / 5,
              i == 0 ? "gold" : "bronze",
              "eu-west",
              "pc",
              3,
              "WLW",
              0.5,
              1_790_000_000L,
              1_795_000_000L,
              0));
    }
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RealtimeView view = new RealtimeView(c, new RedisLayout("gsm:"), RatingParameters.defaults());
      view.switchTo(view.loadGeneration(VERSION, 0, players).id());
    } finally {
      client.shutdown();
    }
    try (DynamoDbClient ddb =
        DynamoDbClient.builder()
            .endpointOverride(URI.create(db.endpoint()))
            .region(Region.of(db.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(db.accessKey(), db.secretKey())))
            .build()) {
      PlayerProfilesTable t = new PlayerProfilesTable(ddb, TABLE, (a, ms) -> {});
      t.createIfMissing();
      t.write(rows);
      t.publishSeason(
          new SeasonEntry(
              SEASON, VERSION, 0, 1, Instant.parse("2026-11-20T03:00:00Z"), List.of("global")));
    }
  }

  @AfterAll
  static void stop() {
    if (redis != null) {
      redis.close();
    }
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry registry) {
    registry.add("gsm.redis.url", () -> "redis://127.0.0.1:" + redis.port());
    registry.add("gsm.redis.command-timeout", () -> "500ms");
    registry.add("gsm.dynamodb.endpoint", () -> dynamo.endpoint());
    registry.add("gsm.dynamodb.region", () -> dynamo.region());
    registry.add("gsm.dynamodb.access-key", () -> dynamo.accessKey());
    registry.add("gsm.dynamodb.secret-key", () -> dynamo.secretKey());
    registry.add("gsm.dynamodb.profiles-table", () -> TABLE);
    registry.add("gsm.rankings.season", () -> SEASON);
  }

  @Autowired WebTestClient client;
  @Autowired GsmProperties gsm;

  @Test
  void withRedisGoneTheAnswersComeFromTheBatchViewAndSaySo() throws Exception {
    client
        .get()
        .uri("/api/v1/rankings/global?limit=3")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.freshness.source")
        .isEqualTo("realtime")
        .jsonPath("$.rows[0].player_id")
        .isEqualTo("p0");

    redis.close();
    // the page above may be given again, as it was, for gsm.rankings.live-max-age
    Thread.sleep(gsm.rankings().liveMaxAge().toMillis() + 20);

    client
        .get()
        .uri("/api/v1/rankings/global?limit=3")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.freshness.source")
        .isEqualTo("batch_view")
        .jsonPath("$.freshness.speed_layer")
        .isEqualTo("unreachable")
        .jsonPath("$.freshness.batch_only")
        .isEqualTo(true)
        .jsonPath("$.freshness.batch_version")
        .isEqualTo(VERSION)
        .jsonPath("$.total")
        .isEqualTo(5)
        .jsonPath("$.rows[2].player_id")
        .isEqualTo("p2")
        .jsonPath("$.rows[2].league")
        .isEqualTo("bronze");
    client
        .get()
        .uri("/api/v1/rankings/player/p1")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.freshness.speed_layer")
        .isEqualTo("unreachable")
        .jsonPath("$.global.rank")
        .isEqualTo(2)
        .jsonPath("$.performance.recent_form")
        .isEqualTo("WLW");
    // a prediction needs the live ratings: without them it is refused, to be retried
    StoreDownProblem.assertStoreDown(
        client
            .post()
            .uri("/api/v1/predictions/match-quality")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"season\":\"" + SEASON + "\",\"sides\":[[\"p1\"],[\"p2\"]]}")
            .exchange());
    var health =
        client
            .get()
            .uri("/actuator/health/readiness")
            .exchange()
            .expectBody(String.class)
            .returnResult();
    assertThat(health.getStatus().value()).isEqualTo(503);
    assertThat(health.getResponseBody()).contains("\"redis\":{\"status\":\"DOWN\"");
  }
}
