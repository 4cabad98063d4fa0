package dev.gsm.serving.system;

import dev.gsm.serving.ingest.InvalidMatchException;
import dev.gsm.serving.ingest.PayloadTooLargeException;
import dev.gsm.serving.prediction.InvalidPredictionRequestException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place where typed errors become HTTP (RFC 9457 problem details). Spring MVC's own errors
 * (415 wrong media type, 405, ...) come out as problem details through the base class.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  @ExceptionHandler(InvalidMatchException.class)
  ProblemDetail invalidMatch(InvalidMatchException e) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            e.violations().size()
                + " problem(s) with the submitted match(es); nothing was accepted");
    pd.setType(URI.create("https://gsm.dev/problems/invalid-match"));
    pd.setTitle("Invalid match");
    List<Map<String, String>> errors =
        e.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList();
    pd.setProperty("errors", errors);
    return pd;
  }

  @ExceptionHandler(InvalidPredictionRequestException.class)
  ProblemDetail invalidPrediction(InvalidPredictionRequestException e) {
    ProblemDetail pd =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            e.violations().size() + " problem(s) with the prediction request");
    pd.setType(URI.create("https://gsm.dev/problems/invalid-prediction-request"));
    pd.setTitle("Invalid prediction request");
    pd.setProperty(
        "errors",
        e.violations().stream()
            .map(v -> Map.of("field", v.field(), "message", v.message()))
            .toList());
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
