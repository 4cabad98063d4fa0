package dev.gsm.serving.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The filter alone, on Spring's mock exchanges and a chain that stands for the controllers: what it
 * gives again, and that identical requests arriving together are read once.
 */
class RecentAnswersTest {
  static final String PAGE = "/api/v1/rankings/global?limit=100";

  final Clock clock = Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC);
  final RecentAnswers filter = new RecentAnswers(Duration.ofMillis(100), clock);
  final AtomicInteger reads = new AtomicInteger();
  final Sinks.Empty<Void> release = Sinks.empty();

  /** A controller that answers {@code status} with the number of its read, once released. */
  WebFilterChain controller(HttpStatus status) {
    return exchange -> {
      int read = reads.incrementAndGet();
      return release
          .asMono()
          .then(
              Mono.defer(
                  () -> {
                    var response = exchange.getResponse();
                    response.setStatusCode(status);
                    response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
                    byte[] body = ("{\"read\":" + read + "}").getBytes(StandardCharsets.UTF_8);
                    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
                  }));
    };
  }

  static MockServerWebExchange get(String uri) {
    return MockServerWebExchange.from(MockServerHttpRequest.get(uri));
  }

  List<MockServerWebExchange> together(int n, String uri, WebFilterChain chain) {
    List<MockServerWebExchange> exchanges = new ArrayList<>();
    List<Mono<Void>> answers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      MockServerWebExchange e = get(uri);
      exchanges.add(e);
      answers.add(filter.filter(e, chain).cache());
    }
    answers.forEach(Mono::subscribe); // all arrive before the first read is answered
    release.tryEmitEmpty();
    Mono.when(answers).block(Duration.ofSeconds(10));
    return exchanges;
  }

  @Test
  void identicalRequestsArrivingTogetherAreReadOnceAndAllGetThatAnswer() {
    List<MockServerWebExchange> answered = together(10, PAGE, controller(HttpStatus.OK));
    assertThat(reads).hasValue(1);
    for (MockServerWebExchange e : answered) {
      assertThat(e.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(e.getResponse().getBodyAsString().block()).isEqualTo("{\"read\":1}");
    }
    // and within the window, from memory
    MockServerWebExchange again = get(PAGE);
    filter.filter(again, controller(HttpStatus.OK)).block(Duration.ofSeconds(10));
    assertThat(reads).hasValue(1);
    assertThat(again.getResponse().getBodyAsString().block()).isEqualTo("{\"read\":1}");
  }

  @Test
  void anErrorIsNeitherSharedNorKept() {
    List<MockServerWebExchange> answered =
        together(5, "/api/v1/rankings/player/p9", controller(HttpStatus.NOT_FOUND));
    assertThat(reads).hasValue(5); // each waiting request read on its own
    for (MockServerWebExchange e : answered) {
      assertThat(e.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
  }

  @Test
  void otherRequestsAndOtherPathsGoToTheControllerEveryTime() {
    together(3, "/api/v1/rankings/stream?top=10", controller(HttpStatus.OK));
    assertThat(reads).hasValue(3);
    together(2, PAGE + "&offset=100", controller(HttpStatus.OK));
    assertThat(reads).hasValue(4);
  }
}
