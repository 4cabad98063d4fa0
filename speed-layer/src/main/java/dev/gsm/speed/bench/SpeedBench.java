package dev.gsm.speed.bench;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import dev.gsm.speed.MatchApplier;
import dev.gsm.speed.SpeedLayer;
import dev.gsm.speed.SpeedMetrics;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The speed layer's benchmark (not a test; bin/bench-speed runs it against a redis-server of its
 * own): matches applied per second, accepted-to-applied lag p50/p99 at a fixed offered rate, and
 * Redis bytes per player at a given number of players. Prints figures; asserts nothing.
 *
 * <p>Arguments: redis-url applyMatches offeredRate seconds players [phases: apply,lag,memory].
 * Environment, as for {@code bin/gsm speed}: {@code GSM_BATCH} (entries per batch, 1000), {@code
 * GSM_STATE_CACHE} (player states the applier keeps, {@link MatchApplier#DEFAULT_CACHE}), {@code
 * PIPELINE} (1: {@code SpeedLayer.run(reader)} as {@code bin/gsm speed} runs it; 0: the one-thread
 * {@code step()} loop).
 */
public final class SpeedBench {
  private static final String SEASON = "2026-S1";
  private static final int BATCH = env("GSM_BATCH", 1000);
  private static final int CACHE = env("GSM_STATE_CACHE", MatchApplier.DEFAULT_CACHE);
  // 1: SpeedLayer.run(reader), reading and parsing ahead on a second connection (as bin/gsm
  // speed); 0: the one-thread step() loop
  private static final boolean PIPELINE = env("PIPELINE", 1) == 1;
  private static RedisClient client;

  private SpeedBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
    int applyMatches = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int players = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
    List<String> phases = List.of((args.length > 5 ? args[5] : "apply,lag,memory").split(","));
    RatingParameters params = RatingParameters.defaults();
    client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect();
        StatefulRedisConnection<String, String> producer = client.connect()) {
      if (phases.contains("apply")) {
        System.out.print("warm-up (JIT; not counted) ");
        applied(c, params, Math.max(1000, applyMatches / 4), players);
        applied(c, params, applyMatches, players);
        commandStats(c);
      }
      if (phases.contains("lag")) {
        lag(c, producer, params, rate, seconds, players);
      }
      if (phases.contains("memory")) {
        memory(c, params, players);
      }
    } finally {
      client.shutdown();
    }
  }

  /** Preloads the log, then times the speed layer draining it. */
  static void applied(
      StatefulRedisConnection<String, String> c, RatingParameters params, int n, int players) {
    RedisLayout layout = new RedisLayout("bench-apply:");
    MatchLog log = new MatchLog(c.sync(), layout);
    Random random = new Random(1);
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    List<MatchEvent> chunk = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t = t.plusMillis(50);
      chunk.add(match(random, "a" + i, t, players));
      if (chunk.size() == MatchLog.MAX_BATCH) {
        log.append(chunk, Instant.now());
        chunk.clear();
      }
    }
    log.append(chunk, Instant.now());
    SpeedMetrics metrics = new SpeedMetrics(new SimpleMeterRegistry());
    SpeedLayer speed = speed(c, layout, params, metrics);
    speed.recover();
    long start = System.nanoTime();
    double javaCpu0 = processCpuSeconds();
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    double redisCpu0 = redisCpuSeconds(c);
    c.sync().configResetstat();
    long[] applierCpuNanos = new long[1];
    Thread applier =
        new Thread(
            () -> {
              try {
                if (PIPELINE) {
                  runPipelined(speed, layout);
                } else {
                  while (speed.step() > 0) {
                    // until the preloaded log is drained
                  }
                }
              } finally {
                applierCpuNanos[0] = threads.getCurrentThreadCpuTime();
              }
            },
            "speed-layer");
    applier.start();
    if (PIPELINE) {
      while (metrics.appliedCounter().count() < n) {
        sleepMillis(1);
      }
      applier.interrupt();
    }
    joinQuietly(applier);
    double secs = (System.nanoTime() - start) / 1e9;
    long done = (long) metrics.appliedCounter().count();
    double javaCpu = processCpuSeconds() - javaCpu0;
    double applierCpu = applierCpuNanos[0] / 1e9;
    double redisCpu = redisCpuSeconds(c) - redisCpu0;
    System.out.printf(
        "applied: %,d 1v1 matches in %.2f s = %,.0f matches/s (batch %d, cache %,d, %s, %,d"
            + " players);"
            + " CPU used: speed-layer process %.2f s (%,.0f matches per CPU-second; applier thread"
            + " alone %.2f s = %,.0f per CPU-second), redis %.2f s (%,.0f matches per CPU-second)%n",
        done,
        secs,
        done / secs,
        BATCH,
        CACHE,
        PIPELINE ? "read ahead" : "one thread",
        players,
        javaCpu,
        done / javaCpu,
        applierCpu,
        done / applierCpu,
        redisCpu,
        done / redisCpu);
    clear(c, layout);
  }

  /** A producer appends at a fixed rate while the speed layer runs; lag from the timer. */
  static void lag(
      StatefulRedisConnection<String, String> c,
      StatefulRedisConnection<String, String> producerConn,
      RatingParameters params,
      int rate,
      int seconds,
      int players)
      throws InterruptedException {
    RedisLayout layout = new RedisLayout("bench-lag:");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SpeedMetrics metrics = new SpeedMetrics(registry);
    SpeedLayer speed = speed(c, layout, params, metrics);
    speed.recover();
    Thread consumer =
        new Thread(
            () -> {
              if (PIPELINE) {
                runPipelined(speed, layout);
                return;
              }
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  speed.step();
                } catch (RuntimeException e) {
                  if (!Thread.currentThread().isInterrupted()) {
                    throw e;
                  }
                }
              }
            });
    consumer.start();
    MatchLog log = new MatchLog(producerConn.sync(), layout);
    Random random = new Random(2);
    int perTick = Math.max(1, rate / 200); // every 5 ms
    long tick = TimeUnit.MILLISECONDS.toNanos(5);
    long start = System.nanoTime();
    long sent = 0;
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    for (long k = 0; System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds); k++) {
      long due = start + k * tick;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      List<MatchEvent> batch = new ArrayList<>(perTick);
      for (int i = 0; i < perTick; i++) {
        t = t.plusMillis(10);
        batch.add(match(random, "l" + (sent++), t, players));
      }
      log.append(batch, Instant.now());
    }
    double offered = sent / ((System.nanoTime() - start) / 1e9);
    Thread.sleep(500);
    consumer.interrupt();
    consumer.join(5000);
    double p50 = 0;
    double p99 = 0;
    for (ValueAtPercentile v : metrics.latencyTimer().takeSnapshot().percentileValues()) {
      if (v.percentile() == 0.5) {
        p50 = v.value(TimeUnit.MILLISECONDS);
      } else if (v.percentile() == 0.99) {
        p99 = v.value(TimeUnit.MILLISECONDS);
      }
    }
    System.out.printf(
        "lag at %,.0f matches/s offered for %d s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d"
            + " applied)%n",
        offered,
        seconds,
        p50,
        p99,
        metrics.latencyTimer().max(TimeUnit.MILLISECONDS),
        metrics.latencyTimer().count());
    clear(c, layout);
  }

  /** Loads a generation of {@code players} and reads Redis's used_memory before and after. */
  static void memory(StatefulRedisConnection<String, String> c, RatingParameters params, int n) {
    RedisLayout layout = new RedisLayout("bench-mem:");
    RealtimeView view = new RealtimeView(c, layout, params);
    long before = usedMemory(c);
    Random random = new Random(3);
    Iterable<PlayerState> states =
        () ->
            new Iterator<>() {
              int i;

              @Override
              public boolean hasNext() {
                return i < n;
              }

              @Override
              public PlayerState next() {
                String id = "player-" + (i++);
                int games = 1 + random.nextInt(200);
                int wins = random.nextInt(games + 1);
                PlayerRating g =
                    new PlayerRating(
                        random.nextGaussian(),
                        0.2 + random.nextDouble() * 0.3,
                        1_770_000_000L + random.nextInt(1_000_000),
                        games,
                        wins,
                        games - wins,
                        0);
                TreeMap<String, PlayerRating> modes = new TreeMap<>();
                modes.put(random.nextBoolean() ? "duel" : "squad", g);
                return new PlayerState(
                    SEASON,
                    id,
                    g,
                    modes,
                    random.nextBoolean() ? "eu-west" : "us-east",
                    random.nextBoolean() ? "pc" : "console");
              }
            };
    long start = System.nanoTime();
    view.loadGeneration("bench", 0, states);
    double secs = (System.nanoTime() - start) / 1e9;
    long after = usedMemory(c);
    System.out.printf(
        "memory: %,d players (global + 1 mode + region + platform boards) loaded in %.1f s:"
            + " %,d bytes used = %.0f bytes per player%n",
        n, secs, after - before, (after - before) / (double) n);
    clear(c, layout);
  }

  private static SpeedLayer speed(
      StatefulRedisConnection<String, String> c,
      RedisLayout layout,
      RatingParameters params,
      SpeedMetrics metrics) {
    RealtimeView view = new RealtimeView(c, layout, params);
    MatchLog log = new MatchLog(c.sync(), layout);
    return new SpeedLayer(
        view,
        log,
        new MatchApplier(view, log, new RatingEngine(params), SeasonCalendar.quarterly(), CACHE),
        metrics,
        "bench",
        BATCH,
        Duration.ofMillis(2),
        Clock.systemUTC());
  }

  private static MatchEvent match(Random random, String id, Instant end, int players) {
    int a = random.nextInt(players);
    int b = (a + 1 + random.nextInt(players - 1)) % players;
    return new MatchEvent(
        1,
        id,
        SEASON,
        "duel",
        random.nextBoolean() ? "eu-west" : "us-east",
        "pc",
        end.minusSeconds(300),
        end,
        List.of(
            new Side("a", 1, List.of(new PlayerResult("player-" + a, PlayerStats.NONE))),
            new Side("b", 2, List.of(new PlayerResult("player-" + b, PlayerStats.NONE)))),
        false,
        true);
  }

  /** Redis's own account of the timed apply phase: calls and microseconds per command. */
  private static void commandStats(StatefulRedisConnection<String, String> c) {
    StringBuilder b = new StringBuilder("redis commandstats of the timed apply phase:");
    for (String line : c.sync().info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info")) {
        String[] kv = line.substring("cmdstat_".length()).split("[:,]");
        // name, calls=N, usec=N, usec_per_call=N, ...
        b.append(
            String.format("%n  %-12s %s %s %s", kv[0], kv[1], kv[2], kv.length > 3 ? kv[3] : ""));
      }
    }
    System.out.println(b);
  }

  /**
   * {@code SpeedLayer.run(reader)} with the reader on a connection of its own, until interrupted.
   */
  private static void runPipelined(SpeedLayer speed, RedisLayout layout) {
    try (StatefulRedisConnection<String, String> reader = client.connect()) {
      speed.run(new MatchLog(reader.sync(), layout));
    }
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join(PIPELINE ? 10_000 : 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int env(String name, int dflt) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? dflt : Integer.parseInt(v.trim());
  }

  private static double processCpuSeconds() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9
        : Double.NaN;
  }

  private static double redisCpuSeconds(StatefulRedisConnection<String, String> c) {
    double total = 0;
    for (String line : c.sync().info("cpu").split("\r?\n")) {
      if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
        total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return total;
  }

  private static long usedMemory(StatefulRedisConnection<String, String> c) {
    for (String line : c.sync().info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IllegalStateException("no used_memory in INFO");
  }

  private static void clear(StatefulRedisConnection<String, String> c, RedisLayout layout) {
    // the bench's own server: flush between phases so each starts from the same memory
    c.sync().flushall();
  }
}
