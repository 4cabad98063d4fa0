package dev.gsm.speed;

import dev.gsm.realtime.Generation;
import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RealtimeView.ApplyOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speed layer's consumer: reads the match log through the {@value #GROUP} consumer group and
 * applies every entry after the current generation's watermark (at-least-once delivery,
 * exactly-once effect through {@link MatchApplier}), and hands over to a newly loaded generation.
 *
 * <p>Ratings depend on the order of matches, so one applier runs at a time (one process; a second
 * one would only see its applies refused as conflicts). The group gives crash recovery: at start
 * the entries a crashed consumer left pending are claimed ({@code XAUTOCLAIM}) and finished.
 */
public final class SpeedLayer {
  public static final String GROUP = "speed";
  private static final Logger LOG = LoggerFactory.getLogger(SpeedLayer.class);

  private final RealtimeView view;
  private final MatchLog log;
  private final MatchApplier applier;
  private final SpeedMetrics metrics;
  private final String consumer;
  private final int batchSize;
  private final Duration block;
  private final Clock clock;
  private boolean recovered;
  private long lastMemorySample;
  private long lastLagSample;
  // the generation this process applies to; -1 = read the pointer (after a switch)
  private long currentId = -1;
  // the batch sent and not yet completed by run(reader) / stepPipelined()
  private MatchApplier.InFlight inFlight;
  private static final long LAG_SAMPLE_MILLIS = 1_000;
  private static final long MEMORY_SAMPLE_MILLIS = 60_000;

  public SpeedLayer(
      RealtimeView view,
      MatchLog log,
      MatchApplier applier,
      SpeedMetrics metrics,
      String consumer,
      int batchSize,
      Duration block,
      Clock clock) {
    this.view = view;
    this.log = log;
    this.applier = applier;
    this.metrics = metrics;
    this.consumer = consumer;
    this.batchSize = batchSize;
    this.block = block;
    this.clock = clock;
  }

  /**
   * After a crash: finishes an interrupted drop of retired generations, claims what other consumers
   * left pending and applies this consumer's pending entries.
   */
  public void recover() {
    view.ensureGeneration();
    log.ensureGroup(GROUP);
    dropRetired();
    long claimed = log.claimAbandoned(GROUP, consumer, Duration.ZERO);
    List<LogEntry> pending;
    while (!(pending = log.readPending(GROUP, consumer, batchSize)).isEmpty()) {
      applyAndAck(pending);
    }
    if (claimed > 0) {
      LOG.info("recovered {} entries left pending by other consumers", claimed);
    }
    recovered = true;
  }

  /** One round: a waiting hand-over, then up to one batch of new entries. Returns entries read. */
  public int step() {
    if (!recovered) {
      recover();
    }
    long next = view.nextId();
    if (next >= 0) {
      handOver(next);
    }
    List<LogEntry> entries = log.readNew(GROUP, consumer, batchSize, block);
    if (!entries.isEmpty()) {
      applyAndAck(entries);
    }
    return entries.size();
  }

