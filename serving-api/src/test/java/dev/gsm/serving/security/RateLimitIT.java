package dev.gsm.serving.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gsm.serving.RedisBackedIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Rate limits per client through the whole WebFlux stack, and the audit line of a refusal. */
@SpringBootTest(
    properties = {
      "gsm.security.reads.per-second=0.01", // one token per 100 s: no refill during the test
      "gsm.security.reads.burst=2",
      "gsm.security.writes.per-second=0"
    })
@AutoConfigureWebTestClient(timeout = "60s") // a loaded CI machine is slow, not wrong
class RateLimitIT extends RedisBackedIT {
  @Autowired WebTestClient client;
  private final ListAppender<ILoggingEvent> audit = new ListAppender<>();

  @BeforeEach
  void captureAudit() {
    audit.start();
    ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).addAppender(audit);
  }

  @AfterEach
  void release() {
    ((Logger) LoggerFactory.getLogger(AuditLog.LOGGER)).detachAppender(audit);
  }

  private WebTestClient.ResponseSpec read(String key) {
    // a limit above the page maximum: answered 400 by the controller, without any store
    return client
        .get()
        .uri("/api/v1/rankings/global?limit=100000")
        .header("X-Api-Key", key)
        .exchange();
  }

  @Test
  void aClientOverItsBurstGets429WithRetryAfterAndOthersDoNot() {
    read("alpha").expectStatus().isBadRequest().expectHeader().valueEquals("RateLimit-Limit", "2");
    read("alpha")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .valueEquals("RateLimit-Remaining", "0");
    read("alpha")
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .value("Retry-After", v -> assertThat(Long.parseLong(v)).isBetween(50L, 100L))
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(429)
        .jsonPath("$.title")
        .isEqualTo("Too many requests")
        .jsonPath("$.instance")
        .isEqualTo("/api/v1/rankings/global");
    read("beta").expectStatus().isBadRequest();
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

    assertThat(audit.list).hasSize(1);
    String line = audit.list.get(0).getFormattedMessage();
    assertThat(line)
        .contains("\"event\":\"refused\"", "\"status\":429", "\"path\":\"/api/v1/rankings/global\"")
        .containsPattern("\"client\":\"key:[0-9a-f]{16}\"")
        .doesNotContain("alpha");
  }

  @Test
  void aLimitOfZeroIsNoLimit() {
    for (int i = 0; i < 5; i++) {
      client
          .post()
          .uri("/api/v1/matches")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .header("X-Api-Key", "gamma")
          .exchange()
          .expectStatus()
          .isBadRequest();
    }
    assertThat(audit.list)
        .hasSize(5)
        .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("\"status\":400"));
  }
}
