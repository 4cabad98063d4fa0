package dev.gsm.serving.ingest;

import dev.gsm.realtime.Accepted;
import dev.gsm.serving.security.AuditLog;
import dev.gsm.serving.security.Clients;
import dev.gsm.serving.security.SecurityProperties;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.serving.system.StoreCalls;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/matches}: one match (a JSON object) or a batch of up to {@code
 * gsm.ingest.max-batch} (a JSON array). 202 once every match is in the match log, with its log
 * offset; a duplicate match id gets the answer of its first acceptance and changes nothing. 400
 * names every bad field; 413 over the size limits; 415 for anything but JSON.
 */
@RestController
class IngestController {
  private final IngestService service;
  private final StoreCalls calls;
  private final AuditLog audit;
  private final String clientHeader;
  private final long maxBodyBytes;

  IngestController(
      IngestService service,
      StoreCalls calls,
      AuditLog audit,
      SecurityProperties security,
      GsmProperties props) {
    this.service = service;
    this.calls = calls;
    this.audit = audit;
    this.clientHeader = security.clientHeader();
    this.maxBodyBytes = props.ingest().maxBodyBytes();
  }

  /** The answer for one match. */
  record MatchAccepted(String matchId, long logOffset, String acceptedAt) {
    static MatchAccepted of(Accepted a) {
      return new MatchAccepted(a.matchId(), a.logOffset(), a.acceptedAt().toString());
    }
  }

  /** The answer for a batch, in request order. */
  record BatchAccepted(List<MatchAccepted> accepted) {}

  @PostMapping(path = "/api/v1/matches", consumes = MediaType.APPLICATION_JSON_VALUE)
  Mono<ResponseEntity<Object>> post(ServerHttpRequest request) {
    String client = Clients.of(request, clientHeader);
    String path = request.getPath().value();
    return readLimited(request).flatMap(body -> calls.call(() -> accept(body, client, path)));
  }

  private ResponseEntity<Object> accept(String body, String client, String path) {
    List<Accepted> accepted = service.ingest(body);
    audit.ingested(
        client,
        path,
        accepted.stream().filter(a -> !a.duplicate()).map(Accepted::matchId).toList(),
        accepted.stream().filter(Accepted::duplicate).map(Accepted::matchId).toList());
    Object answer =
        body.stripLeading().startsWith("[")
            ? new BatchAccepted(accepted.stream().map(MatchAccepted::of).toList())
            : MatchAccepted.of(accepted.get(0));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  /**
   * The body as text, refused with 413 as soon as it is known to be too large: by its declared
   * length before anything is read, else once the bytes read pass the limit.
   */
  private Mono<String> readLimited(ServerHttpRequest request) {
    if (request.getHeaders().getContentLength() > maxBodyBytes) {
      return Mono.error(tooLarge());
    }
    return DataBufferUtils.join(request.getBody(), (int) maxBodyBytes)
        .map(
            buffer -> {
              try {
                return buffer.toString(StandardCharsets.UTF_8);
              } finally {
                DataBufferUtils.release(buffer);
              }
            })
        .defaultIfEmpty("")
        .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "request bodies are limited to " + maxBodyBytes + " bytes", maxBodyBytes);
  }
}
