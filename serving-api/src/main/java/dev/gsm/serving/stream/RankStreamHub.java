package dev.gsm.serving.stream;

import dev.gsm.realtime.Generation;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.serving.system.StoreCalls;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Pushes rank changes to SSE subscribers. One poller reads the current generation's id and
 * applied-through marker every {@value #POLL_MILLIS} ms (one small HGETALL whatever the number of
 * subscribers); when either moved, every subscription re-reads its answer and gets an event if it
 * changed. Polling the marker needs no change to the speed layer and no server configuration
 * (keyspace notifications are off by default and on ElastiCache need a parameter group), and the
 * marker moves in the same atomic step as the ratings, so a change is seen within one poll: well
 * under a second.
 *
 * <p>Each answer is a whole answer, so a client that reads more slowly than answers change gets the
 * latest one, not a backlog.
 */
@Component
class RankStreamHub {
  static final long POLL_MILLIS = 200;
  private static final Logger LOG = LoggerFactory.getLogger(RankStreamHub.class);

  /** One subscriber: what it reads, what of it counts as a change, the last such part sent. */
  private static final class Subscription {
    final Sinks.Many<ServerSentEvent<Object>> sink = Sinks.many().unicast().onBackpressureBuffer();
    final Supplier<Object> read;
    final Function<Object, Object> key;
    Object last;

    Subscription(Supplier<Object> read, Function<Object, Object> key) {
      this.read = read;
      this.key = key;
    }
  }

  private final RealtimeView realtime;
  private final StoreCalls calls;
  private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rank-stream-poller");
            t.setDaemon(true);
            return t;
          });
  private volatile String lastMarker = "";

  RankStreamHub(RealtimeView realtime, StoreCalls calls) {
    this.realtime = realtime;
    this.calls = calls;
    poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * The events of a new subscriber, the first one at once, for at most {@code lifetime}.
   *
   * @param read the answer (sent as the event's JSON data); blocking, run off the event loop
   * @param key the part of the answer whose change is worth an event (rows, not freshness)
   */
  Flux<ServerSentEvent<Object>> subscribe(
      Supplier<Object> read, Function<Object, Object> key, Duration lifetime) {
    Subscription s = new Subscription(read, key);
    return s.sink
        .asFlux()
        .onBackpressureLatest()
        .doOnSubscribe(
            x -> {
              subscriptions.add(s);
              calls.run(() -> send(s));
            })
        .doFinally(x -> subscriptions.remove(s))
        .take(lifetime);
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
      for (Subscription s : subscriptions) {
        send(s);
      }
    } catch (RuntimeException e) {
      LOG.warn("rank stream poll failed: {}", e.toString());
    }
  }

  /**
   * Reads the subscriber's answer and emits it if its key changed (the poller and the first send
   * may race).
   */
  private void send(Subscription s) {
    synchronized (s) {
      Object answer;
      try {
        answer = s.read.get();
      } catch (RuntimeException e) {
        subscriptions.remove(s);
        s.sink.tryEmitError(e);
        return;
      }
      Object k = s.key.apply(answer);
      if (Objects.equals(k, s.last)) {
        return;
      }
      s.last = k;
      if (s.sink.tryEmitNext(ServerSentEvent.builder(answer).event("ranks").build()).isFailure()) {
        subscriptions.remove(s);
      }
    }
  }

  @PreDestroy
  void stop() {
    poller.shutdownNow();
    subscriptions.forEach(s -> s.sink.tryEmitComplete());
  }
}
