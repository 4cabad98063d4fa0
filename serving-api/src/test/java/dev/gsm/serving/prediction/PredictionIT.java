package dev.gsm.serving.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.features.PlayerHistory;
import dev.gsm.core.features.PlayerSnapshot;
import dev.gsm.core.prediction.MatchQualityPredictor;
import dev.gsm.core.prediction.PortableModel;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.serving.RedisBackedIT;
import dev.gsm.serving.ingest.IngestIT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The prediction endpoints through the whole Spring WebFlux stack against a real Redis, with models
 * in a model registry on disk: the answer equals domain-core's predictor on the same players,
 * ratings and histories.
 */
@SpringBootTest(properties = "gsm.prediction.reload-interval=0s")
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
class PredictionIT extends RedisBackedIT {

  @TempDir static Path registry;

  static final RatingParameters PARAMS = RatingParameters.defaults();
  static final String SEASON = "2026-S4";
  static final long LAST = Instant.parse("2026-11-20T12:00:00Z").getEpochSecond();

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry registry) {
    registry.add("gsm.prediction.registry", () -> PredictionIT.registry.toString());
  }

  @Autowired WebTestClient client;
  @Autowired RealtimeView view;
  @Autowired MatchLog log;
  final ObjectMapper json = new ObjectMapper();

  static PortableModel model(String name, List<String> features, double seed) {
    int n = features.size();
    double[] mean = new double[n];
    double[] scale = new double[n];
    double[] coef = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = 0.05 * i;
      scale[i] = 1.0 / (1 + i);
      coef[i] = seed * (i % 2 == 0 ? 1 : -0.5) / (1 + i);
    }
    return new PortableModel(name, features, mean, scale, coef, 0.1, 1.1, 0.02);
  }

  static void promote(String version, double seed) throws Exception {
    Path dir = registry.resolve("versions").resolve(version);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("win.json"), model("win", MatchFeatures.WIN_FEATURES, seed).toJson());
    Files.writeString(
        dir.resolve("engagement.json"),
        model("engagement", MatchFeatures.ENGAGEMENT_FEATURES, seed / 2).toJson());
    Path tmp = registry.resolve("current.tmp");
    Files.writeString(tmp, version + "\n");
    Files.move(tmp, registry.resolve("current"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Players p1..p6 with ratings and histories in a live generation. */
  Map<String, PlayerState> load() {
    Map<String, PlayerState> states = new TreeMap<>();
    PlayerHistory h = new PlayerHistory();
    Map<String, byte[]> histories = new HashMap<>();
    for (int i = 1; i <= 6; i++) {
      String id = "p" + i;
      PlayerRating r =
          new PlayerRating(20 + 2 * i, 2 + 0.3 * i, LAST - 3_600L * i, 10 * i, 5 * i, 5 * i, 0);
      TreeMap<String, PlayerRating> modes = new TreeMap<>();
      if (i % 2 == 0) {
        modes.put("duel", new PlayerRating(30 - i, 3, LAST - 100, 4, 2, 2, 0));
      }
      states.put(id, new PlayerState(SEASON, id, r, modes, "eu", "pc"));
      for (int k = 0; k < i * 3; k++) {
        h.record(i, LAST - 86_400L * k, (k + i) % 2, 0.5, k % 5 == 0, (k * 7) % 24);
      }
      if (i != 6) { // p6 has no history in the batch view
        histories.put(id, h.export(i));
      }
    }
    Generation g = view.loadGeneration("v-test", 42, states.values(), histories);
    view.ensureGeneration();
    view.switchTo(g.id());
    return states;
  }

  JsonNode call(String path, String body, int status) throws Exception {
    String out =
        client
            .post()
            .uri(path)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isEqualTo(status)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    return json.readTree(out);
  }

  @Test
  void theAnswerIsTheDomainPredictorOnTheLiveRatingsAndTheBatchHistories() throws Exception {
    // before any view or model: newcomers and the rating engine, and the answer says so
    JsonNode cold =
        call(
            "/api/v1/predictions/match-quality",
            "{\"season\":\"2026-S4\",\"sides\":[[\"p1\"],[\"p2\"]]}",
            200);
    assertThat(cold.at("/model/win").asText()).isEqualTo("rating-engine");
    assertThat(cold.at("/model/version").isValueNode()).as("no model version").isFalse();
    assertThat(cold.at("/sides/0/players/0/rated").asBoolean()).isFalse();
    assertThat(cold.at("/fairness").asDouble()).isCloseTo(1.0, within(1e-9));

    Map<String, PlayerState> states = load();
    promote("m1", 0.7);
    String teams = "{\"season\":\"2026-S4\",\"sides\":[[\"p1\",\"p4\"],[\"p2\",\"p6\"]]}";
    JsonNode a = call("/api/v1/predictions/match-quality", teams, 200);
    long now = Instant.now().getEpochSecond();
    MatchQualityPredictor expected =
        new MatchQualityPredictor(
            new RatingPredictor(PARAMS),
            model("win", MatchFeatures.WIN_FEATURES, 0.7),
            model("engagement", MatchFeatures.ENGAGEMENT_FEATURES, 0.35));
    Map<String, byte[]> hist =
        view.snapshots(SEASON, List.of("p1", "p2", "p4", "p6")).orElseThrow().histories();
    List<List<PlayerSnapshot>> sides = new ArrayList<>();
    for (List<String> side : List.of(List.of("p1", "p4"), List.of("p2", "p6"))) {
      List<PlayerSnapshot> s = new ArrayList<>();
      for (String id : side) {
        byte[] h = hist.getOrDefault(id, new PlayerHistory().export(0));
        s.add(PlayerHistory.snapshotOf(h, states.get(id).global(), now));
      }
      sides.add(s);
    }
    MatchQualityPredictor.MatchOutlook o = expected.outlook(sides, true, now);
    // the server's clock read a moment earlier or later: ratings' uncertainty grows by a hair
    assertThat(a.at("/sides/0/win_probability").asDouble())
        .isCloseTo(o.winProbability()[0], within(1e-6));
    assertThat(a.at("/fairness").asDouble()).isCloseTo(o.fairness(), within(1e-6));
    assertThat(a.at("/quality").asDouble()).isCloseTo(o.quality(), within(1e-6));
    assertThat(a.at("/skill_compatibility").asDouble())
        .isCloseTo(o.skillCompatibility(), within(1e-6));
    assertThat(a.at("/sides/1/players/1/engagement").asDouble())
        .isCloseTo(o.engagement()[1][1], within(1e-6));
    assertThat(a.at("/sides/1/players/1/history").asText()).isEqualTo("none");
    assertThat(a.at("/sides/0/players/0/history").asText()).isEqualTo("batch");
    assertThat(a.at("/model/version").asText()).isEqualTo("m1");
    assertThat(a.at("/model/win").asText()).isEqualTo("calibrated-logistic");
    assertThat(a.at("/freshness/batch_version").asText()).isEqualTo("v-test");
    assertThat(a.at("/freshness/batch_watermark").asLong()).isEqualTo(42);
    assertThat(a.at("/freshness/source").asText()).isEqualTo("realtime");
    assertThat(a.at("/features/history").asText()).contains("v-test");

    // the mode's own rating is used when the player has one
    JsonNode duel =
        call(
            "/api/v1/predictions/match-quality",
            "{\"season\":\"2026-S4\",\"mode\":\"duel\",\"sides\":[[\"p2\"],[\"p3\"]]}",
            200);
    assertThat(duel.at("/sides/0/players/0/mu").asDouble()).isEqualTo(28.0);
    assertThat(duel.at("/sides/1/players/0/mu").asDouble())
        .isEqualTo(states.get("p3").global().mu());

    // free-for-all: the engine's first-place probabilities; a new promotion is picked up
    promote("m2", 0.2);
    JsonNode ffa =
        call(
            "/api/v1/predictions/match-quality",
            "{\"season\":\"2026-S4\",\"ranked\":false,\"sides\":[[\"p1\"],[\"p3\"],[\"p5\"],[\"stranger\"]]}",
            200);
    assertThat(ffa.at("/model/version").asText()).isEqualTo("m2");
    assertThat(ffa.at("/model/win").asText()).isEqualTo("rating-engine");
    assertThat(ffa.at("/sides").size()).isEqualTo(4);
    assertThat(ffa.at("/sides/3/players/0/rated").asBoolean()).isFalse();
    double sum = 0;
    for (JsonNode s : ffa.at("/sides")) {
      sum += s.at("/win_probability").asDouble();
    }
    assertThat(sum).isLessThanOrEqualTo(1.0 + 1e-9).isGreaterThan(0.9);
    assertThat(ffa.at("/sides/2/win_probability").asDouble())
        .isGreaterThan(ffa.at("/sides/0/win_probability").asDouble());

    // a batch: each prediction is the single request's for the same sides, from one read
    String[] matches = {
      "[[\"p1\",\"p4\"],[\"p2\",\"p6\"]]",
      "[[\"p2\"],[\"p3\"]]",
      "[[\"p1\"],[\"p3\"],[\"p5\"],[\"stranger\"]]"
    };
    StringBuilder batch = new StringBuilder("{\"season\":\"2026-S4\",\"matches\":[");
    for (int m = 0; m < matches.length; m++) {
      batch.append(m == 0 ? "" : ",").append("{\"sides\":").append(matches[m]).append("}");
    }
    JsonNode b = call("/api/v1/predictions/match-quality/batch", batch + "]}", 200);
    assertThat(b.at("/predictions").size()).isEqualTo(3);
    assertThat(b.at("/freshness/batch_version").asText()).isEqualTo("v-test");
    for (int m = 0; m < matches.length; m++) {
      JsonNode single =
          call(
              "/api/v1/predictions/match-quality",
              "{\"season\":\"2026-S4\",\"sides\":" + matches[m] + "}",
              200);
      JsonNode p = b.at("/predictions/" + m);
      assertThat(p.at("/model")).isEqualTo(single.at("/model"));
      assertThat(p.at("/sides").size()).isEqualTo(single.at("/sides").size());
      for (String f : List.of("/fairness", "/quality", "/skill_compatibility")) {
        assertThat(p.at(f).asDouble()).as(f).isCloseTo(single.at(f).asDouble(), within(1e-6));
      }
      for (int side = 0; side < single.at("/sides").size(); side++) {
        String w = "/sides/" + side + "/win_probability";
        assertThat(p.at(w).asDouble()).as(w).isCloseTo(single.at(w).asDouble(), within(1e-6));
        assertThat(p.at("/sides/" + side + "/players"))
            .isEqualTo(single.at("/sides/" + side + "/players"));
      }
    }

    // matchmaking: pairs the closest players, everybody placed once
    JsonNode mm =
        call(
            "/api/v1/predictions/matchmaking",
            "{\"season\":\"2026-S4\",\"players\":[\"p1\",\"p2\",\"p3\",\"p4\",\"p5\"]}",
            200);
    assertThat(mm.at("/matches").size()).isEqualTo(2);
    assertThat(mm.at("/waiting").size()).isEqualTo(1);
    JsonNode teams2 =
        call(
            "/api/v1/predictions/matchmaking",
            "{\"season\":\"2026-S4\",\"team_size\":2,\"players\":[\"p1\",\"p2\",\"p3\",\"p4\",\"p5\",\"p6\"]}",
            200);
    assertThat(teams2.at("/matches").size()).isEqualTo(1);
    assertThat(teams2.at("/matches/0/sides/0/players").size()).isEqualTo(2);
    assertThat(teams2.at("/waiting").size()).isEqualTo(2);

    // accepted matches the speed layer has not applied yet (the log passes the view's
    // watermark): the answer says they are missing
    long applied = a.at("/freshness/applied_through").asLong();
    StringBuilder accepted = new StringBuilder("[");
    for (int i = 0; i <= applied; i++) {
      accepted.append(i == 0 ? "" : ",").append(IngestIT.match("unapplied-" + i));
    }
    client
        .post()
        .uri("/api/v1/matches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(accepted + "]")
        .exchange()
        .expectStatus()
        .isAccepted();
    long head = log.head();
    assertThat(head).isGreaterThan(applied);
    JsonNode lagging = null;
    for (int i = 0; i < 50; i++) { // the log head is re-read at most every 100 ms
      lagging = call("/api/v1/predictions/match-quality", teams, 200);
      if (lagging.at("/freshness/log_head").asLong() == head) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(lagging.at("/freshness/log_head").asLong()).isEqualTo(head);
    assertThat(lagging.at("/freshness/applied_through").asLong()).isEqualTo(applied);
    assertThat(lagging.at("/freshness/speed_lag_entries").asLong()).isEqualTo(head - applied);
    assertThat(lagging.at("/freshness/speed_lag_seconds").asDouble()).isBetween(0.0, 60.0);
    assertThat(lagging.at("/freshness/speed_layer").asText()).isEqualTo("up");
  }

  @Test
  void aBadRequestNamesEveryProblem() throws Exception {
    client
        .post()
        .uri("/api/v1/predictions/match-quality")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"season\":\"2026-X\",\"mode\":\"Duel!\",\"sides\":[[\"p1\",\"bad id\"],[\"p1\"],[]]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Invalid prediction request")
        .jsonPath("$.errors.length()")
        .isEqualTo(5)
        .jsonPath("$.errors[?(@.field == 'sides[0][1]')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'sides[2]')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'season')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'mode')]")
        .exists();
    client
        .post()
        .uri("/api/v1/predictions/match-quality")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"sides\":[[\"p1\"]]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("sides");
    client
        .post()
        .uri("/api/v1/predictions/match-quality/batch")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"matches\":[{\"sides\":[[\"p1\"],[\"p2\"]]},{\"sides\":[[\"p1\"],[\"no way\"]]},{}]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(2)
        .jsonPath("$.errors[?(@.field == 'matches[1].sides[1][0]')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'matches[2].sides')]")
        .exists();
    StringBuilder tooMany = new StringBuilder("{\"matches\":[");
    for (int m = 0; m <= 100; m++) {
      tooMany.append(m == 0 ? "" : ",").append("{\"sides\":[[\"a\"],[\"b\"]]}");
    }
    client
        .post()
        .uri("/api/v1/predictions/match-quality/batch")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(tooMany + "]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("matches")
        .jsonPath("$.errors[0].message")
        .isEqualTo("at most 100 matches, got 101");
    client
        .post()
        .uri("/api/v1/predictions/matchmaking")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"team_size\":9,\"players\":[\"a\",\"a\"]}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors.length()")
        .isEqualTo(2);
  }
}
