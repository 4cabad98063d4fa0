package dev.gsm.serving.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per client: {@code perSecond} tokens a second, at most {@code burst} saved up. A
 * request takes one token or is refused with the time until the next one. Buckets that have
 * refilled completely hold nothing a new bucket would not, so {@link #sweep} drops them: the map
 * holds only clients seen within the last {@code burst / perSecond} seconds.
 */
final class TokenBuckets {
  private final double perNano;
  private final double burst;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  TokenBuckets(double perSecond, long burst) {
    this.perNano = perSecond / 1e9;
    this.burst = Math.max(1, burst);
  }

  /** The outcome of one request: allowed, tokens left, and if refused the nanos to wait. */
  record Take(boolean allowed, long remaining, long waitNanos) {}

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  Take take(String client, long nowNanos) {
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, nowNanos));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (nowNanos - b.at) * perNano);
      b.at = nowNanos;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return new Take(true, (long) b.tokens, 0);
      }
      return new Take(false, 0, (long) Math.ceil((1 - b.tokens) / perNano));
    }
  }

  /** Drops the buckets that are full again (idle clients). */
  void sweep(long nowNanos) {
    buckets
        .values()
        .removeIf(
            b -> {
              synchronized (b) {
                return b.tokens + (nowNanos - b.at) * perNano >= burst;
              }
            });
  }

  int clients() {
    return buckets.size();
  }

  long limit() {
    return (long) burst;
  }
}
