package dev.gsm.speed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The speed layer's meters: applied rate, lag (log head to applied, in entries and seconds), the
 * accepted-to-applied latency with p50/p99, dead letters, hand-over duration, archived offset and
 * Redis memory per player.
 */
public final class SpeedMetrics {
  final Counter applied;
  final Counter deadLetters;
  final Counter archived;
  final Timer latency;
  final Timer handOver;
  private final AtomicLong lagEntries = new AtomicLong();
  private final AtomicLong lagMillis = new AtomicLong();
  private final AtomicLong bytesPerPlayer = new AtomicLong();

  public SpeedMetrics(MeterRegistry registry) {
    applied =
        Counter.builder("gsm.speed.applied")
            .description("log entries applied to the real-time view")
            .register(registry);
    deadLetters =
        Counter.builder("gsm.speed.dead_letters")
            .description("log entries set aside with their reason")
            .register(registry);
    archived =
        Counter.builder("gsm.archiver.archived")
            .description("log entries written to the master dataset")
            .register(registry);
    latency =
        Timer.builder("gsm.speed.apply.latency")
            .description("from acceptance by the ingest API to applied in Redis")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    handOver =
        Timer.builder("gsm.speed.handover.duration")
            .description("replay after the new watermark, switch and drop")
            .register(registry);
    registry.gauge("gsm.speed.lag.entries", lagEntries);
    registry.gauge("gsm.speed.lag.seconds", lagMillis, v -> v.get() / 1000.0);
    registry.gauge("gsm.redis.memory.bytes_per_player", bytesPerPlayer);
  }

  void lag(long entries, long millis) {
    lagEntries.set(entries);
    lagMillis.set(millis);
  }

  void bytesPerPlayer(long bytes) {
    bytesPerPlayer.set(bytes);
  }

  void latency(long acceptedAtMillis, long nowMillis) {
    if (acceptedAtMillis > 0) {
      latency.record(Duration.ofMillis(Math.max(0, nowMillis - acceptedAtMillis)));
    }
  }

  public Timer latencyTimer() {
    return latency;
  }

  public Counter appliedCounter() {
    return applied;
  }
}
