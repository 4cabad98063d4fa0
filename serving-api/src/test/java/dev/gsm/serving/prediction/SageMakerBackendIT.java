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
import dev.gsm.modelserver.ModelServer;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The SageMaker backend: the serving API signs real InvokeEndpoint requests with the AWS SDK to
 * model-server's container server running locally (endpoint override), which evaluates the models
 * and answers; the result equals the in-process evaluation of the same models.
 */
@ExtendWith(RedisExtension.class)
@SpringBootTest(
    properties = {
      "gsm.prediction.backend=sagemaker",
      "gsm.prediction.sagemaker.endpoint-name=gsm-match-quality",
      "gsm.prediction.sagemaker.region=eu-west-1"
    })
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
class SageMakerBackendIT {

  static RedisEndpoint redis;
  @TempDir static Path models;
  static ModelServer container;

  @BeforeAll
  static void start(RedisEndpoint endpoint) throws Exception {
    redis = endpoint;
    System.setProperty("aws.accessKeyId", "local");
    System.setProperty("aws.secretAccessKey", "local");
    Files.writeString(
        models.resolve("win.json"),
        PredictionIT.model("win", MatchFeatures.WIN_FEATURES, 0.6).toJson());
    Files.writeString(
        models.resolve("engagement.json"),
        PredictionIT.model("engagement", MatchFeatures.ENGAGEMENT_FEATURES, 0.4).toJson());
    container = ModelServer.start(models, "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    container.close();
  }

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry registry) {
    registry.add("gsm.redis.url", () -> redis.url());
    registry.add("gsm.redis.key-prefix", () -> redis.keyPrefix());
    registry.add(
        "gsm.prediction.sagemaker.endpoint-override", () -> "http://127.0.0.1:" + container.port());
  }

  @Autowired WebTestClient client;

  @Test
  void theEndpointEvaluatesTheModelsTheServerWouldHaveEvaluated() throws Exception {
    String body =
        client
            .post()
            .uri("/api/v1/predictions/match-quality")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"season\":\"2026-S4\",\"sides\":[[\"a\",\"b\"],[\"c\",\"d\"]]}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    JsonNode a = new ObjectMapper().readTree(body);
    assertThat(a.at("/model/version").asText()).isEqualTo("sagemaker:gsm-match-quality");
    assertThat(a.at("/model/win").asText()).isEqualTo("calibrated-logistic");

    // no view loaded: four newcomers; the server's clock read a moment apart from this one
    RatingParameters p = RatingParameters.defaults();
    long now = java.time.Instant.now().getEpochSecond();
    PlayerSnapshot newcomer =
        PlayerHistory.snapshotOf(new PlayerHistory().export(0), PlayerRating.newcomer(p), now);
    List<List<PlayerSnapshot>> sides = new ArrayList<>();
    sides.add(List.of(newcomer, newcomer));
    sides.add(List.of(newcomer, newcomer));
    MatchQualityPredictor local =
        new MatchQualityPredictor(
            new RatingPredictor(p),
            PortableModel.fromJson(Files.readString(models.resolve("win.json"))),
            PortableModel.fromJson(Files.readString(models.resolve("engagement.json"))));
    MatchQualityPredictor.MatchOutlook o = local.outlook(sides, true, now);
    assertThat(a.at("/sides/0/win_probability").asDouble())
        .isCloseTo(o.winProbability()[0], within(1e-9));
    assertThat(a.at("/sides/1/players/1/engagement").asDouble())
        .isCloseTo(o.engagement()[1][1], within(1e-9));
    assertThat(a.at("/quality").asDouble()).isCloseTo(o.quality(), within(1e-9));
    assertThat(a.at("/sides/0/players/0/engagement").asDouble()).isBetween(0.0, 1.0);
  }
}
