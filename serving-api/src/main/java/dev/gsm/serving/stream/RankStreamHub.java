package dev.gsm.serving.stream;

import dev.gsm.realtime.Generation;
import dev.gsm.realtime.RealtimeView;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes rank changes to SSE subscribers. One poller reads the current generation's id and
 * applied-through marker every {@value #POLL_MILLIS} ms (one small HGETALL whatever the number of
 * subscribers); when either moved, every subscription re-reads its answer and gets an event if it
 * changed. Polling the marker needs no change to the speed layer and no server configuration
 * (keyspace notifications are off by default and on ElastiCache need a parameter group), and the
 * marker moves in the same atomic step as the ratings, so a change is seen within one poll: well
 * under a second.
 */
@Component
class RankStreamHub {
  static final long POLL_MILLIS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(RankStreamHub.class);

  /** One subscriber: what it reads, what of it counts as a change, the last such part sent. */
  private static final class Subscription {
    final SseEmitter emitter;
    final Supplier<Object> read;
    final Function<Object, Object> key;
    volatile Object last;

    Subscription(SseEmitter emitter, Supplier<Object> read, Function<Object, Object> key) {
      this.emitter = emitter;
      this.read = read;
      this.key = key;
    }
  }

  private final RealtimeView realtime;
  private final ConcurrentHashMap<SseEmitter, Subscription> subscriptions =
      new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rank-stream-poller");
            t.setDaemon(true);
            return t;
          });
  private volatile String lastMarker = "";

  RankStreamHub(RealtimeView realtime) {
    this.realtime = realtime;
    poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Registers a subscriber and sends its first answer at once.
   *
   * @param read the answer (sent as the event's JSON data)
   * @param key the part of the answer whose change is worth an event (rows, not freshness)
   */
  SseEmitter subscribe(SseEmitter emitter, Supplier<Object> read, Function<Object, Object> key) {
    Subscription s = new Subscription(emitter, read, key);
    subscriptions.put(emitter, s);
    emitter.onCompletion(() -> subscriptions.remove(emitter));
    emitter.onTimeout(() -> subscriptions.remove(emitter));
    emitter.onError(e -> subscriptions.remove(emitter));
    send(s);
    return emitter;
  }

  int subscribers() {
    return subscriptions.size();
  }

  private void poll() {
    try {
      if (subscriptions.isEmpty()) {
        return;
      }
      Optional<Generation> g = realtime.current();
      String marker = g.map(x -> x.id() + ":" + x.applied()).orElse("");
      if (marker.equals(lastMarker)) {
        return;
      }
      lastMarker = marker;
      for (Subscription s : subscriptions.values()) {
        send(s);
      }
    } catch (RuntimeException e) {
      LOG.warn("rank stream poll failed: {}", e.toString());
    }
  }

  private void send(Subscription s) {
    Object answer;
    try {
      answer = s.read.get();
    } catch (RuntimeException e) {
      s.emitter.completeWithError(e);
      subscriptions.remove(s.emitter);
      return;
    }
    Object k = s.key.apply(answer);
    if (Objects.equals(k, s.last)) {
      return;
    }
    s.last = k;
    try {
      s.emitter.send(SseEmitter.event().name("ranks").data(answer));
    } catch (IOException | IllegalStateException e) {
      subscriptions.remove(s.emitter);
    }
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
    subscriptions.keySet().forEach(SseEmitter::complete);
  }
}
