package dev.gsm.serving.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit log: one JSON line per request that changed something or was refused, on the logger
 * {@value #LOGGER} (logback-spring.xml writes it to its own daily file, {@code
 * $GSM_AUDIT_DIR/audit.log}, kept 90 days; on AWS the task's log driver ships it). A line names the
 * time, the client ({@link Clients}), the request, its status and what it did: the match ids
 * accepted and those answered as duplicates, or why it was refused. Reads are not audited; they are
 * counted in the request metrics.
 */
@Component
public class AuditLog {
  static final String LOGGER = "gsm.audit";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Clock clock = Clock.systemUTC();

  /** Matches taken into the log (and those answered as duplicates, which changed nothing). */
  public void ingested(String client, String path, List<String> accepted, List<String> duplicates) {
    Map<String, Object> line = line("ingest", client, path, 202);
    line.put("accepted", accepted);
    line.put("duplicates", duplicates);
    write(line);
  }

  /** A request refused as a whole (400, 413, 429, ...), with the reason given to the client. */
  public void refused(String client, String method, String path, int status, String reason) {
    Map<String, Object> line = line("refused", client, path, status);
    line.put("method", method);
    line.put("reason", reason);
    write(line);
  }

  private Map<String, Object> line(String event, String client, String path, int status) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", clock.instant().toString());
    line.put("event", event);
    line.put("client", client);
    line.put("path", path);
    line.put("status", status);
    return line;
  }

  private static void write(Map<String, Object> line) {
    try {
      LOG.info(JSON.writeValueAsString(line));
    } catch (JsonProcessingException e) {
      LOG.error("audit line not written: {}", line, e);
    }
  }
}
