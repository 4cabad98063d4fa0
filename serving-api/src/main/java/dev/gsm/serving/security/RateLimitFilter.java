package dev.gsm.serving.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limits per client on {@code /api/**}: reads ({@code GET}) and writes ({@code POST}) each
 * have a token bucket per client ({@link SecurityProperties}). Every answer carries {@code
 * RateLimit-Limit} and {@code RateLimit-Remaining}; a refused request gets 429 with problem details
 * and {@code Retry-After} (seconds), is counted ({@code gsm_security_rate_limited_total}) and
 * audited. It runs after the request observation, so 429s appear in the request metrics too.
 * Actuator, OpenAPI and Swagger UI are not limited.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {
  private final SecurityProperties props;
  private final TokenBuckets reads;
  private final TokenBuckets writes;
  private final AuditLog audit;
  private final ObjectMapper json;
  private final Counter limitedReads;
  private final Counter limitedWrites;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rate-limit-sweeper");
            t.setDaemon(true);
            return t;
          });

  RateLimitFilter(
      SecurityProperties props, AuditLog audit, ObjectMapper json, MeterRegistry registry) {
    this.props = props;
    this.reads = new TokenBuckets(props.reads().perSecond(), props.reads().burst());
    this.writes = new TokenBuckets(props.writes().perSecond(), props.writes().burst());
    this.audit = audit;
    this.json = json;
    this.limitedReads = registry.counter("gsm.security.rate_limited", "kind", "reads");
    this.limitedWrites = registry.counter("gsm.security.rate_limited", "kind", "writes");
    sweeper.scheduleWithFixedDelay(
        () -> {
          long now = System.nanoTime();
          reads.sweep(now);
          writes.sweep(now);
        },
        60,
        60,
        TimeUnit.SECONDS);
  }

  @Override
  public int getOrder() {
    return 0; // after the request observation (HIGHEST_PRECEDENCE + 1)
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().pathWithinApplication().value();
    if (!path.startsWith("/api/")) {
      return chain.filter(exchange);
    }
    boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
    boolean write = request.getMethod() == HttpMethod.POST;
    SecurityProperties.Limit limit = read ? props.reads() : props.writes();
    if (!(read || write) || !limit.enabled()) {
      return chain.filter(exchange);
    }
    TokenBuckets buckets = read ? reads : writes;
    String client = Clients.of(request, props.clientHeader());
    TokenBuckets.Take take = buckets.take(client, System.nanoTime());
    ServerHttpResponse response = exchange.getResponse();
    response.getHeaders().set("RateLimit-Limit", Long.toString(buckets.limit()));
    response.getHeaders().set("RateLimit-Remaining", Long.toString(take.remaining()));
    if (take.allowed()) {
      return chain.filter(exchange);
    }
    (read ? limitedReads : limitedWrites).increment();
    long retryAfter = Math.max(1, (long) Math.ceil(take.waitNanos() / 1e9));
    String detail =
        "more than "
            + BigDecimal.valueOf(limit.perSecond()).stripTrailingZeros().toPlainString()
            + " "
            + (read ? "reads" : "writes")
            + " a second (bursts of "
            + buckets.limit()
            + "); retry after "
            + retryAfter
            + " s";
    audit.refused(client, request.getMethod().name(), path, 429, detail);
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, detail);
    pd.setType(URI.create("https://gsm.dev/problems/rate-limited"));
    pd.setTitle("Too many requests");
    pd.setInstance(URI.create(path));
    byte[] body;
    try {
      body = json.writeValueAsBytes(pd);
    } catch (JsonProcessingException e) {
      return Mono.error(e);
    }
    response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
    response.getHeaders().set("Retry-After", Long.toString(retryAfter));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  @PreDestroy
  void stop() {
    sweeper.shutdownNow();
  }
}
