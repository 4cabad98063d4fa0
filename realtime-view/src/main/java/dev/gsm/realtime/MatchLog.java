package dev.gsm.realtime;

import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.XReadArgs.StreamOffset;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The match log: a Redis Stream, appended by the ingest API and read by the speed layer's and the
 * archiver's consumer groups. {@link #append} checks the match id, takes the next offset, appends
 * the match (with accepted_at and log_offset) and records id → offset in one Lua script, so the
 * offset, the entry and the deduplication record can never disagree.
 *
 * <p>Durability is Redis's: run it with {@code appendonly yes} and {@code appendfsync everysec}
 * (ElastiCache: Multi-AZ with automatic failover), see REDIS.md.
 */
public final class MatchLog {

  /** The most matches one {@link #append} call takes (and one HTTP batch). */
  public static final int MAX_BATCH = 500;

  private static final LuaScript APPEND = LuaScript.load("append.lua");

  private final RedisCommands<String, String> redis;
  private final RedisAsyncCommands<String, String> async;
  private final RedisLayout layout;

  public MatchLog(RedisCommands<String, String> redis, RedisLayout layout) {
    this.redis = redis;
    this.async = redis.getStatefulConnection().async();
    this.layout = layout;
  }

  public RedisLayout layout() {
    return layout;
  }

