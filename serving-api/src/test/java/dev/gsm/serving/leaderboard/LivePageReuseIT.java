package dev.gsm.serving.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.serving.RedisBackedIT;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A live page asked again within gsm.rankings.live-max-age is the same answer (RecentAnswers),
 * freshness and as_of included, even though the view moved meanwhile; from then on, the next answer
 * is read from the view.
 */
@SpringBootTest(properties = {"gsm.rankings.season=2026-S4", "gsm.rankings.live-max-age=100ms"})
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
class LivePageReuseIT extends RedisBackedIT {
  static final String SEASON = "2026-S4";

  /** The API's clock, moved by the test: the window is the clock's, not the machine's speed. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-21T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock();
    }
  }

  @Autowired TestClock clock;
  @Autowired MeterRegistry meters;

  @Autowired WebTestClient client;
  @Autowired RealtimeView view;
  final ObjectMapper json = new ObjectMapper();

  /** A generation of players p0..p{n-1} whose global board has {@code top} first. */
  long publish(String version, String top, int n) {
    List<PlayerState> players = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "p" + i;
      double mu = id.equals(top) ? 40 : 20 - i;
      PlayerRating r = new PlayerRating(mu, 2, 1_795_000_000L, 10, 6, 4, 0);
      players.add(new PlayerState(SEASON, id, r, new TreeMap<>(), "eu-west", "pc"));
    }
    long id = view.loadGeneration(version, 0, players).id();
    view.switchTo(id);
    return id;
  }

  JsonNode get(String path) throws Exception {
    String body =
        client
            .get()
            .uri(path)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return json.readTree(body);
  }

  @Test
  void aPageAskedAgainWithinTheMaxAgeIsTheSameAnswerThenTheViewIsReadAgain() throws Exception {
    long first = publish("v-first", "p0", 5);
    JsonNode before = get("/api/v1/rankings/global?limit=3");
    assertThat(before.at("/rows/0/player_id").asText()).isEqualTo("p0");
    assertThat(before.at("/freshness/generation").asLong()).isEqualTo(first);

    client
        .get()
        .uri("/api/v1/rankings/global?limit=3&around=p5")
        .exchange()
        .expectStatus()
        .isNotFound();

    long second = publish("v-second", "p4", 6);
    clock.advance(Duration.ofMillis(99));

    assertThat(get("/api/v1/rankings/global?limit=3")).isEqualTo(before);
    // an error is never given again: p5, not on the board a moment ago, is now
    assertThat(get("/api/v1/rankings/global?limit=3&around=p5").at("/rows/1/player_id").asText())
        .isEqualTo("p5");
    // another page is its own request: read now, from the new generation
    JsonNode other = get("/api/v1/rankings/global?limit=2");
    assertThat(other.at("/rows/0/player_id").asText()).isEqualTo("p4");
    assertThat(other.at("/freshness/generation").asLong()).isEqualTo(second);

    clock.advance(Duration.ofMillis(1));
    JsonNode after = get("/api/v1/rankings/global?limit=3");
    assertThat(after.at("/rows/0/player_id").asText()).isEqualTo("p4");
    assertThat(after.at("/freshness/generation").asLong()).isEqualTo(second);
    assertThat(Instant.parse(after.at("/freshness/as_of").asText()))
        .isEqualTo(Instant.parse(before.at("/freshness/as_of").asText()).plusMillis(100));
    // the repeated answer is a request of the endpoint in the metrics like any other
    assertThat(
            meters
                .find("http.server.requests")
                .tag("uri", "/api/v1/rankings/global")
                .tag("status", "200")
                .timer()
                .count())
        .isEqualTo(5);
  }
}
