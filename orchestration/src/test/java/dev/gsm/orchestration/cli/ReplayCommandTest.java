package dev.gsm.orchestration.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.schema.MatchJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code gsm replay} against an HTTP server of the JDK standing in for the API's rate limit: the
 * matches come from a real master dataset on disk, the requests over real HTTP.
 */
class ReplayCommandTest {
  static final int MATCHES = 12;
  // matches a second: one batch of one every 125 ms, well above a request's own time here (the
  // JDK's client and server take some 40 ms a request), so that a burst shows
  static final double RATE = 8;

  @TempDir Path root;
  HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static String match(int i) {
    Instant end = Instant.parse("2026-08-01T10:00:00Z").plusSeconds(600L * i);
    return """
        {"schema_version": 1, "match_id": "m%02d", "season": "2026-S3", "mode": "duel",
         "region": "eu-west", "platform": "pc", "started_at": "%s", "ended_at": "%s",
         "sides": [
           {"side_id": "a", "placement": 1, "players": [{"player_id": "p%d"}]},
           {"side_id": "b", "placement": 2, "players": [{"player_id": "q%d"}]}]}
        """
        .formatted(i, end.minusSeconds(300), end, i, i);
  }

  @Test
  void aRateLimitedReplayWaitsItOutAndThenKeepsItsPaceInsteadOfBursting() throws IOException {
    try (MatchDatasetWriter w = MatchDatasetWriter.builder(root.toString(), "test").build()) {
      for (int i = 0; i < MATCHES; i++) {
        w.write(MatchJson.parse(match(i)).event());
      }
    }
    List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger requests = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/matches",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          arrivals.add(System.nanoTime());
          if (requests.incrementAndGet() == 2) { // the second batch: slow down for a second
            exchange.getResponseHeaders().add("Retry-After", "1");
            exchange.sendResponseHeaders(429, -1);
          } else {
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();

    int exit =
        new CommandLine(new ReplayCommand())
            .execute(
                "--data-root",
                root.toString(),
                "--season",
                "2026-S3",
                "--url",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "--batch",
                "1",
                "--rate",
                Double.toString(RATE),
                "--quiet");

    assertThat(exit).isZero();
    // every match sent once, the refused batch once more
    assertThat(arrivals).hasSize(MATCHES + 1);
    // the refused batch was sent again after its Retry-After
    assertThat(arrivals.get(2) - arrivals.get(1)).isGreaterThanOrEqualTo(1_000_000_000L);
    // the ten batches after it keep the asked pace (nine gaps of 125 ms) instead of being sent
    // back to back until the replay has caught up with its schedule (some 0.35 s)
    long span = arrivals.get(MATCHES) - arrivals.get(3);
    assertThat(span).isGreaterThanOrEqualTo((long) (0.8 * 9 / RATE * 1e9));
  }
}
