package dev.gsm.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gsm.orchestration.airflow.model.DAGRun;
import dev.gsm.orchestration.airflow.model.DagState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The generated Airflow client against a small HTTP server standing in for Airflow's web server:
 * the requests it sends (method, path, JSON body, auth header) and how it reads the answers (the
 * response bodies are shaped like Airflow 2.10's).
 */
class AirflowNightlyTest {

  record Request(String method, String path, String query, String auth, String type, String body) {}

  static final String RUN_ID = "gsm-nightly__2026-S4__2026-11-22";
  static final ObjectMapper JSON = new ObjectMapper();

  HttpServer server;
  final Deque<Request> requests = new ConcurrentLinkedDeque<>();
  final Deque<String> runStates =
      new ConcurrentLinkedDeque<>(List.of("running", "running", "success"));
  volatile boolean alreadyTriggered;

  @BeforeEach
  void airflow() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = x.getRequestURI();
    requests.add(
        new Request(
            x.getRequestMethod(),
            uri.getPath(),
            uri.getQuery(),
            x.getRequestHeaders().getFirst("Authorization"),
            x.getRequestHeaders().getFirst("Content-Type"),
            body));
    String runs = "/api/v1/dags/gsm_nightly/dagRuns";
    if (x.getRequestMethod().equals("POST") && uri.getPath().equals(runs)) {
      if (alreadyTriggered) {
        reply(
            x,
            409,
            "{\"title\":\"DAGRun with DAG ID: 'gsm_nightly' and DAGRun ID: '"
                + RUN_ID
                + "' already exists\",\"status\":409,\"type\":\"https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors/AlreadyExists\"}");
        return;
      }
      reply(x, 200, run("queued"));
    } else if (uri.getPath().equals(runs + "/" + RUN_ID)) {
      String state = runStates.size() > 1 ? runStates.poll() : runStates.peek();
      reply(x, 200, run(state));
    } else if (uri.getPath().equals(runs + "/" + RUN_ID + "/taskInstances")) {
      boolean done = "success".equals(runStates.peek()) && runStates.size() == 1;
      reply(
          x,
          200,
          "{\"task_instances\":["
              + task("rankings", "success", 1)
              + ","
              + task("insights", done ? "success" : "running", 2)
              + ","
              + task("publish", done ? "success" : null, 0)
              + "],\"total_entries\":3}");
    } else {
      reply(x, 404, "{\"title\":\"not found\",\"status\":404}");
    }
  }

  static String run(String state) {
    return "{\"conf\":{\"season\":\"2026-S4\"},\"dag_id\":\"gsm_nightly\",\"dag_run_id\":\""
        + RUN_ID
        + "\",\"data_interval_end\":\"2026-11-22T02:00:00+00:00\",\"end_date\":"
        + ("success".equals(state) ? "\"2026-11-22T03:10:00.123456+00:00\"" : "null")
        + ",\"execution_date\":\"2026-11-22T02:00:00+00:00\",\"external_trigger\":true,"
        + "\"last_scheduling_decision\":null,\"logical_date\":\"2026-11-22T02:00:00+00:00\","
        + "\"note\":null,\"run_type\":\"manual\",\"start_date\":\"2026-11-22T02:00:01.5+00:00\","
        + "\"state\":\""
        + state
        + "\"}";
  }

  static String task(String id, String state, int tryNumber) {
    return "{\"dag_id\":\"gsm_nightly\",\"dag_run_id\":\""
        + RUN_ID
        + "\",\"duration\":12.5,\"end_date\":null,\"executor_config\":\"{}\",\"hostname\":\"w1\","
        + "\"max_tries\":2,\"operator\":\"BashOperator\",\"pool\":\"default_pool\","
        + "\"start_date\":\"2026-11-22T02:00:02+00:00\",\"state\":"
        + (state == null ? "null" : "\"" + state + "\"")
        + ",\"task_id\":\""
        + id
        + "\",\"try_number\":"
        + tryNumber
        + "}";
  }

  static void reply(HttpExchange x, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders()
        .add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
    x.close();
  }

  AirflowNightly client() {
    return new AirflowNightly(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
        new AirflowNightly.Auth.Basic("admin", "s3cret"),
        Duration.ZERO,
        Duration.ofSeconds(5));
  }

  @Test
  void triggerNightlySendsTheDagRunRequestAirflowExpects() throws Exception {
    DAGRun run = client().trigger("2026-S4", "s3a://gsm-data/prod", LocalDate.parse("2026-11-22"));

    Request r = requests.getFirst();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/v1/dags/gsm_nightly/dagRuns");
    assertThat(r.auth()).isEqualTo("Basic YWRtaW46czNjcmV0"); // admin:s3cret
    assertThat(r.type()).startsWith("application/json");
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("dag_run_id").asText()).isEqualTo(RUN_ID);
    assertThat(body.get("conf").get("season").asText()).isEqualTo("2026-S4");
    assertThat(body.get("conf").get("data_root").asText()).isEqualTo("s3a://gsm-data/prod");
    assertThat(body.get("conf").get("night").asText()).isEqualTo("2026-11-22");
    // Read-only fields of DAGRun are never sent: Airflow rejects them.
    assertThat(body.has("dag_id")).isFalse();
    assertThat(body.has("state")).isFalse();
    assertThat(body.has("execution_date")).isFalse();

    assertThat(run.getDagRunId()).isEqualTo(RUN_ID);
    assertThat(run.getState()).isEqualTo(DagState.QUEUED);
    assertThat(run.getLogicalDate()).hasToString("2026-11-22T02:00Z");
  }

  @Test
  void watchingARunReportsEachTaskStateChangeUntilTheRunSucceeds() throws Exception {
    List<String> lines = new ArrayList<>();
    AirflowNightly.Outcome outcome = client().watch(RUN_ID, lines::add);

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.run().getEndDate()).isNotNull();
    assertThat(outcome.tasks())
        .extracting(t -> t.getTaskId())
        .containsExactly("rankings", "insights", "publish");
    assertThat(lines)
        .containsExactly(
            "rankings: success (try 1)",
            "insights: running (try 2)",
            "publish: none (try 0)",
            "insights: success (try 2)",
            "publish: success (try 0)");
    assertThat(requests)
        .extracting(Request::path)
        .contains(
            "/api/v1/dags/gsm_nightly/dagRuns/" + RUN_ID,
            "/api/v1/dags/gsm_nightly/dagRuns/" + RUN_ID + "/taskInstances");
    assertThat(requests).allSatisfy(r -> assertThat(r.auth()).isEqualTo("Basic YWRtaW46czNjcmV0"));
    assertThat(
            requests.stream()
                .filter(r -> r.path().endsWith("/taskInstances"))
                .findFirst()
                .orElseThrow()
                .query())
        .contains("limit=100")
        .contains("offset=0");
  }

  @Test
  void triggeringANightTwiceWatchesTheRunAlreadyThere() throws Exception {
    alreadyTriggered = true;

    DAGRun run = client().trigger("2026-S4", "s3a://gsm-data/prod", LocalDate.parse("2026-11-22"));

    assertThat(requests).extracting(Request::method).containsExactly("POST", "GET");
    assertThat(run.getDagRunId()).isEqualTo(RUN_ID);
    assertThat(run.getState()).isEqualTo(DagState.RUNNING);
  }
}
