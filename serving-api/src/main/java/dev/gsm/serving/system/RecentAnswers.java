package dev.gsm.serving.system;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The read endpoints' answers of the last {@code gsm.rankings.live-max-age} (100 ms by default),
 * given again as they were. A leaderboard page or a player page is the state of the views at its
 * {@code freshness.as_of}: exact, and within the window at most that much older than a new read.
 * Under load the same few pages (the top 100, a star's page) are asked for thousands of times a
 * second; each is then read and written once per window, and every other request is answered here,
 * on the event loop, with the bytes of that answer: no store call, no controller, no JSON writing.
 * Requests that arrive while the same request is being answered wait for that answer.
 *
 * <p>Keyed by the exact path, query and {@code Accept} header; only {@code 200} answers of {@code
 * GET} on {@link #PATTERNS} are kept, so errors, other seasons' 404s and every write go through the
 * controllers each time. It runs after the rate limit ({@code order 1}), so repeated answers are
 * counted and limited like any other, and names the endpoint's pattern for the request metrics.
 * Bounded: expired entries are dropped when it holds {@value #MAX_ENTRIES}, all of them if that is
 * not enough.
 */
@Component
public class RecentAnswers implements WebFilter, Ordered {
  static final int MAX_ENTRIES = 4_096;

  /** The endpoints whose answers are reused: reads of the views, with freshness in every answer. */
  static final List<String> PATTERNS =
      List.of("/api/v1/rankings/global", "/api/v1/rankings/player/{player_id}");

  private record Answer(MediaType type, byte[] body, long atMillis) {}

  private final List<PathPattern> patterns;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  /**
   * The requests being answered by their controller now, by key. When a hot page's answer expires,
   * every connection asks for it again at once; the first is read, the others wait for its answer
   * instead of each reading the same page (a burst of identical reads every window otherwise sets
   * the latency tail of every request).
   */
  private final Map<String, Sinks.One<Answer>> inFlight = new ConcurrentHashMap<>();

  private final Clock clock;
  private final long maxAgeMillis;

  @Autowired
  RecentAnswers(GsmProperties props, Clock clock) {
    this(props.rankings().liveMaxAge(), clock);
  }

  RecentAnswers(Duration maxAge, Clock clock) {
    PathPatternParser parser = new PathPatternParser();
    this.patterns = PATTERNS.stream().map(parser::parse).toList();
    this.clock = clock;
    this.maxAgeMillis = maxAge.toMillis();
  }

  @Override
  public int getOrder() {
    return 1; // after the rate limit (0)
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (maxAgeMillis == 0 || request.getMethod() != HttpMethod.GET) {
      return chain.filter(exchange);
    }
    PathPattern pattern = matching(request);
    if (pattern == null) {
      return chain.filter(exchange);
    }
    ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .ifPresent(c -> c.setPathPattern(pattern.getPatternString()));
    String key = key(request);
    long now = clock.millis();
    Answer recent = answers.get(key);
    if (recent != null && now - recent.atMillis() >= 0 && now - recent.atMillis() < maxAgeMillis) {
      return write(exchange, recent);
    }
    Sinks.One<Answer> mine = Sinks.one();
    Sinks.One<Answer> reading = inFlight.putIfAbsent(key, mine);
    if (reading != null) {
      // the same request is being answered right now: wait for that answer (if it is a 200)
      return reading
          .asMono()
          .map(Optional::of)
          .defaultIfEmpty(Optional.empty())
          .flatMap(a -> a.isPresent() ? write(exchange, a.get()) : chain.filter(exchange));
    }
    return chain
        .filter(exchange.mutate().response(new Keeping(exchange, key, now, mine)).build())
        .doFinally(
            signal -> {
              inFlight.remove(key, mine);
              mine.tryEmitEmpty(); // no 200 to share: the waiting requests read on their own
            });
  }

  private static Mono<Void> write(ServerWebExchange exchange, Answer answer) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.OK);
    response.getHeaders().setContentType(answer.type());
    response.getHeaders().setContentLength(answer.body().length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
  }

  private PathPattern matching(ServerHttpRequest request) {
    for (PathPattern p : patterns) {
      if (p.matches(request.getPath().pathWithinApplication())) {
        return p;
      }
    }
    return null;
  }

  private static String key(ServerHttpRequest request) {
    String query = request.getURI().getRawQuery();
    String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
    return request.getPath().pathWithinApplication().value()
        + (query == null ? "" : "?" + query)
        + "\n"
        + (accept == null ? "" : accept);
  }

  private void keep(String key, Answer answer) {
    if (answers.size() >= MAX_ENTRIES) {
      long now = clock.millis();
      answers.values().removeIf(a -> now - a.atMillis() >= maxAgeMillis || now < a.atMillis());
      if (answers.size() >= MAX_ENTRIES) {
        answers.clear();
      }
    }
    answers.put(key, answer);
  }

  /** The response of a request answered by its controller: its 200 body is kept as it is sent. */
  private final class Keeping extends ServerHttpResponseDecorator {
    private final String key;
    private final long atMillis;
    private final Sinks.One<Answer> waiting;

    Keeping(ServerWebExchange exchange, String key, long atMillis, Sinks.One<Answer> waiting) {
      super(exchange.getResponse());
      this.key = key;
      this.atMillis = atMillis;
      this.waiting = waiting;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
      // no status set yet means 200
      boolean ok = getStatusCode() == null || getStatusCode().value() == 200;
      MediaType type = getHeaders().getContentType();
      if (!ok || type == null) {
        return super.writeWith(body);
      }
      return DataBufferUtils.join(body)
          .flatMap(
              joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                Answer answer = new Answer(type, bytes, atMillis);
                keep(key, answer);
                waiting.tryEmitValue(answer);
                setStatusCode(HttpStatus.OK); // named, as the repeats name it
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
              });
    }
  }
}
