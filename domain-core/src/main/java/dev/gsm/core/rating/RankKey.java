package dev.gsm.core.rating;

/**
 * The sortable key of {@link RankOrder}: the display score quantised to {@link #RESOLUTION}, then
 * games, packed into one long that a Redis sorted-set score (a double) holds exactly. Quantising in
 * one place is what makes the Spark job, the Redis encoding and every merge agree on ties: two
 * players whose display scores differ by less than the resolution tie, everywhere, and fall back to
 * games and then player id.
 *
 * <p>Redis: store {@link #redisScore} and read with ascending {@code ZRANGE}; equal scores come
 * back in byte order of the member, which is {@code String} order for the ASCII player ids the
 * schema allows.
 */
public final class RankKey {

  /** Display points; finer differences are rating noise, not skill. */
  public static final double RESOLUTION = 1e-4;

  static final int GAMES_BITS = 20;
  static final long MAX_GAMES = (1L << GAMES_BITS) - 1;
  // |key| < 2^53, so -key is an exact double.
  static final long MAX_QUANTUM = (1L << (53 - GAMES_BITS)) - 1;

  private RankKey() {}

  /** Larger is better. Games beyond 2^20 - 1 count as 2^20 - 1. */
  public static long of(double displayScore, long games) {
    if (!Double.isFinite(displayScore)) {
      throw new IllegalArgumentException("display score must be finite, was " + displayScore);
    }
    long q = Math.round(displayScore / RESOLUTION);
    if (Math.abs(q) > MAX_QUANTUM) {
      throw new IllegalArgumentException(
          "display score " + displayScore + " is outside the rankable range");
    }
    long g = Math.max(0, Math.min(games, MAX_GAMES));
    return q * (1L << GAMES_BITS) + g; // monotone in (q, g), negative q included
  }

  /** The Redis sorted-set score: ascending score order is rank order. */
  public static double redisScore(long key) {
    return -(double) key;
  }

  /** The display score a key was made from, at {@link #RESOLUTION}. */
  public static double displayScore(long key) {
    return Math.floorDiv(key, 1L << GAMES_BITS) * RESOLUTION;
  }
}
