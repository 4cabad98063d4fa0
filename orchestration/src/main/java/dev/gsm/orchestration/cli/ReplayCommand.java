package dev.gsm.orchestration.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.core.progress.ProgressBar;
import dev.gsm.core.rating.MatchRater;
import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.Violation;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gsm replay}: sends a season of the master dataset (or another data root's) to the ingest
 * API as live matches, in event-time order, in batches, at a chosen rate: the main job's live
 * stream, a load generator, and a way to re-send what a game server's outage held back.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Sends a season's matches from a data root to POST /api/v1/matches in event-time order, in batches, at a chosen rate. Records the schema refuses are counted with their reasons and not sent (--send-invalid sends them, to see the API's problem details). Duplicates are answered as such by the API and change nothing.")
final class ReplayCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--data-root", required = true, description = "Data root to read the matches of.")
  String dataRoot;

  @Option(names = "--season", required = true, description = "Season, e.g. 2026-S3.")
  String season;

  @Option(
      names = "--url",
      defaultValue = "${env:GSM_API_URL:-http://127.0.0.1:8080}",
      description = "The serving API (default: $GSM_API_URL, else ${DEFAULT-VALUE}).")
  URI url;

  @Option(names = "--limit", description = "Send at most this many matches (default: all).")
  Long limit;

  @Option(
      names = "--batch",
      defaultValue = "100",
      description = "Matches per request, at most the API's limit (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--rate",
      defaultValue = "0",
      description = "Matches per second; 0 sends as fast as the API answers (default: 0).")
  double rate;

  @Option(
      names = "--send-invalid",
      description = "Send records the schema refuses too (the API answers 400 for their batch).")
  boolean sendInvalid;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    if (batch < 1 || batch > 500) {
      throw new IllegalArgumentException("--batch must be between 1 and 500, was " + batch);
    }
    Instant now = Instant.now();
    List<MatchEvent> matches = new ArrayList<>();
    Map<String, Integer> refused = new TreeMap<>();
    long read =
        MatchDatasetReader.forEach(
            dataRoot,
            season,
            new Configuration(),
            e -> {
              List<Violation> v = MatchValidator.validate(e, now);
              if (v.isEmpty() || sendInvalid) {
                matches.add(e);
              } else {
                refused.merge(v.get(0).field() + ": " + v.get(0).message(), 1, Integer::sum);
              }
            });
    matches.sort(MatchRater.EVENT_TIME_ORDER);
    // a match id the source holds twice is sent once: the API would refuse a batch holding both,
    // and answers a resend in a later request as the duplicate it is
    java.util.Set<String> ids = new java.util.HashSet<>();
    int before = matches.size();
    matches.removeIf(e -> e.matchId() != null && !ids.add(e.matchId()));
    int repeated = before - matches.size();
    int n = limit == null ? matches.size() : (int) Math.min(matches.size(), limit);
    URI endpoint = url.resolve("/api/v1/matches");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long accepted = 0;
    long rejectedBatches = 0;
    long rejectedMatches = 0;
    List<String> problems = new ArrayList<>();
    long started = System.nanoTime();
    try (ProgressBar bar = new ProgressBar(System.err, "replay", n, quiet)) {
      for (int from = 0; from < n; from += batch) {
        int to = Math.min(n, from + batch);
        StringBuilder body = new StringBuilder(256 * (to - from)).append('[');
        for (int i = from; i < to; i++) {
          body.append(i == from ? "" : ",").append(MatchJson.write(matches.get(i)));
        }
        HttpResponse<String> r = send(http, endpoint, body.append(']').toString());
        if (r.statusCode() == 202) {
          accepted += to - from;
        } else if (r.statusCode() / 100 == 4) {
          rejectedBatches++;
          rejectedMatches += to - from;
          if (problems.size() < 5) {
            problems.add(firstProblem(r));
          }
        } else {
          throw new IllegalStateException(
              endpoint + " answered " + r.statusCode() + ": " + r.body());
        }
        bar.step(to - from);
        pace(started, to);
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "gsm replay: %,d records read from %s season %s, %,d refused by the schema before sending%n",
        read, dataRoot, season, refused.values().stream().mapToInt(Integer::intValue).sum());
    refused.forEach((reason, count) -> System.out.printf("  refused %,d: %s%n", count, reason));
    if (repeated > 0) {
      System.out.printf("  %,d records repeat a match id already sent: sent once%n", repeated);
    }
    System.out.printf(
        "  sent %,d matches to %s in %.1f s (%,.0f matches/s): %,d accepted (duplicates answer as"
            + " accepted), %,d in %,d batches refused by the API%n",
        n,
        endpoint,
        seconds,
        n / Math.max(seconds, 1e-9),
        accepted,
        rejectedMatches,
        rejectedBatches);
    problems.forEach(p -> System.out.println("  the API said: " + p));
    return rejectedBatches == 0 ? 0 : 1;
  }

  /**
   * Time spent waiting out 429s. The pace does not make it up afterwards: a replay that was asked
   * to slow down must not then burst at the API to catch up with its schedule.
   */
  private long rateLimitedNanos;

  private void pace(long started, int sent) throws InterruptedException {
    if (rate <= 0) {
      return;
    }
    long due = started + rateLimitedNanos + (long) (sent / rate * 1e9);
    long wait = due - System.nanoTime();
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }
  }

  /** How many 429 answers one batch waits out before the replay gives up. */
  static final int MAX_RATE_LIMITED = 120;

  /**
   * POSTs with three attempts on connection errors and 5xx (a retried batch is idempotent); a 429
   * (the API's rate limit) waits its Retry-After and is sent again without counting as an attempt.
   */
  private HttpResponse<String> send(HttpClient http, URI endpoint, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    IOException last = null;
    int limited = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429 && limited++ < MAX_RATE_LIMITED) {
          long waitStarted = System.nanoTime();
          Thread.sleep(1000 * r.headers().firstValueAsLong("Retry-After").orElse(1));
          rateLimitedNanos += System.nanoTime() - waitStarted;
          attempt--;
          continue;
        }
        if (r.statusCode() < 500) {
          return r;
        }
        last = new IOException(endpoint + " answered " + r.statusCode() + ": " + r.body());
      } catch (IOException e) {
        last = e;
      }
      Thread.sleep(200L << attempt);
    }
    throw last;
  }

  private static String firstProblem(HttpResponse<String> r) {
    try {
      JsonNode p = JSON.readTree(r.body());
      JsonNode first = p.path("errors").path(0);
      return r.statusCode()
          + " "
          + p.path("title").asText()
          + (first.isMissingNode()
              ? ": " + p.path("detail").asText()
              : ": " + first.path("field").asText() + " " + first.path("message").asText());
    } catch (IOException e) {
      return r.statusCode() + " " + r.body();
    }
  }
}
