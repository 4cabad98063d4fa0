package dev.gsm.orchestration.airflow;

import dev.gsm.orchestration.airflow.api.DagRunApi;
import dev.gsm.orchestration.airflow.api.TaskInstanceApi;
import dev.gsm.orchestration.airflow.client.ApiClient;
import dev.gsm.orchestration.airflow.client.ApiException;
import dev.gsm.orchestration.airflow.model.DAGRun;
import dev.gsm.orchestration.airflow.model.DagState;
import dev.gsm.orchestration.airflow.model.TaskInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Triggers and watches the {@code gsm_nightly} DAG through Airflow's stable REST API, with the
 * client generated from {@code orchestration/airflow/openapi/v1.yaml}. The run id is derived from
 * season and night, so triggering the same night twice watches the existing run (Airflow answers
 * 409) instead of starting a second one.
 */
public final class AirflowNightly {

  public static final String DAG_ID = "gsm_nightly";

  /** How to authenticate: basic auth (Airflow's basic_auth backend) or a bearer token (MWAA). */
  public sealed interface Auth {
    String header();

    record Basic(String user, String password) implements Auth {
      @Override
      public String header() {
        return "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      }
    }

    record Bearer(String token) implements Auth {
      @Override
      public String header() {
        return "Bearer " + token;
      }
    }
  }

  /** The outcome of a watched run: its last state and its task instances. */
  public record Outcome(DAGRun run, List<TaskInstance> tasks) {
    public boolean succeeded() {
      return run.getState() == DagState.SUCCESS;
    }
  }

  private final DagRunApi runs;
  private final TaskInstanceApi tasks;
  private final Duration poll;

  /**
   * @param baseUrl Airflow's web server, e.g. {@code http://airflow:8080} ({@code /api/v1} is
   *     appended)
   */
  public AirflowNightly(URI baseUrl, Auth auth, Duration poll, Duration timeout) {
    Objects.requireNonNull(auth, "auth");
    String base = baseUrl.toString().replaceAll("/+$", "") + "/api/v1";
    ApiClient client =
        new ApiClient(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)),
            ApiClient.createDefaultObjectMapper(),
            base);
    client.setReadTimeout(timeout);
    client.setRequestInterceptor(r -> r.header("Authorization", auth.header()));
    this.runs = new DagRunApi(client);
    this.tasks = new TaskInstanceApi(client);
    this.poll = poll;
  }

  public static String runId(String season, LocalDate night) {
    return "gsm-nightly__" + season + "__" + night;
  }

  /** Triggers the night's run, or finds it when it was triggered before. */
  public DAGRun trigger(String season, String dataRoot, LocalDate night) throws ApiException {
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("season", season);
    conf.put("data_root", dataRoot);
    conf.put("night", night.toString());
    DAGRun request =
        new DAGRun()
            .dagRunId(runId(season, night))
            .conf(conf)
            .note("triggered by gsm airflow trigger-nightly");
    try {
      return runs.postDagRun(DAG_ID, request);
    } catch (ApiException e) {
      if (e.getCode() == 409) {
        return runs.getDagRun(DAG_ID, runId(season, night));
      }
      throw e;
    }
  }

  /**
   * Polls the run until it succeeds or fails, reporting each change of a task's state.
   *
   * @param report receives lines such as {@code rankings: running (try 1)}
   */
  public Outcome watch(String runId, Consumer<String> report)
      throws ApiException, InterruptedException {
    Map<String, String> seen = new LinkedHashMap<>();
    while (true) {
      DAGRun run = runs.getDagRun(DAG_ID, runId);
      List<TaskInstance> ti = taskInstances(runId);
      for (TaskInstance t : ti) {
        String state =
            (t.getState() == null ? "none" : t.getState()) + " (try " + t.getTryNumber() + ")";
        if (!state.equals(seen.put(t.getTaskId(), state))) {
          report.accept(t.getTaskId() + ": " + state);
        }
      }
      if (run.getState() == DagState.SUCCESS || run.getState() == DagState.FAILED) {
        return new Outcome(run, ti);
      }
      Thread.sleep(poll.toMillis());
    }
  }

  List<TaskInstance> taskInstances(String runId) throws ApiException {
    var page = tasks.getTaskInstances(DAG_ID, runId, 100, 0);
    return page.getTaskInstances() == null ? List.of() : page.getTaskInstances();
  }
}
