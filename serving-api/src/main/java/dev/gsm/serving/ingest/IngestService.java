package dev.gsm.serving.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gsm.realtime.Accepted;
import dev.gsm.realtime.MatchLog;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import dev.gsm.schema.MatchSchema;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.Violation;
import dev.gsm.serving.system.GsmProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Validates submitted matches (all or nothing: one bad match refuses the request) and appends the
 * valid ones to the match log, which deduplicates by match id and answers with each match's log
 * offset. Nothing is acknowledged before Redis has the entry.
 */
@Service
class IngestService {
  private final MatchLog log;
  private final Clock clock;
  private final int maxBatch;
  private final Counter accepted;
  private final Counter duplicates;
  private final Counter rejected;

  IngestService(MatchLog log, GsmProperties props, MeterRegistry registry) {
    this.log = log;
    this.clock = Clock.systemUTC();
    this.maxBatch = props.ingest().maxBatch();
    this.accepted = registry.counter("gsm.ingest.matches", "result", "accepted");
    this.duplicates = registry.counter("gsm.ingest.matches", "result", "duplicate");
    this.rejected = registry.counter("gsm.ingest.matches", "result", "rejected");
  }

  /** One match (a JSON object) or a batch (a JSON array of them). */
  List<Accepted> ingest(String body) {
    JsonNode root;
    try {
      root = MatchJson.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      rejected.increment();
      throw new InvalidMatchException(
          List.of(new Violation("", "not valid JSON: " + e.getOriginalMessage())));
    }
    List<JsonNode> nodes = new ArrayList<>();
    boolean batch = root != null && root.isArray();
    if (batch) {
      if (root.size() > maxBatch) {
        throw new PayloadTooLargeException(
            "a batch holds at most " + maxBatch + " matches, this one " + root.size(), maxBatch);
      }
      if (root.isEmpty()) {
        throw new InvalidMatchException(List.of(new Violation("", "the batch is empty")));
      }
      root.forEach(nodes::add);
    } else {
      nodes.add(root);
    }
    Instant now = clock.instant();
    List<Violation> violations = new ArrayList<>();
    List<MatchEvent> events = new ArrayList<>(nodes.size());
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      String at = batch ? "[" + i + "]" : "";
      JsonNode node = nodes.get(i);
      List<Violation> found = new ArrayList<>();
      if (node != null && node.isObject()) {
        for (String f : MatchSchema.SERVER_FIELDS) {
          if (node.has(f)) {
            found.add(new Violation(f, "is set by the server; a client must not send it"));
          }
        }
      }
      MatchJson.Parsed parsed = MatchJson.read(node);
      found.addAll(parsed.violations());
      if (parsed.ok() && found.isEmpty()) {
        found.addAll(MatchValidator.validate(parsed.event(), now));
        if (!ids.add(parsed.event().matchId())) {
          found.add(new Violation("match_id", "appears twice in this batch"));
        }
      }
      for (Violation v : found) {
        violations.add(
            new Violation(
                at.isEmpty() || v.field().isEmpty() ? at + v.field() : at + "." + v.field(),
                v.message()));
      }
      if (found.isEmpty()) {
        events.add(parsed.event());
      }
    }
    if (!violations.isEmpty()) {
      rejected.increment(nodes.size());
      throw new InvalidMatchException(violations);
    }
    List<Accepted> result = log.append(events, now);
    for (Accepted a : result) {
      (a.duplicate() ? duplicates : accepted).increment();
    }
    return result;
  }
}
