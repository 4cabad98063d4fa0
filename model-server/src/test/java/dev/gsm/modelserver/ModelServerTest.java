package dev.gsm.modelserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.prediction.PortableModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

class ModelServerTest {

  @TempDir static Path dir;
  static ModelServer server;
  static SageMakerRuntimeClient runtime;
  static PortableModel win =
      new PortableModel(
          "win",
          List.of("a", "b"),
          new double[] {0.1, -0.2},
          new double[] {2, 0.5},
          new double[] {0.7, -1.3},
          0.05,
          0.9,
          0.01);

  @BeforeAll
  static void start() throws Exception {
    Files.writeString(dir.resolve("win.json"), win.toJson());
    server = ModelServer.start(dir, "127.0.0.1", 0);
    runtime =
        SageMakerRuntimeClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
            .region(Region.EU_WEST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
            .build();
  }

  @AfterAll
  static void stop() {
    runtime.close();
    server.close();
  }

  @Test
  void pingAnswersOkOnceTheModelIsLoaded() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  @Test
  void aSignedInvokeEndpointCallThroughTheSdkGetsTheEvaluatorsPredictions() {
    double[][] xs = {{0.3, 1.0}, {-2.0, 0.0}};
    double[] p = new SageMakerPredictor(runtime, "matchmaking-model").predict("win", xs);
    assertThat(p).containsExactly(win.predict(xs[0]), win.predict(xs[1]));
  }

  @Test
  void aWrongFeatureCountIsA400ThatTheSdkReportsAsAnError() {
    assertThatThrownBy(
            () ->
                new SageMakerPredictor(runtime, "matchmaking-model")
                    .predict("win", new double[][] {{1.0}}))
        .isInstanceOf(SageMakerRuntimeException.class)
        .hasMessageContaining("400");
  }
}
