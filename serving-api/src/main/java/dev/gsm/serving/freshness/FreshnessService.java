package dev.gsm.serving.freshness;

import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.Stamp;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Service;

/**
 * Builds the {@link Freshness} of an answer. "Speed layer down" is detected from the log, not from
 * a heartbeat: what matters to an answer is whether accepted matches are missing from it, and the
 * age of the oldest unapplied match says that for a dead, a stuck and a slow speed layer alike (a
 * heartbeat would call a live but stuck consumer healthy). An idle log is never stale.
 */
@Service
public class FreshnessService {
  private final MatchLog log;
  private final Clock clock;
  private final Duration staleAfter;

  /**
   * The log head, re-read at most every {@value #HEAD_TTL_MILLIS} ms: every answer reports it, and
   * one GET per request would cost as much Redis time as a small page. The lag it feeds is a
   * freshness report, so 100 ms of staleness in it is within what the report means.
   */
  static final long HEAD_TTL_MILLIS = 100;

  private record Head(long offset, long readAtMillis) {}

  private record Oldest(long applied, long acceptedAtMillis) {}

  private volatile Head head = new Head(0, 0);
  private volatile Oldest oldest = new Oldest(-1, 0);

  FreshnessService(MatchLog log, Clock clock, GsmProperties props) {
    this.log = log;
    this.clock = clock;
    this.staleAfter = props.rankings().speedStaleAfter();
  }

  /** The freshness of an answer read from the real-time view with this stamp. */
  public Freshness live(Stamp stamp) {
    try {
      return liveAsync(stamp).toCompletableFuture().join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * {@link #live} without waiting. Mostly it completes at once from what is cached; else when the
   * log's head or its oldest unapplied entry has been read (on the Redis connection's I/O thread).
   */
  public CompletionStage<Freshness> liveAsync(Stamp stamp) {
    Instant now = clock.instant();
    long nowMillis = now.toEpochMilli();
    Head h = head;
    CompletionStage<Long> headRead;
    if (nowMillis - h.readAtMillis() >= HEAD_TTL_MILLIS || nowMillis < h.readAtMillis()) {
      headRead =
          log.headAsync()
              .thenApply(
                  offset -> {
                    head = new Head(offset, nowMillis);
                    return offset;
                  });
    } else {
      headRead = CompletableFuture.completedFuture(h.offset());
    }
    return headRead.thenCompose(
        headOffset -> {
          long lag = Math.max(0, headOffset - stamp.appliedThrough());
          if (lag == 0) {
            return CompletableFuture.completedFuture(freshness(stamp, now, headOffset, 0, 0));
          }
          Oldest o = oldest;
          if (o.applied() == stamp.appliedThrough()) {
            return CompletableFuture.completedFuture(freshness(stamp, now, headOffset, lag, o));
          }
          return log.afterAsync(stamp.appliedThrough(), 1)
              .thenApply(
                  next -> {
                    Oldest read =
                        new Oldest(
                            stamp.appliedThrough(),
                            next.isEmpty() ? nowMillis : next.get(0).acceptedAtMillis());
                    oldest = read;
                    return freshness(stamp, now, headOffset, lag, read);
                  });
        });
  }

  private Freshness freshness(Stamp stamp, Instant now, long head, long lag, Oldest oldest) {
    return freshness(
        stamp,
        now,
        head,
        lag,
        Math.max(0, now.toEpochMilli() - oldest.acceptedAtMillis()) / 1000.0);
  }

  private Freshness freshness(Stamp stamp, Instant now, long head, long lag, double lagSeconds) {
    boolean stale = lagSeconds * 1000 > staleAfter.toMillis();
    return new Freshness(
        Freshness.Source.REALTIME,
        stamp.version(),
        stamp.watermark(),
        stamp.generation(),
        stamp.appliedThrough(),
        head,
        lag,
        lagSeconds,
        stale ? Freshness.SpeedLayer.STALE : Freshness.SpeedLayer.UP,
        stale,
        now);
  }

  /**
   * The freshness of an answer of the current season read from its batch view because the real-time
   * view did not answer.
   */
  public Freshness realtimeUnreachable(SeasonEntry season) {
    Freshness f = archived(season);
    return new Freshness(
        f.source(),
        f.batchVersion(),
        f.batchWatermark(),
        null,
        null,
        null,
        null,
        null,
        Freshness.SpeedLayer.UNREACHABLE,
        true,
        f.asOf());
  }

  /** The freshness of an answer read from an archived batch view alone. */
  public Freshness archived(SeasonEntry season) {
    return new Freshness(
        Freshness.Source.BATCH_VIEW,
        season.version(),
        season.watermarkOffset(),
        null,
        null,
        null,
        null,
        null,
        Freshness.SpeedLayer.NOT_APPLICABLE,
        true,
        clock.instant());
  }
}
