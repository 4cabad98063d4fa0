package dev.gsm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.speed.SpeedMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dashboards/ through the real {@code promtool}: the Prometheus configuration and the alert rules
 * load, the rules' unit tests pass, every Grafana query parses as PromQL, and every metric the
 * rules and the dashboard read is exported: the speed layer's by its real registry here, the
 * serving API's ({@link #SERVING_API_METRICS}) by a running API in {@link ServingEndToEndIT}.
 */
class DashboardsTest {
  /** What dashboards/ reads from the serving API; ServingEndToEndIT finds each in a real scrape. */
  static final Set<String> SERVING_API_METRICS =
      Set.of(
          "up",
          "http_server_requests_seconds",
          "http_server_requests_seconds_count",
          "gsm_ingest_matches_total",
          "gsm_batch_view_age_seconds",
          "jvm_memory_used_bytes");

  private static final Path DASHBOARDS =
      Path.of(System.getProperty("gsm.dashboards", "../dashboards"));
  private static final Pattern METRIC =
      Pattern.compile("\\b(up|gsm_[a-z0-9_]+|http_server_[a-z0-9_]+|jvm_[a-z0-9_]+)\\b");

  private static String promtool(Path dir, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("promtool");
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "promtool is missing: apt-get install prometheus (bin/test installs it)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("promtool %s:%n%s", String.join(" ", args), out).isZero();
    return out;
  }

  private static List<String> dashboardQueries() throws IOException {
    JsonNode dash =
        new ObjectMapper().readTree(DASHBOARDS.resolve("grafana/gsm-overview.json").toFile());
    List<String> exprs = new ArrayList<>();
    for (JsonNode panel : dash.get("panels")) {
      if (panel.get("type").asText().equals("row")) {
        continue;
      }
      assertThat(panel.get("targets")).as("panel %s", panel.get("title")).isNotEmpty();
      for (JsonNode target : panel.get("targets")) {
        String expr = target.get("expr").asText();
        assertThat(expr).as("panel %s", panel.get("title")).isNotBlank();
        exprs.add(expr);
      }
    }
    return exprs;
  }

  private static Set<String> metricsRead() throws IOException {
    String text =
        Files.readString(DASHBOARDS.resolve("prometheus/alerts.yml"))
            + String.join("\n", dashboardQueries());
    Set<String> names = new TreeSet<>();
    Matcher m = METRIC.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  @Test
  void theConfigurationAndTheRulesLoadAndTheRuleTestsPass() throws Exception {
    Path prometheus = DASHBOARDS.resolve("prometheus");
    assertThat(promtool(prometheus, "check", "config", "prometheus.yml")).contains("SUCCESS");
    assertThat(promtool(prometheus, "check", "rules", "alerts.yml")).contains("10 rules found");
    assertThat(promtool(prometheus, "test", "rules", "alerts.test.yml")).contains("SUCCESS");
  }

  @Test
  void everyDashboardQueryIsPromQl(@TempDir Path dir) throws Exception {
    List<String> exprs = dashboardQueries();
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    for (int i = 0; i < exprs.size(); i++) {
      String expr =
          exprs.get(i).replace("$__rate_interval", "5m").replace("=~\"$instance\"", "=~\".*\"");
      assertThat(expr).doesNotContain("$");
      rules
          .append("      - record: dashboard:query_")
          .append(i)
          .append("\n        expr: '")
          .append(expr.replace("'", "''"))
          .append("'\n");
    }
    Files.writeString(dir.resolve("queries.yml"), rules);
    assertThat(promtool(dir, "check", "rules", "queries.yml"))
        .contains(exprs.size() + " rules found");
  }

  @Test
  void everyMetricReadIsExported() throws Exception {
    PrometheusMeterRegistry speed = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new SpeedMetrics(speed);
    String scrape = speed.scrape();
    Set<String> read = metricsRead();
    assertThat(read).contains("gsm_speed_lag_seconds", "http_server_requests_seconds_count");
    for (String name : read) {
      if (SERVING_API_METRICS.contains(name)) {
        continue;
      }
      assertThat(scrape)
          .as("%s is read by dashboards/ but neither the speed layer nor the API exports it", name)
          .containsPattern("(?m)^" + name + "[{ ]");
    }
  }
}
