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
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The speed layer's benchmark (not a test; bin/bench-speed runs it against a redis-server of its
 * own): Redis bytes per player at a given number of players, then, on that loaded generation,
 * matches applied per second and accepted-to-applied lag p50/p99 at a fixed offered rate. Prints
 * figures; asserts nothing.
 *
 * <p>Arguments: redis-url applyMatches offeredRate seconds players [phases: apply,lag]. The
 * generation of {@code players} players is always loaded first (it gives the memory figure): the
 * applies and the lag are measured on boards and player states of that size. Environment, as for
 * {@code bin/gsm speed}: {@code GSM_BATCH} (entries per batch, 1000), {@code GSM_STATE_CACHE}
 * (player states the applier keeps, {@link MatchApplier#DEFAULT_CACHE}), {@code PIPELINE} (1:
 * {@code SpeedLayer.run(reader)} as {@code bin/gsm speed} runs it; 0: the one-thread {@code step()}
 * loop).
 */
public final class SpeedBench {
  private static final String SEASON = "2026-S1";
  private static final int BATCH = env("GSM_BATCH", 1000);
  private static final int CACHE = env("GSM_STATE_CACHE", MatchApplier.DEFAULT_CACHE);
  // 1: SpeedLayer.run(reader), reading and parsing ahead on a second connection (as bin/gsm
  // speed); 0: the one-thread step() loop
  private static final boolean PIPELINE = env("PIPELINE", 1) == 1;
  private static RedisClient client;
  private static int applyRuns;

  private SpeedBench() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
    int applyMatches = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int players = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
    List<String> phases = List.of((args.length > 5 ? args[5] : "apply,lag").split(","));
    RatingParameters params = RatingParameters.defaults();
    client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect();
        StatefulRedisConnection<String, String> producer = client.connect()) {
      // Every phase runs on a generation that holds all `players` (as a published batch view
      // does): boards of that size and player states to read, not boards that grow from empty.
      RedisLayout layout = new RedisLayout("bench:");
      load(c, params, layout, players);
      if (phases.contains("apply")) {
        System.out.print("warm-up (JIT; not counted) ");
        applied(c, params, layout, Math.max(1000, applyMatches / 4), players);
        applied(c, params, layout, applyMatches, players);
        commandStats(c);
      }
      if (phases.contains("lag")) {
        lag(c, producer, params, layout, rate, seconds, players);
      }
      c.sync().flushall();
    } finally {
      client.shutdown();
    }
  }

  /** Preloads the log, then times the speed layer draining it. */
  static void applied(
      StatefulRedisConnection<String, String> c,
      RatingParameters params,
      RedisLayout layout,
      int n,
      int players) {
    MatchLog log = new MatchLog(c.sync(), layout);
    int run = ++applyRuns;
    Random random = new Random(run);
    Instant t = Instant.parse("2026-02-01T00:00:00Z");
    List<MatchEvent> chunk = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      t = t.plusMillis(50);
      chunk.add(match(random, "a" + run + "-" + i, t, players));
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
    double redisUser0 = redisCpuSeconds(c, "used_cpu_user:");
    c.sync().configResetstat(); // commandstats and the network counters of the timed phase
    Map<String, Long> threadCpu0 = threadCpuNanos();
    Map<String, Long> threadCpu1 = new HashMap<>();
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
        sleepMillis(5); // the bench's own polling: small next to the figures it prints
      }
      threadCpu1.putAll(threadCpuNanos());
      applier.interrupt();
    }
    joinQuietly(applier);
    if (threadCpu1.isEmpty()) {
      threadCpu1.putAll(threadCpuNanos());
    }
    double secs = (System.nanoTime() - start) / 1e9;
    long done = (long) metrics.appliedCounter().count();
    double javaCpu = processCpuSeconds() - javaCpu0;
    double applierCpu = applierCpuNanos[0] / 1e9;
    double redisCpu = redisCpuSeconds(c) - redisCpu0;
    double redisUser = redisCpuSeconds(c, "used_cpu_user:") - redisUser0;
    long netIn = redisStat(c, "total_net_input_bytes:");
    long netOut = redisStat(c, "total_net_output_bytes:");
    System.out.printf(
        "applied: %,d 1v1 matches in %.2f s = %,.0f matches/s (batch %d, cache %,d, %s, %,d"
            + " players);"
            + " CPU used: speed-layer process %.2f s (%,.0f matches per CPU-second; applier thread"
            + " alone %.2f s = %,.0f per CPU-second), redis %.2f s (%,.0f matches per CPU-second;"
            + " %.1f µs per match, of which user %.1f µs)%n",
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
        done / redisCpu,
        redisCpu * 1e6 / done,
        redisUser * 1e6 / done);
    // where the process's CPU went: threads by name; the rest is the JIT compilers, GC and VM
    StringBuilder b = new StringBuilder("  speed-layer process CPU per match by thread:");
    long known = 0;
    for (Map.Entry<String, Long> e : threadCpu1.entrySet()) {
      long d = e.getValue() - threadCpu0.getOrDefault(e.getKey(), 0L);
      if (e.getKey().equals("speed-layer")) {
        d = Math.max(d, applierCpuNanos[0]);
      }
      known += d;
      if (d > 0.01 * javaCpu * 1e9) {
        b.append(String.format(" %s %.1f µs,", e.getKey(), d / 1e3 / done));
      }
    }
    b.append(
        String.format(
            " JIT + GC + VM %.1f µs (process total %.1f µs)",
            Math.max(0, javaCpu * 1e9 - known) / 1e3 / done, javaCpu * 1e6 / done));
    System.out.println(b);
    System.out.printf(
        "  redis network per match: %,.0f bytes in (requests), %,.0f bytes out (replies)%n",
        netIn / (double) done, netOut / (double) done);
  }

  private static long redisStat(StatefulRedisConnection<String, String> c, String field) {
    for (String line : c.sync().info("stats").split("\r?\n")) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim());
      }
    }
    return 0;
  }

  /** CPU time of the live Java threads, summed by name with digits dropped (pools as one). */
  private static Map<String, Long> threadCpuNanos() {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t == null) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(t.getThreadId());
      if (cpu > 0) {
        out.merge(t.getThreadName().replaceAll("-\\d+", ""), cpu, Long::sum);
      }
    }
    return out;
  }

  /** A producer appends at a fixed rate while the speed layer runs; lag from the timer. */
  static void lag(
      StatefulRedisConnection<String, String> c,
      StatefulRedisConnection<String, String> producerConn,
      RatingParameters params,
      RedisLayout layout,
      int rate,
      int seconds,
      int players)
      throws InterruptedException {
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
  }

  /**
   * Publishes a generation of {@code n} players (the memory figure: Redis's used_memory before and
   * after) and lets the speed layer take it over, as after a nightly batch.
   */
  static void load(
      StatefulRedisConnection<String, String> c,
      RatingParameters params,
      RedisLayout layout,
      int n) {
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
                int p = i++;
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
                return new PlayerState(SEASON, "player-" + p, g, modes, region(p), platform(p));
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
    SpeedLayer speed = speed(c, layout, params, new SpeedMetrics(new SimpleMeterRegistry()));
    speed.recover();
    speed.handOver(view.nextId());
  }

  // A player's home region and platform (as in domain-core's generator, where a player plays on
  // his home platform and matches are made within a region x platform pool).
  private static String region(int p) {
    return (p & 1) == 0 ? "eu-west" : "us-east";
  }

  private static String platform(int p) {
    return (p & 2) == 0 ? "pc" : "console";
  }

  private static SpeedLayer speed(
      StatefulRedisConnection<String, String> c,
      RedisLayout layout,
      RatingParameters params,
      SpeedMetrics metrics) {
    RealtimeView view = new RealtimeView(c, layout, params);
    MatchLog log = new MatchLog(c.sync(), layout);
    // as bin/gsm speed: the applier reads player states on a connection of its own
    RealtimeView reads = new RealtimeView(client.connect(), layout, params);
    return new SpeedLayer(
        view,
        log,
        new MatchApplier(
            view, reads, log, new RatingEngine(params), SeasonCalendar.quarterly(), CACHE),
        metrics,
        "bench",
        BATCH,
        Duration.ofMillis(2),
        Clock.systemUTC());
  }

  /** A 1v1 match of two distinct players of one region x platform pool. */
  private static MatchEvent match(Random random, String id, Instant end, int players) {
    int pools = 4;
    int perPool = players / pools;
    int pool = random.nextInt(pools);
    int a = random.nextInt(perPool);
    int b = (a + 1 + random.nextInt(perPool - 1)) % perPool;
    int pa = a * pools + pool;
    int pb = b * pools + pool;
    return new MatchEvent(
        1,
        id,
        SEASON,
        "duel",
        region(pa),
        platform(pa),
        end.minusSeconds(300),
        end,
        List.of(
            new Side("a", 1, List.of(new PlayerResult("player-" + pa, PlayerStats.NONE))),
            new Side("b", 2, List.of(new PlayerResult("player-" + pb, PlayerStats.NONE)))),
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
    return redisCpuSeconds(c, "used_cpu_sys:") + redisCpuSeconds(c, "used_cpu_user:");
  }

  private static double redisCpuSeconds(StatefulRedisConnection<String, String> c, String field) {
    double total = 0;
    for (String line : c.sync().info("cpu").split("\r?\n")) {
      if (line.startsWith(field)) {
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
}