  /**
   * Appends valid matches (client fields only: no accepted_at, no log_offset) in order, each
   * deduplicated by match id, and returns one answer per match.
   */
  public List<Accepted> append(List<MatchEvent> events, Instant acceptedAt) {
    if (events.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "at most " + MAX_BATCH + " matches per append, got " + events.size());
    }
    if (events.isEmpty()) {
      return List.of();
    }
    // Millisecond precision: what the stream's t field and the dedup record keep.
    Instant at = Instant.ofEpochMilli(acceptedAt.toEpochMilli());
    String[] args = new String[1 + 2 * events.size()];
    args[0] = Long.toString(at.toEpochMilli());
    for (int i = 0; i < events.size(); i++) {
      MatchEvent e = events.get(i);
      if (e.acceptedAt() != null || e.logOffset() != 0) {
        throw new IllegalArgumentException("match " + e.matchId() + " carries server fields");
      }
      String json = MatchJson.write(e.accepted(at, 0));
      args[1 + 2 * i] = e.matchId();
      args[2 + 2 * i] = json;
    }
    List<Object> out =
        APPEND.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {layout.matchIds(), layout.logOffset(), layout.log()},
            args);
    List<Accepted> result = new ArrayList<>(events.size());
    for (int i = 0; i < out.size(); i++) {
      @SuppressWarnings("unchecked")
      List<Object> row = (List<Object>) out.get(i);
      result.add(
          new Accepted(
              events.get(i).matchId(),
              (Long) row.get(0),
              Instant.ofEpochMilli((Long) row.get(1)),
              ((Long) row.get(2)) == 1L));
    }
    return result;
  }

  /** The last offset handed out; 0 when nothing was accepted yet. */
  public long head() {
    return offset(redis.get(layout.logOffset()));
  }

  /** {@link #head} without waiting (completes on the connection's I/O thread). */
  public CompletionStage<Long> headAsync() {
    return async.get(layout.logOffset()).thenApply(MatchLog::offset);
  }

  private static long offset(String v) {
    return v == null ? 0 : Long.parseLong(v);
  }

  /** Entries with offset in {@code [from, to]}, at most {@code count}, in log order. */
  public List<LogEntry> range(long from, long to, int count) {
    return entries(redis.xrange(layout.log(), ids(from, to), Limit.from(count)));
  }

  /** Entries after {@code afterOffset}, at most {@code count}. */
  public List<LogEntry> after(long afterOffset, int count) {
    return range(afterOffset + 1, Long.MAX_VALUE / 2, count);
  }

  /** {@link #after} without waiting (completes on the connection's I/O thread). */
  public CompletionStage<List<LogEntry>> afterAsync(long afterOffset, int count) {
    return async
        .xrange(layout.log(), ids(afterOffset + 1, Long.MAX_VALUE / 2), Limit.from(count))
        .thenApply(MatchLog::entries);
  }

  /** The stream ids of offsets {@code [from, to]} (offsets start at 1). */
  private static Range<String> ids(long from, long to) {
    return Range.create(RedisLayout.logId(Math.max(1, from)), RedisLayout.logId(to));
  }

  /** Creates a consumer group reading the log from its start, if it does not exist. */
  public void ensureGroup(String group) {
    try {
      redis.xgroupCreate(
          StreamOffset.from(layout.log(), "0-0"), group, XGroupCreateArgs.Builder.mkstream());
    } catch (RedisBusyException e) {
      // BUSYGROUP: it exists, which is what we want
    }
  }

  /** New entries for {@code consumer}, waiting up to {@code block}. */
  public List<LogEntry> readNew(String group, String consumer, int count, Duration block) {
    return entries(
        redis.xreadgroup(
            Consumer.from(group, consumer),
            XReadArgs.Builder.count(count).block(block),
            StreamOffset.lastConsumed(layout.log())));
  }

  /** Entries delivered to {@code consumer} and not acknowledged (its pending list). */
  public List<LogEntry> readPending(String group, String consumer, int count) {
    return entries(
        redis.xreadgroup(
            Consumer.from(group, consumer),
            XReadArgs.Builder.count(count),
            StreamOffset.from(layout.log(), "0-0")));
  }

  /**
   * Takes over entries that other consumers of the group left pending for at least {@code minIdle}
   * (a crashed process), so that they are finished. Returns how many were claimed.
   */
  public long claimAbandoned(String group, String consumer, Duration minIdle) {
    long claimed = 0;
    String cursor = "0-0";
    do {
      var res =
          redis.xautoclaim(
              layout.log(),
              XAutoClaimArgs.Builder.xautoclaim(Consumer.from(group, consumer), minIdle, cursor)
                  .count(1000));
      claimed += res.getMessages().size();
      cursor = res.getId();
    } while (!"0-0".equals(cursor));
    return claimed;
  }

  public void ack(String group, List<LogEntry> entries) {
    if (!entries.isEmpty()) {
      redis.xack(layout.log(), group, ids(entries));
    }
  }

  /**
   * {@link #ack} without waiting for the answer: the command goes out with the next ones on the
   * connection. A lost acknowledgement only means a redelivery, which the applied marker makes
   * harmless; the future tells whether it went through.
   */
  public CompletionStage<Long> ackAsync(String group, List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(0L);
    }
    return redis.getStatefulConnection().async().xack(layout.log(), group, ids(entries));
  }

  private static String[] ids(List<LogEntry> entries) {
    String[] ids = new String[entries.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = RedisLayout.logId(entries.get(i).offset());
    }
    return ids;
  }

  /** Entries of the group delivered and not acknowledged, over all consumers. */
  public long pendingCount(String group) {
    return redis.xpending(layout.log(), group).getCount();
  }

  /** Drops log entries at or before {@code offset} (covered by a batch view and archived). */
  public void trimThrough(long offset) {
    redis.xtrim(
        layout.log(), io.lettuce.core.XTrimArgs.Builder.minId(RedisLayout.logId(offset + 1)));
  }

  private static List<LogEntry> entries(List<StreamMessage<String, String>> msgs) {
    List<LogEntry> out = new ArrayList<>(msgs.size());
    for (StreamMessage<String, String> m : msgs) {
      String t = m.getBody().get("t");
      out.add(
          new LogEntry(
              RedisLayout.offsetOf(m.getId()),
              m.getBody().get("m"),
              t == null ? 0 : Long.parseLong(t)));
    }
    return out;
  }
}
