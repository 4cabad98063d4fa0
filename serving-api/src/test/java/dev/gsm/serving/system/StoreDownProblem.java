package dev.gsm.serving.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The answer when a serving store did not answer: a 503 problem detail, to be retried. */
public final class StoreDownProblem {
  private StoreDownProblem() {}

  public static void assertStoreDown(WebTestClient.ResponseSpec response) {
    response
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).startsWith("a serving store did not answer"));
  }
}
