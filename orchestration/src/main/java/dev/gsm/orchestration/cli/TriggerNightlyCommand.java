package dev.gsm.orchestration.cli;

import dev.gsm.orchestration.airflow.AirflowNightly;
import dev.gsm.orchestration.airflow.model.DAGRun;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gsm airflow trigger-nightly}: triggers the gsm_nightly DAG run and watches it. */
@Command(
    name = "trigger-nightly",
    mixinStandardHelpOptions = true,
    description =
        "Triggers the night's run of the gsm_nightly DAG through Airflow's REST API and watches it until it succeeds or fails, printing each task's state changes. Triggering the same night again watches the existing run.")
final class TriggerNightlyCommand implements Callable<Integer> {

  @Option(
      names = "--airflow-url",
      defaultValue = "${env:AIRFLOW_URL:-http://127.0.0.1:8080}",
      description = "Airflow web server (default: $AIRFLOW_URL, else ${DEFAULT-VALUE}).")
  URI airflow;

  @Option(
      names = "--user",
      defaultValue = "${env:AIRFLOW_USER:-admin}",
      description = "Basic-auth user (default: $AIRFLOW_USER, else ${DEFAULT-VALUE}).")
  String user;

  @Option(
      names = "--password-env",
      defaultValue = "AIRFLOW_PASSWORD",
      description = "Environment variable holding the password (default: ${DEFAULT-VALUE}).")
  String passwordEnv;

  @Option(
      names = "--token-env",
      description = "Environment variable holding a bearer token instead (e.g. MWAA).")
  String tokenEnv;

  @Option(names = "--season", required = true, description = "Season, e.g. 2026-S4.")
  String season;

  @Option(names = "--data-root", required = true, description = "Data root the DAG should use.")
  String dataRoot;

  @Option(names = "--night", description = "The night (default: today, UTC).")
  LocalDate night;

  @Option(names = "--no-wait", description = "Trigger only; do not watch.")
  boolean noWait;

  @Option(
      names = "--poll-seconds",
      defaultValue = "30",
      description = "Polling interval (default: ${DEFAULT-VALUE}).")
  int pollSeconds;

  @Override
  public Integer call() throws Exception {
    AirflowNightly.Auth auth;
    if (tokenEnv != null) {
      auth = new AirflowNightly.Auth.Bearer(required(tokenEnv));
    } else {
      auth = new AirflowNightly.Auth.Basic(user, required(passwordEnv));
    }
    AirflowNightly airflowNightly =
        new AirflowNightly(airflow, auth, Duration.ofSeconds(pollSeconds), Duration.ofSeconds(30));
    LocalDate n = night != null ? night : LocalDate.now(ZoneOffset.UTC);
    DAGRun run = airflowNightly.trigger(season, dataRoot, n);
    System.err.printf(
        "gsm airflow: %s run %s is %s%n", AirflowNightly.DAG_ID, run.getDagRunId(), run.getState());
    if (noWait) {
      return 0;
    }
    AirflowNightly.Outcome outcome =
        airflowNightly.watch(run.getDagRunId(), line -> System.err.println("  " + line));
    System.out.printf(
        "%s %s: %s (started %s, ended %s)%n",
        AirflowNightly.DAG_ID,
        run.getDagRunId(),
        outcome.run().getState(),
        outcome.run().getStartDate(),
        outcome.run().getEndDate());
    return outcome.succeeded() ? 0 : 1;
  }

  private static String required(String env) {
    String v = System.getenv(env);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("environment variable " + env + " is not set");
    }
    return v;
  }
}
