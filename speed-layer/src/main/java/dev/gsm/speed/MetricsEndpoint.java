package dev.gsm.speed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The speed layer's Prometheus scrape endpoint: {@code GET /metrics} on its own small HTTP server
 * (the process has no web framework). What it serves is the {@link SpeedMetrics} meters and the
 * JVM's, in Prometheus' text format; dashboards/ holds the scrape configuration, the alert rules
 * and the Grafana dashboard that read them.
 */
final class MetricsEndpoint implements AutoCloseable {
  private final HttpServer server;

  private MetricsEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Serves {@code registry} at {@code http://<address>:<port>/metrics} (port 0: any free one). */
  static MetricsEndpoint start(PrometheusMeterRegistry registry, InetSocketAddress address)
      throws IOException {
    HttpServer server = HttpServer.create(address, 16);
    server.createContext(
        "/metrics",
        exchange -> {
          try (exchange) {
            if (!exchange.getRequestMethod().equals("GET")) {
              answer(exchange, 405, "text/plain", "GET only\n");
              return;
            }
            answer(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
          }
        });
    server.start();
    return new MetricsEndpoint(server);
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
