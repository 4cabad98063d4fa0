package dev.gsm.realtime;

import java.util.Objects;

/**
 * Every Redis key of the project, in one place (see {@code realtime-view/REDIS.md}). The speed
 * layer, the serving API and the batch publish step build their key names here only; the Lua
 * scripts that must find a generation's keys from the current pointer build them with the same rule
 * ({@code <prefix>g<generation>:<season>:...}), documented beside {@link #generationPrefix}.
 *
 * <p>Keys of the real-time view carry the season and the generation: a generation is one batch view
 * version plus the speed layer's matches after its watermark. A write names its generation and is
 * refused once that generation is no longer loading, ready or live, so a stale writer (an old
 * batch, a consumer that lost the hand-over) can never overwrite a newer value.
 *
 * <p>Requires Redis with cluster mode disabled (one shard, replicas allowed): scripts touch keys of
 * one generation that they compute from the pointer.
 *
 * @param prefix prepended to every key, e.g. {@code gsm:}; tests use their own
 */
public record RedisLayout(String prefix) {

  public static final String DEFAULT_PREFIX = "gsm:";

  public RedisLayout {
    Objects.requireNonNull(prefix, "prefix");
  }

  public static RedisLayout defaults() {
    return new RedisLayout(DEFAULT_PREFIX);
  }

  /** The match log: a stream whose entry id is {@code <log_offset>-0}; fields m (JSON), t. */
  public String log() {
    return prefix + "log";
  }

  /** The last log offset handed out (INCR). */
  public String logOffset() {
    return prefix + "log:offset";
  }

  /** match_id → {@code <log_offset>:<accepted_at epoch ms>}: the deduplication record. */
  public String matchIds() {
    return prefix + "log:ids";
  }

  /** The archiver's checkpoint mirrored from the master dataset, for lag and trimming. */
  public String archivedThrough() {
    return prefix + "log:archived";
  }

  /** Records the speed layer could not apply: fields offset, reason, m. */
  public String deadLetters() {
    return prefix + "dlq";
  }

  /** Offsets already dead-lettered, so a replay does not dead-letter them twice. */
  public String deadLetterOffsets() {
    return prefix + "dlq:offsets";
  }

  /** The current generation's id: what readers read. */
  public String current() {
    return prefix + "view:current";
  }

  /** A loaded generation waiting for the speed layer's hand-over. */
  public String next() {
    return prefix + "view:next";
  }

  /** Generation ids (INCR). */
  public String generationSequence() {
    return prefix + "view:generation-seq";
  }

  /** {@code <prefix>g<generation>:}; Lua scripts build it the same way from the pointer. */
  public String generationPrefix(long generation) {
    return prefix + "g" + generation + ":";
  }

  /** Hash: state, version, watermark, applied (the applied-through marker), created_at. */
  public String meta(long generation) {
    return generationPrefix(generation) + "meta";
  }

  /**
   * Set of the seasons a generation holds players of (written with the players): what the
   * players-per-generation count reads instead of scanning the keyspace.
   */
  public String seasons(long generation) {
    return generationPrefix(generation) + "seasons";
  }

  /** One player in one season: a string holding the packed state ({@link PlayerState#pack}). */
  public String player(long generation, String season, String playerId) {
    return generationPrefix(generation) + season + ":p:" + playerId;
  }

  /**
   * One player's activity history as of the generation's batch view (domain-core {@code
   * PlayerHistory.export}, Base64): the history features of match-quality predictions. Not
   * seasonal: the history runs across seasons.
   */
  public String history(long generation, String playerId) {
    return generationPrefix(generation) + "h:" + playerId;
  }

  /** Sorted set of one board; score {@code RankKey.redisScore}, ascending ZRANGE = rank order. */
  public String board(long generation, String season, Board board) {
    return generationPrefix(generation) + season + ":lb:" + board.suffix();
  }

  /** The stream entry id of a log offset. */
  public static String logId(long offset) {
    return offset + "-0";
  }

  /** The log offset of a stream entry id. */
  public static long offsetOf(String streamId) {
    int dash = streamId.indexOf('-');
    return Long.parseLong(dash < 0 ? streamId : streamId.substring(0, dash));
  }
}
