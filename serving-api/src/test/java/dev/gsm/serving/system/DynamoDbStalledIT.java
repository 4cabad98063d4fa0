package dev.gsm.serving.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.testing.LocalRedisServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * DynamoDB accepts the connection and never answers (a stalled store, not a refused one): a read of
 * an archived season is a 503 problem detail once {@code gsm.dynamodb.call-timeout} is spent, not a
 * request that hangs for the SDK's 30 s socket timeout and its retries. The client's own timeout
 * (20 s) is below that, so a hung request fails this test.
 */
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "20s")
class DynamoDbStalledIT {
  static LocalRedisServer redis;
  static ServerSocket stalled;
  static final List<Socket> held = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    redis = LocalRedisServer.start(LocalRedisServer.findBinary().orElseThrow());
    stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept =
        new Thread(
            () -> {
              while (!stalled.isClosed()) {
                try {
                  held.add(stalled.accept()); // read nothing, answer nothing
                } catch (IOException e) {
                  return;
                }
              }
            },
            "stalled-dynamodb");
    accept.setDaemon(true);
    accept.start();
  }

  @AfterAll
  static void stop() throws IOException {
    stalled.close();
    for (Socket s : held) {
      s.close();
    }
    redis.close();
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry registry) {
    registry.add("gsm.redis.url", () -> "redis://127.0.0.1:" + redis.port());
    registry.add("gsm.dynamodb.endpoint", () -> "http://127.0.0.1:" + stalled.getLocalPort());
    registry.add("gsm.dynamodb.region", () -> "us-east-1");
    registry.add("gsm.dynamodb.access-key", () -> "stalled");
    registry.add("gsm.dynamodb.secret-key", () -> "stalled");
    registry.add("gsm.dynamodb.attempt-timeout", () -> "300ms");
    registry.add("gsm.dynamodb.call-timeout", () -> "1s");
    registry.add("gsm.rankings.season", () -> "2026-S4");
  }

  @Autowired WebTestClient client;

  @Test
  void anArchivedSeasonFromAStalledStoreIsA503ProblemNotAHungRequest() {
    StoreDownProblem.assertStoreDown(
        client.get().uri("/api/v1/rankings/global?season=2026-S1").exchange());
    assertThat(held).as("the API reached the stalled store").isNotEmpty();
  }
}
