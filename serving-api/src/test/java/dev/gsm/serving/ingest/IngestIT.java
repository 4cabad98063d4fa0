package dev.gsm.serving.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.schema.MatchJson;
import dev.gsm.serving.RedisBackedIT;
import dev.gsm.testing.RedisEndpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** POST /api/v1/matches through the whole Spring WebFlux stack against a real Redis. */
@SpringBootTest(properties = "gsm.ingest.max-body-bytes=65536")
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
public class IngestIT extends RedisBackedIT {
  @Autowired WebTestClient client;
  @Autowired MatchLog log;

  /** POST /api/v1/matches with a JSON body. */
  private WebTestClient.ResponseSpec post(String body) {
    return client
        .post()
        .uri("/api/v1/matches")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  /** A valid one-versus-one match of 2026-S1 that ended a minute ago. */
  public static String match(String id) {
    Instant end = Instant.now().minusSeconds(60);
    return """
        {"schema_version": 1, "match_id": "%s", "season": "2026-S1", "mode": "duel",
         "region": "eu-west", "platform": "pc", "started_at": "%s", "ended_at": "%s",
         "sides": [
           {"side_id": "a", "placement": 1, "players": [{"player_id": "alice"}]},
           {"side_id": "b", "placement": 2, "players": [{"player_id": "bob"}]}]}
        """
        .formatted(id, end.minusSeconds(600), end);
  }

  @Test
  void validMatchIsAppendedToTheLogBeforeThe202(RedisEndpoint unused) throws Exception {
    long head = log.head();
    post(match("ok-1"))
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.match_id")
        .isEqualTo("ok-1")
        .jsonPath("$.log_offset")
        .isEqualTo(head + 1);
    List<LogEntry> entries = log.after(head, 10);
    assertThat(entries).hasSize(1);
    var stored = MatchJson.parse(entries.get(0).json());
    assertThat(stored.ok()).isTrue();
    assertThat(stored.event().logOffset()).isEqualTo(head + 1);
    assertThat(stored.event().acceptedAt()).isNotNull();
  }

  @Test
  void everyIngestIsAuditedWithWhatItAcceptedAndWhatWasADuplicateAndEveryRefusalWithItsStatus() {
    ListAppender<ILoggingEvent> audit = new ListAppender<>();
    audit.start();
    Logger logger = (Logger) LoggerFactory.getLogger("gsm.audit");
    logger.addAppender(audit);
    try {
      client
          .post()
          .uri("/api/v1/matches")
          .contentType(MediaType.APPLICATION_JSON)
          .header("X-Api-Key", "server-7")
          .bodyValue("[" + match("audit-1") + "," + match("audit-2") + "]")
          .exchange()
          .expectStatus()
          .isAccepted();
      client
          .post()
          .uri("/api/v1/matches")
          .contentType(MediaType.APPLICATION_JSON)
          .header("X-Api-Key", "server-7")
          .bodyValue("[" + match("audit-2") + "," + match("audit-3") + "]")
          .exchange()
          .expectStatus()
          .isAccepted();
      client
          .post()
          .uri("/api/v1/matches")
          .contentType(MediaType.APPLICATION_JSON)
          .header("X-Api-Key", "server-7")
          .bodyValue("{\"match_id\":\"audit-4\"}")
          .exchange()
          .expectStatus()
          .isBadRequest();
      client
          .post()
          .uri("/api/v1/matches")
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue("audit-5")
          .exchange()
          .expectStatus()
          .isEqualTo(415);
    } finally {
      logger.detachAppender(audit);
    }
    assertThat(audit.list).hasSize(4);
    assertThat(audit.list.get(2).getFormattedMessage())
        .contains("\"event\":\"refused\"", "\"status\":400", "\"method\":\"POST\"")
        .containsPattern("\"client\":\"key:[0-9a-f]{16}\"")
        .containsPattern("\"reason\":\"[^\"]+\"");
    assertThat(audit.list.get(3).getFormattedMessage())
        .contains("\"event\":\"refused\"", "\"status\":415", "\"client\":\"ip:");
    assertThat(audit.list.get(0).getFormattedMessage())
        .contains("\"event\":\"ingest\"", "\"accepted\":[\"audit-1\",\"audit-2\"]")
        .contains("\"duplicates\":[]")
        .containsPattern("\"client\":\"key:[0-9a-f]{16}\"");
    assertThat(audit.list.get(1).getFormattedMessage())
        .contains("\"accepted\":[\"audit-3\"]", "\"duplicates\":[\"audit-2\"]");
  }

  @Test
  void duplicateGetsTheSameAnswerAndChangesNothing() throws Exception {
    String first =
        post(match("dup-1"))
            .expectStatus()
            .isAccepted()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    long head = log.head();
    post(match("dup-1")).expectStatus().isAccepted().expectBody().json(first, true);
    assertThat(log.head()).isEqualTo(head);
  }

  @Test
  void batchIsAcceptedInRequestOrder() throws Exception {
    long head = log.head();
    post("[" + match("b-1") + "," + match("b-2") + "]")
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.accepted[0].match_id")
        .isEqualTo("b-1")
        .jsonPath("$.accepted[1].log_offset")
        .isEqualTo(head + 2);
  }

  @Test
  void badMatchIs400NamingEveryBadFieldAndNothingIsAppended() throws Exception {
    long head = log.head();
    String bad =
        match("bad-1")
            .replace("\"mode\": \"duel\"", "\"mode\": \"DUEL!\"")
            .replace("\"player_id\": \"bob\"", "\"player_id\": \"\"")
            .replace("\"schema_version\": 1,", "\"schema_version\": 1, \"log_offset\": 7,");
    post("[" + match("bad-0") + "," + bad + "]")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(400)
        .jsonPath("$.errors[?(@.field == '[1].log_offset')]")
        .exists()
        .jsonPath("$.errors[?(@.field == '[1].mode')]")
        .exists()
        .jsonPath("$.errors[?(@.field == '[1].sides[1].players[0].player_id')]")
        .exists();
    assertThat(log.head()).isEqualTo(head);
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    String big = "[" + (match("big") + ",").repeat(200) + match("big-last") + "]";
    post(big).expectStatus().isEqualTo(413).expectBody().jsonPath("$.limit").isEqualTo(65536);
  }

  @Test
  void batchOverTheMatchLimitIs413() throws Exception {
    String many = "[" + "{},".repeat(MatchLog.MAX_BATCH) + "{}]";
    post(many).expectStatus().isEqualTo(413);
  }

  @Test
  void wrongMediaTypeIs415() throws Exception {
    client
        .post()
        .uri("/api/v1/matches")
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue(match("t-1"))
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }
}
