package dev.gsm.serving.freshness;

import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.Stamp;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    Instant now = clock.instant();
    long head = head(now.toEpochMilli());
    long lag = Math.max(0, head - stamp.appliedThrough());
    double lagSeconds = 0;
    if (lag > 0) {
      Oldest o = oldest;
      if (o.applied() != stamp.appliedThrough()) {
        List<LogEntry> next = log.after(stamp.appliedThrough(), 1);
        o =
            new Oldest(
                stamp.appliedThrough(),
                next.isEmpty() ? now.toEpochMilli() : next.get(0).acceptedAtMillis());
        oldest = o;
      }
      lagSeconds = Math.max(0, now.toEpochMilli() - o.acceptedAtMillis()) / 1000.0;
    }
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

  private long head(long nowMillis) {
    Head h = head;
    if (nowMillis - h.readAtMillis() >= HEAD_TTL_MILLIS || nowMillis < h.readAtMillis()) {
      h = new Head(log.head(), nowMillis);
      head = h;
    }
    return h.offset();
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