  /**
   * Runs until the thread is interrupted, with a second thread that reads and parses the next batch
   * through {@code reader} (the same log on a connection of its own: its blocking read must not
   * hold up the applies) while this one applies. Only reading and parsing run ahead: states,
   * compare-and-set and acknowledgement stay on this thread, one batch at a time, in log order, as
   * in {@link #step}; entries read ahead and not yet applied are pending in the group and recovered
   * after a crash like any other.
   */
  public void run(MatchLog reader) {
    while (!recovered && !Thread.currentThread().isInterrupted()) {
      try {
        recover();
      } catch (RuntimeException e) {
        retryUnlessInterrupted("recovery", e);
      }
    }
    BlockingQueue<List<MatchApplier.ParsedEntry>> ahead = new ArrayBlockingQueue<>(2);
    Thread readerThread =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                try {
                  List<LogEntry> entries = reader.readNew(GROUP, consumer, batchSize, block);
                  if (!entries.isEmpty()) {
                    ahead.put(applier.parse(entries));
                  }
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException e) {
                  retryUnlessInterrupted("read", e);
                }
              }
            },
            Thread.currentThread().getName() + "-reader");
    readerThread.setDaemon(true);
    readerThread.start();
    try {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          // on the read connection: a GET on the apply connection would wait for the batch in
          // flight
          long next = applier.reads().nextId();
          if (next >= 0) {
            flush();
            handOver(next);
          }
          List<MatchApplier.ParsedEntry> batch =
              ahead.poll(inFlight == null ? block.toMillis() : 0, TimeUnit.MILLISECONDS);
          if (batch == null) {
            flush();
          } else {
            pump(batch);
          }
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // the batch in flight is settled and forgotten: its entries stay pending in the group
          // (recovered at the next start) and the next batch fills the gap from the log
          inFlight = null;
          applier.abandon();
          retryUnlessInterrupted("step", e);
        }
      }
    } finally {
      readerThread.interrupt();
    }
  }

  /**
   * {@link #step} with the apply pipelined as {@link #run(MatchLog)} does it: the batch read is
   * sent and left in flight, the one before it completed. An empty read completes the one in
   * flight. (For tests of the pipelined path; {@code run(reader)} reads on another thread.)
   */
  public int stepPipelined() {
    if (!recovered) {
      recover();
    }
    long next = applier.reads().nextId();
    if (next >= 0) {
      flush();
      handOver(next);
    }
    List<LogEntry> entries = log.readNew(GROUP, consumer, batchSize, block);
    if (entries.isEmpty()) {
      flush();
    } else {
      pump(applier.parse(entries));
    }
    return entries.size();
  }

  /**
   * Applies are pipelined two deep: batch N+1 is rated and sent (chained on N, see {@link
   * MatchApplier#submit}) while Redis applies N; N is then completed (acknowledged, or applied
   * again synchronously when it was not applied). Order and exactness are the apply step's.
   */
  private void pump(List<MatchApplier.ParsedEntry> batch) {
    if (currentId < 0 || (inFlight != null && inFlight.deferred())) {
      // a synchronous apply (deferred batch, generation lookup) never overlaps one in flight
      flush();
      if (currentId < 0) {
        currentId = view.current().orElseGet(view::ensureGeneration).id();
      }
    }
    MatchApplier.InFlight sent = applier.submit(currentId, batch);
    MatchApplier.InFlight done = inFlight;
    inFlight = sent;
    if (!finish(done)) {
      // applied again synchronously: settle the one sent after it the same way before sending more
      flush();
    }
  }

  /** Completes the batch in flight, if any. */
  private void flush() {
    MatchApplier.InFlight f = inFlight;
    inFlight = null;
    finish(f);
  }

  /**
   * Completes a submitted batch: acknowledges it when it was applied, else applies it again
   * synchronously from the marker in Redis ({@link #applyAndAckParsed}; false).
   */
  private boolean finish(MatchApplier.InFlight f) {
    if (f == null) {
      return true;
    }
    MatchApplier.Result r = applier.complete(f);
    if (r == null) {
      applyAndAckParsed(f.delivered());
      return false;
    }
    acknowledge(f.delivered(), r);
    return true;
  }

  /** Runs until the thread is interrupted, reading and applying on this thread ({@link #step}). */
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        step();
      } catch (RuntimeException e) {
        retryUnlessInterrupted("step", e);
      }
    }
  }

  /** After a failed read or step: logs it and pauses a second, unless the thread is stopping. */
  private static void retryUnlessInterrupted(String what, RuntimeException e) {
    if (!Thread.currentThread().isInterrupted()) {
      LOG.error("speed layer {} failed; retrying", what, e);
      sleep(Duration.ofSeconds(1));
    }
  }

  private void applyAndAck(List<LogEntry> entries) {
    applyAndAckParsed(applier.parse(entries));
  }

  private void applyAndAckParsed(List<MatchApplier.ParsedEntry> parsed) {
    while (true) {
      if (currentId < 0) {
        currentId = view.current().orElseGet(view::ensureGeneration).id();
      }
      MatchApplier.Result r = applier.applyParsed(currentId, parsed);
      if (r.outcome() == ApplyOutcome.GENERATION_NOT_WRITABLE) {
        currentId = -1; // switched away meanwhile: apply to the new current generation
        continue;
      }
      acknowledge(parsed, r);
      return;
    }
  }

  /** Metrics and the acknowledgement of a batch whose apply step answered {@code r}. */
  private void acknowledge(List<MatchApplier.ParsedEntry> parsed, MatchApplier.Result r) {
    List<LogEntry> entries = new ArrayList<>(parsed.size());
    for (MatchApplier.ParsedEntry p : parsed) {
      entries.add(p.entry());
    }
    long now = clock.millis();
    if (r.outcome() == ApplyOutcome.APPLIED) {
      metrics.applied.increment(r.matches());
      metrics.deadLetters.increment(r.deadLetters());
      for (LogEntry e : entries) {
        metrics.latency(e.acceptedAtMillis(), now);
      }
    }
    log.ackAsync(GROUP, entries)
        .whenComplete(
            (n, e) -> {
              if (e != null) {
                // harmless: the entries are delivered again and found applied by the marker
                LOG.warn("XACK of {} entries failed: {}", entries.size(), e.toString());
              }
            });
    if (now - lastLagSample >= LAG_SAMPLE_MILLIS) {
      // a few round trips: sampled, not per batch (each costs a wake-up on a busy machine)
      lastLagSample = now;
      updateLag(
          r.applied() >= 0
              ? r.applied()
              : view.generation(currentId).map(Generation::applied).orElse(0L));
    }
  }

  private void updateLag(long applied) {
    long now = clock.millis();
    if (now - lastMemorySample > MEMORY_SAMPLE_MILLIS) {
      lastMemorySample = now;
      view.current()
          .ifPresent(
              g -> {
                long players = view.playerCount(g.id());
                if (players > 0) {
                  metrics.bytesPerPlayer(view.usedMemory() / players);
                }
              });
    }
    long head = log.head();
    List<LogEntry> oldest = log.after(applied, 1);
    long millis =
        oldest.isEmpty() ? 0 : Math.max(0, clock.millis() - oldest.get(0).acceptedAtMillis());
    metrics.lag(Math.max(0, head - applied), millis);
  }

  /**
   * Hand-over to a loaded generation: replays the log after its watermark into it through the
   * engine, switches the current pointer in one atomic step, then drops the old keys. Safe to
   * restart at any point: the replay is idempotent by the generation's marker, the switch is one
   * Lua script, and retired generations are dropped by {@link #recover}.
   */
  public void handOver(long id) {
    long start = System.nanoTime();
    while (true) {
      catchUp(id, Integer.MAX_VALUE);
      OptionalLong old;
      try {
        old = view.switchTo(id);
      } catch (IllegalStateException e) {
        LOG.warn("hand-over to generation {} refused: {}", id, e.getMessage());
        if (view.next().map(g -> g.id() == id).orElse(false)) {
          view.connection().sync().del(view.layout().next());
        }
        view.drop(id); // stale or superseded: never to be read
        return;
      }
      if (old.isPresent()) {
        currentId = id;
        if (old.getAsLong() >= 0) {
          view.drop(old.getAsLong());
        }
        Generation g = view.generation(id).orElseThrow();
        trimCoveredLog(g.watermark());
        metrics.handOver.record(Duration.ofNanos(System.nanoTime() - start));
        LOG.info(
            "handed over to generation {} (view {}, watermark {}), dropped {}",
            id,
            g.version(),
            g.watermark(),
            old.getAsLong());
        return;
      }
      // the live generation moved on since the replay (another applier?): replay again
    }
  }

  /** Replays log entries after generation {@code id}'s marker into it, at most maxBatches. */
  public void catchUp(long id, int maxBatches) {
    for (int b = 0; b < maxBatches; b++) {
      Generation g = view.generation(id).orElseThrow();
      List<LogEntry> entries = log.after(g.applied(), batchSize);
      if (entries.isEmpty()) {
        return;
      }
      MatchApplier.Result r = applier.apply(id, entries);
      if (r.outcome() == ApplyOutcome.GENERATION_NOT_WRITABLE) {
        return;
      }
    }
  }

  /** Drops every generation that is neither current nor next and not being loaded. */
  public void dropRetired() {
    long current = view.current().map(Generation::id).orElse(-1L);
    for (Generation g : view.generations()) {
      if (g.state() == Generation.State.RETIRED && g.id() != current) {
        view.drop(g.id());
      }
    }
  }

  private void trimCoveredLog(long watermark) {
    // Entries <= the watermark are in the batch view and (the batch read the archiver's
    // checkpoint) in the master dataset: the log no longer needs them.
    String archived = view.connection().sync().get(view.layout().archivedThrough());
    long safe = Math.min(watermark, archived == null ? 0 : Long.parseLong(archived));
    if (safe > 0) {
      log.trimThrough(safe);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
