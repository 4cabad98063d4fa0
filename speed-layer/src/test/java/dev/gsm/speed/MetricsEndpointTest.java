package dev.gsm.speed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsEndpointTest {
  @Test
  void theSpeedLayersMetersAreServedInPrometheusTextFormat() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SpeedMetrics metrics = new SpeedMetrics(registry);
    metrics.applied.increment(3);
    metrics.lag(7, 1500);
    try (MetricsEndpoint endpoint =
        MetricsEndpoint.start(registry, new InetSocketAddress("127.0.0.1", 0))) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics");
      HttpResponse<String> r =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
      assertThat(r.body())
          .contains("gsm_speed_applied_total 3.0")
          .contains("gsm_speed_lag_entries 7.0")
          .contains("gsm_speed_lag_seconds 1.5")
          .contains("gsm_speed_dead_letters_total")
          .contains("gsm_speed_handover_duration_seconds_count")
          .contains("gsm_archiver_archived_total")
          .contains("gsm_redis_memory_bytes_per_player");
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }
}
