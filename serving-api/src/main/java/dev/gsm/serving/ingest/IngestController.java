package dev.gsm.serving.ingest;

import dev.gsm.realtime.Accepted;
import dev.gsm.serving.system.GsmProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/matches}: one match (a JSON object) or a batch of up to {@code
 * gsm.ingest.max-batch} (a JSON array). 202 once every match is in the match log, with its log
 * offset; a duplicate match id gets the answer of its first acceptance and changes nothing. 400
 * names every bad field; 413 over the size limits; 415 for anything but JSON.
 */
@RestController
class IngestController {
  private final IngestService service;
  private final long maxBodyBytes;

  IngestController(IngestService service, GsmProperties props) {
    this.service = service;
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
  ResponseEntity<Object> post(HttpServletRequest request) throws IOException {
    String body = readLimited(request);
    List<Accepted> accepted = service.ingest(body);
    Object answer =
        body.stripLeading().startsWith("[")
            ? new BatchAccepted(accepted.stream().map(MatchAccepted::of).toList())
            : MatchAccepted.of(accepted.get(0));
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
  }

  private String readLimited(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      throw tooLarge();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > maxBodyBytes) {
          throw tooLarge();
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private PayloadTooLargeException tooLarge() {
    return new PayloadTooLargeException(
        "request bodies are limited to " + maxBodyBytes + " bytes", maxBodyBytes);
  }
}
