package dev.gsm.serving.system;

import dev.gsm.serving.ingest.PayloadTooLargeException;
import dev.gsm.serving.security.AuditLog;
import dev.gsm.serving.security.Clients;
import dev.gsm.serving.security.SecurityProperties;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one place where typed errors become HTTP (RFC 9457 problem details). Spring WebFlux's own
 * errors (415 wrong media type, 405, a malformed parameter, ...) come out as problem details
 * through the base class. A refused write (any method but GET and HEAD) is audited here, with the
 * status and detail the client gets ({@link AuditLog#refused}); the rate limit audits its own 429s.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
  private final AuditLog audit;
  private final String clientHeader;

  ProblemDetailsAdvice(AuditLog audit, SecurityProperties security) {
    this.audit = audit;
    this.clientHeader = security.clientHeader();
  }

  /** Audits the refusal of a write; the problem details as they are. */
  private ProblemDetail refused(ProblemDetail pd, ServerWebExchange exchange) {
    ServerHttpRequest request = exchange.getRequest();
    HttpMethod method = request.getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      audit.refused(
          Clients.of(request, clientHeader),
          method.name(),
          request.getPath().value(),
          pd.getStatus(),
          pd.getDetail());
    }
    return pd;
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception ex,
      @Nullable Object body,
      @Nullable HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    return super.handleExceptionInternal(ex, body, headers, status, exchange)
        .doOnNext(
            answer -> {
              if (answer.getBody() instanceof ProblemDetail pd) {
                refused(pd, exchange);
              }
            });
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException e, ServerWebExchange exchange) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail());
    pd.setType(URI.create("https://gsm.dev/problems/" + e.problemType()));
    pd.setTitle(e.title());
    List<Map<String, String>> errors =
        e.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList();
    pd.setProperty("errors", errors);
    return refused(pd, exchange);
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e, ServerWebExchange exchange) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/" + e.kind() + "-not-found"));
    pd.setTitle("Not found");
    return refused(pd, exchange);
  }

  @ExceptionHandler(BadQueryException.class)
  ProblemDetail badQuery(BadQueryException e, ServerWebExchange exchange) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/bad-query"));
    pd.setTitle("Bad query");
    pd.setProperty("parameter", e.parameter());
    return refused(pd, exchange);
  }

  /**
   * The real-time view or the batch store did not answer: 503 with the cause, so a client retries
   * rather than treating it as its own mistake.
   */
  @ExceptionHandler({
    io.lettuce.core.RedisException.class,
    software.amazon.awssdk.core.exception.SdkException.class
  })
  ProblemDetail storeUnavailable(RuntimeException e, ServerWebExchange exchange) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "a serving store did not answer: " + e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/store-unavailable"));
    pd.setTitle("Store unavailable");
    return refused(pd, exchange);
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e, ServerWebExchange exchange) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/payload-too-large"));
    pd.setTitle("Payload too large");
    pd.setProperty("limit", e.limit());
    return refused(pd, exchange);
  }
}
