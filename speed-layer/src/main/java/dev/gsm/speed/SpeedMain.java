package dev.gsm.speed;

import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.logging.LoggingMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/**
 * {@code bin/gsm speed}: the speed layer's process. Wires the named parts and runs them: the
 * applier ({@link SpeedLayer}) and the archiver ({@link Archiver}), each on its own thread and
 * Redis connection. Configuration from the environment: {@code REDIS_URL} (default
 * redis://127.0.0.1:6379), {@code GSM_REDIS_PREFIX} (gsm:), {@code GSM_DATA_ROOT} (./data), {@code
 * GSM_SEASONS_PER_YEAR} (4), {@code GSM_BATCH} (1000), {@code GSM_STATE_CACHE} (player states the
 * applier keeps between batches, {@value MatchApplier#DEFAULT_CACHE}).
 */
public final class SpeedMain {
  private SpeedMain() {}

  static final String USAGE =
      """
      Usage: gsm speed [-h]
      The speed layer's process: the consumer group that applies every match after the current
      batch view's watermark to the real-time view in Redis (and takes each new view over), and
      the archiver that appends every accepted match to the master dataset. Runs until stopped
      (Ctrl-C); metrics are logged every minute and served to Prometheus at
      http://<host>:$GSM_METRICS_PORT/metrics (dashboards/ has the scrape configuration, the
      alert rules and the Grafana dashboard).
      Configuration (environment):
        REDIS_URL              Redis of the match log and the real-time view
                               (gsm speed starts a redis-server of its own when unset)
        GSM_REDIS_PREFIX       key prefix (default gsm:)
        GSM_DATA_ROOT          master dataset root the archiver writes (default ./data)
        GSM_SEASONS_PER_YEAR   the season calendar (default 4)
        GSM_BATCH              log entries per apply step (default 1000)
        GSM_STATE_CACHE        player states the applier keeps between batches (default %d)
        GSM_METRICS_PORT       port of the /metrics endpoint (default 9464; off: none)
      """
          .formatted(MatchApplier.DEFAULT_CACHE);

  public static void main(String[] args) throws InterruptedException, IOException {
    for (String a : args) {
      if (a.equals("-h") || a.equals("--help")) {
        System.out.print(USAGE);
        return;
      }
    }
    if (args.length > 0) {
      System.err.print("gsm speed: unexpected argument " + args[0] + "\n" + USAGE);
      System.exit(64);
    }
    String url = env("REDIS_URL", "redis://127.0.0.1:6379");
    RedisLayout layout = new RedisLayout(env("GSM_REDIS_PREFIX", RedisLayout.DEFAULT_PREFIX));
    String dataRoot = env("GSM_DATA_ROOT", "data");
    int batch = Integer.parseInt(env("GSM_BATCH", "1000"));
    SeasonCalendar calendar =
        new SeasonCalendar(Integer.parseInt(env("GSM_SEASONS_PER_YEAR", "4")));
    RatingParameters params = RatingParameters.defaults();

    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    CompositeMeterRegistry registry = new CompositeMeterRegistry();
    registry.add(new LoggingMeterRegistry());
    registry.add(prometheus);
    // the JVM's own meters for the scrape only: the log gets the speed layer's figures
    new JvmMemoryMetrics().bindTo(prometheus);
    new JvmGcMetrics().bindTo(prometheus);
    new ProcessorMetrics().bindTo(prometheus);
    SpeedMetrics metrics = new SpeedMetrics(registry);
    String metricsPort = env("GSM_METRICS_PORT", "9464");
    MetricsEndpoint endpoint = null;
    if (!metricsPort.equals("off")) {
      try {
        endpoint =
            MetricsEndpoint.start(prometheus, new InetSocketAddress(Integer.parseInt(metricsPort)));
      } catch (IOException | NumberFormatException e) {
        System.err.printf(
            "gsm speed: cannot serve /metrics on GSM_METRICS_PORT=%s (%s); set a free port or"
                + " off%n",
            metricsPort, e.getMessage());
        System.exit(69);
      }
    }
    MetricsEndpoint metricsEndpoint = endpoint;
    RedisClient client = RedisClient.create(url);
    StatefulRedisConnection<String, String> applyConn = client.connect();
    StatefulRedisConnection<String, String> readConn = client.connect();
    StatefulRedisConnection<String, String> archiveConn = client.connect();
    // the applier's player reads and hand-over checks: never behind an apply step in flight
    StatefulRedisConnection<String, String> statesConn = client.connect();
    RealtimeView view = new RealtimeView(applyConn, layout, params);
    MatchLog applyLog = new MatchLog(applyConn.sync(), layout);
    SpeedLayer speed =
        new SpeedLayer(
            view,
            applyLog,
            new MatchApplier(
                view,
                new RealtimeView(statesConn, layout, params),
                applyLog,
                new RatingEngine(params),
                calendar,
                Integer.parseInt(
                    env("GSM_STATE_CACHE", Integer.toString(MatchApplier.DEFAULT_CACHE)))),
            metrics,
            "speed-" + ProcessHandle.current().pid(),
            batch,
            Duration.ofMillis(100),
            Clock.systemUTC());
    Archiver archiver =
        new Archiver(
            new MatchLog(archiveConn.sync(), layout),
            archiveConn.sync(),
            dataRoot,
            new Configuration(),
            metrics,
            "archiver-" + ProcessHandle.current().pid(),
            10_000,
            Duration.ofSeconds(1));
    MatchLog readLog = new MatchLog(readConn.sync(), layout);
    Thread a = new Thread(() -> speed.run(readLog), "speed-layer");
    Thread b = new Thread(archiver::run, "archiver");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  a.interrupt();
                  b.interrupt();
                  client.shutdown();
                  if (metricsEndpoint != null) {
                    metricsEndpoint.close();
                  }
                }));
    System.err.printf(
        "gsm speed: %s prefix %s, master dataset %s, metrics %s%n",
        url,
        layout.prefix(),
        dataRoot,
        metricsEndpoint == null ? "off" : ":" + metricsEndpoint.port() + "/metrics");
    a.start();
    b.start();
    a.join();
    b.join();
  }

  private static String env(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : v;
  }
}
