package dev.gsm.serving.system;

import dev.gsm.serving.ingest.PayloadTooLargeException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where typed errors become HTTP (RFC 9457 problem details). Spring WebFlux's own
 * errors (415 wrong media type, 405, a malformed parameter, ...) come out as problem details
 * through the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalidRequest(InvalidRequestException e) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail());
    pd.setType(URI.create("https://gsm.dev/problems/" + e.problemType()));
    pd.setTitle(e.title());
    List<Map<String, String>> errors =
        e.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList();
    pd.setProperty("errors", errors);
    return pd;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/" + e.kind() + "-not-found"));
    pd.setTitle("Not found");
    return pd;
  }

  @ExceptionHandler(BadQueryException.class)
  ProblemDetail badQuery(BadQueryException e) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/bad-query"));
    pd.setTitle("Bad query");
    pd.setProperty("parameter", e.parameter());
    return pd;
  }

  /**
   * The real-time view or the batch store did not answer: 503 with the cause, so a client retries
   * rather than treating it as its own mistake.
   */
  @ExceptionHandler({
    io.lettuce.core.RedisException.class,
    software.amazon.awssdk.core.exception.SdkException.class
  })
  ProblemDetail storeUnavailable(RuntimeException e) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, "a serving store did not answer: " + e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/store-unavailable"));
    pd.setTitle("Store unavailable");
    return pd;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    pd.setType(URI.create("https://gsm.dev/problems/payload-too-large"));
    pd.setTitle("Payload too large");
    pd.setProperty("limit", e.limit());
    return pd;
  }
}
