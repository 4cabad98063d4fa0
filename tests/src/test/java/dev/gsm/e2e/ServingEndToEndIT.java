package dev.gsm.e2e;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gsm.orchestration.publish.LeaderboardRow;
import dev.gsm.orchestration.publish.ViewVersion;
import dev.gsm.spark.SharedSparkSession;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The serving API end to end, through HTTP: two generated seasons (2026-S2 archived, 2026-S3
 * current), the nightly batch and the publish job, the speed layer taking over, live matches
 * through {@code POST /api/v1/matches}, a second batch and the hand-over. At every stage the
 * leaderboard and player answers are compared with a full batch recompute over every accepted
 * match; the steps run in order and share the stack.
 */
@ExtendWith({RedisExtension.class, DynamoDbLocalExtension.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingEndToEndIT extends SharedSparkSession {
  static final String PAST = "2026-S2";
  static final String CURRENT = "2026-S3";
  static final int LIVE_MATCHES = 30;

  Stack stack;
  ViewVersion past;
  ViewVersion first;
  ViewVersion recompute;
  final List<String> streamEvents = new CopyOnWriteArrayList<>();
  // players whose rating starts live from last season's soft reset (liveMatches)
  final List<String> seasonStarters = new ArrayList<>();
  // this season's players who play live outside their primary region (liveMatches)
  final List<String> travellers = new ArrayList<>();

  @BeforeAll
  void start(RedisEndpoint redis, DynamoDbEndpoint dynamo, @TempDir Path root) throws Exception {
    stack = new Stack(root, redis, dynamo, "e2e-" + Long.toHexString(System.nanoTime()));
    stack.generate(PAST, 11, 500, 2_000);
    stack.generate(CURRENT, 12, 500, 3_000);
    past = stack.batch(spark, PAST);
    stack.publish(past);
    first = stack.batch(spark, CURRENT);
    stack.publish(first);
    stack.startSpeedLayer();
    stack.awaitApplied(first.version());
    stack.startServing(CURRENT);
  }

  @AfterAll
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  // ---------------------------------------------------------------------------------- steps

  @Test
  @Order(1)
  void leaderboardIsThePublishedViewPagedByCursorToTheEnd() throws IOException {
    List<LeaderboardRow> expected = stack.board(first, "global");
    List<JsonNode> rows = new ArrayList<>();
    JsonNode page = stack.json("/api/v1/rankings/global?limit=200", 200);
    int pages = 1;
    rows.addAll(list(page.get("rows")));
    while (page.hasNonNull("next_cursor")) {
      page = stack.json("/api/v1/rankings/global?cursor=" + page.get("next_cursor").asText(), 200);
      rows.addAll(list(page.get("rows")));
      pages++;
    }
    assertThat(pages).isEqualTo((expected.size() + 199) / 200);
    assertRows(rows, expected);
    JsonNode f = page.get("freshness");
    assertThat(f.get("source").asText()).isEqualTo("realtime");
    assertThat(f.get("batch_version").asText()).isEqualTo(first.version());
    assertThat(f.get("batch_watermark").asLong()).isEqualTo(first.watermarkOffset());
    assertThat(f.get("batch_only").asBoolean()).isFalse();
    assertThat(f.get("speed_lag_entries").asLong()).isZero();
  }

  @Test
  @Order(2)
  void offsetPagesAndEveryFilterEqualTheirBatchBoards() throws IOException {
    List<LeaderboardRow> global = stack.board(first, "global");
    JsonNode page = stack.json("/api/v1/rankings/global?offset=20&limit=15", 200);
    assertThat(page.get("total").asLong()).isEqualTo(global.size());
    assertRows(list(page.get("rows")), global.subList(20, 35));

    LeaderboardRow anyone = global.get(0);
    Map<String, String> filters = new LinkedHashMap<>();
    filters.put("mode=duel", "mode:duel");
    filters.put("region=" + anyone.primaryRegion(), "region:" + anyone.primaryRegion());
    filters.put("platform=" + anyone.primaryPlatform(), "platform:" + anyone.primaryPlatform());
    for (Map.Entry<String, String> f : filters.entrySet()) {
      List<LeaderboardRow> expected = stack.board(first, f.getValue());
      assertThat(expected).as(f.getValue()).isNotEmpty();
      JsonNode p = stack.json("/api/v1/rankings/global?limit=200&" + f.getKey(), 200);
      assertThat(p.get("board").asText()).isEqualTo(f.getValue());
      assertThat(p.get("total").asLong()).isEqualTo(expected.size());
      assertRows(list(p.get("rows")), expected.subList(0, Math.min(200, expected.size())));
    }

    // a league is the window of the board the batch labelled with it
    List<LeaderboardRow> gold = global.stream().filter(r -> r.league().equals("gold")).toList();
    JsonNode g = stack.json("/api/v1/rankings/global?league=gold&limit=200", 200);
    assertThat(g.get("total").asLong()).isEqualTo(gold.size());
    assertRows(list(g.get("rows")), gold.subList(0, Math.min(200, gold.size())));
  }

  @Test
  @Order(3)
  void aroundMeIsTheWindowCentredOnThePlayer() throws IOException {
    List<LeaderboardRow> global = stack.board(first, "global");
    LeaderboardRow me = global.get(56); // rank 57
    JsonNode p = stack.json("/api/v1/rankings/global?limit=11&around=" + me.playerId(), 200);
    assertRows(list(p.get("rows")), global.subList(51, 62));
    JsonNode top =
        stack.json("/api/v1/rankings/global?limit=11&around=" + global.get(1).playerId(), 200);
    assertRows(list(top.get("rows")), global.subList(0, 7)); // clipped at the top
  }

  @Test
  @Order(4)
  void playerPageListsEveryBoardWithTheBatchDetails() throws IOException {
    LeaderboardRow me = stack.board(first, "mode:duel").get(3);
    JsonNode page = stack.json("/api/v1/rankings/player/" + me.playerId(), 200);
    assertThat(page.get("season").asText()).isEqualTo(CURRENT);
    assertThat(page.get("details").asText()).isEqualTo("complete");
    Map<String, JsonNode> boards = new LinkedHashMap<>();
    for (JsonNode b : page.get("boards")) {
      boards.put(b.get("board").asText(), b);
    }
    assertThat(boards.keySet().iterator().next()).isEqualTo("global");
    assertThat(boards).containsKeys("global", "mode:duel");
    for (String board : boards.keySet()) {
      LeaderboardRow expected =
          stack.board(first, board).stream()
              .filter(r -> r.playerId().equals(me.playerId()))
              .findFirst()
              .orElseThrow();
      assertRows(List.of(boards.get(board).get("row")), List.of(expected));
      assertThat(boards.get(board).get("total").asLong())
          .isEqualTo(stack.board(first, board).size());
    }
    LeaderboardRow global =
        stack.board(first, "global").stream()
            .filter(r -> r.playerId().equals(me.playerId()))
            .findFirst()
            .orElseThrow();
    assertThat(page.get("league").asText()).isEqualTo(global.league());
    assertThat(page.get("stats").get("games").asInt()).isEqualTo(global.games());
    assertThat(page.get("performance").get("recent_form").asText()).isNotEmpty();
    JsonNode history = page.get("rank_history").get("global");
    assertThat(history).isNotNull();
    assertThat(history.size()).isPositive();
    assertThat(history.get(history.size() - 1).get("rank").asLong()).isEqualTo(global.rank());
  }

  @Test
  @Order(5)
  void badRequestsAreProblemDetails() throws IOException {
    JsonNode unknown = stack.json("/api/v1/rankings/player/nobody-here", 404);
    assertThat(unknown.get("type").asText()).endsWith("/player-not-found");
    assertThat(unknown.get("status").asInt()).isEqualTo(404);
    JsonNode malformed =
        stack.json(
            "/api/v1/rankings/player/" + URLEncoder.encode("bad id!", StandardCharsets.UTF_8), 400);
    assertThat(malformed.get("status").asInt()).isEqualTo(400);
    assertThat(stack.json("/api/v1/rankings/global?limit=201", 400).get("detail").asText())
        .contains("200");
    stack.json("/api/v1/rankings/global?cursor=bm90LWEtY3Vyc29y", 400);
    stack.json("/api/v1/rankings/global?league=wood", 400);
    stack.json("/api/v1/rankings/global?mode=duel&region=eu", 400);
    stack.json("/api/v1/rankings/global?season=2019-S1", 404);
  }

  @Test
  @Order(6)
  void pastSeasonsComeFromTheirArchivedViews() throws IOException {
    List<LeaderboardRow> expected = stack.board(past, "global");
    JsonNode page = stack.json("/api/v1/rankings/global?season=" + PAST + "&limit=200", 200);
    assertThat(page.get("total").asLong()).isEqualTo(expected.size());
    assertRows(list(page.get("rows")), expected.subList(0, 200));
    JsonNode next =
        stack.json("/api/v1/rankings/global?cursor=" + page.get("next_cursor").asText(), 200);
    assertRows(list(next.get("rows")), expected.subList(200, Math.min(400, expected.size())));
    assertThat(page.get("freshness").get("source").asText()).isEqualTo("batch_view");
    assertThat(page.get("freshness").get("batch_version").asText()).isEqualTo(past.version());

    List<LeaderboardRow> duel = stack.board(past, "mode:duel");
    JsonNode d = stack.json("/api/v1/rankings/global?season=" + PAST + "&mode=duel&limit=50", 200);
    assertRows(list(d.get("rows")), duel.subList(0, 50));
    LeaderboardRow me = expected.get(40);
    JsonNode around =
        stack.json(
            "/api/v1/rankings/global?season=" + PAST + "&limit=5&around=" + me.playerId(), 200);
    assertRows(list(around.get("rows")), expected.subList(38, 43));
    JsonNode player =
        stack.json("/api/v1/rankings/player/" + me.playerId() + "?season=" + PAST, 200);
    assertRows(List.of(player.get("global")), List.of(me));
  }

  @Test
  @Order(7)
  void liveMatchesMergeExactlyLikeAFullRecompute() throws Exception {
    List<LeaderboardRow> global = stack.board(first, "global");
    // A subscriber of the top 5 sees the changes as they are applied.
    HttpResponse<Stream<String>> sse =
        stack.http.send(
            HttpRequest.newBuilder(stack.uri("/api/v1/rankings/stream?top=5")).build(),
            HttpResponse.BodyHandlers.ofLines());
    assertThat(sse.statusCode()).isEqualTo(200);
    Thread reader =
        new Thread(
            () -> sse.body().filter(l -> l.startsWith("data:")).forEach(streamEvents::add),
            "e2e-sse");
    reader.setDaemon(true);
    reader.start();
    Stack.await("the first stream event", () -> !streamEvents.isEmpty());

    List<String> matches = liveMatches(first, LIVE_MATCHES, "live", true);
    stack.post("/api/v1/matches", "[" + String.join(",", matches) + "]");
    stack.awaitApplied(first.version());
    Stack.await("a stream event after the live matches", () -> streamEvents.size() >= 2);

    stack.awaitArchived();
    recompute = stack.batch(spark, CURRENT); // every accepted match, not yet published
    assertThat(recompute.watermarkOffset()).isEqualTo(stack.log.head());
    assertServedEquals(recompute, first.version());
    // wherever they rank: every board row of the players whose season (or duel) started live, and
    // of the two who played outside their primary region
    assertThat(seasonStarters).hasSizeGreaterThanOrEqualTo(3);
    for (String id : travellers) {
      assertPageEquals(stack.json("/api/v1/rankings/player/" + id, 200), id);
    }
    for (String id : seasonStarters) {
      JsonNode page = stack.json("/api/v1/rankings/player/" + id, 200);
      assertPageEquals(page, id);
      JsonNode duel = null;
      for (JsonNode b : page.get("boards")) {
        duel = b.get("board").asText().equals("mode:duel") ? b : duel;
      }
      // last season's duels are not this season's: the one live duel is the record
      assertThat(duel).as(id).isNotNull();
      assertThat(duel.get("row").get("games").asInt()).as(id).isEqualTo(1);
      // the page's stats count the live games too, whether or not the batch view had the player
      assertThat(page.get("stats").get("games").asInt())
          .as(id)
          .isEqualTo(page.get("global").get("games").asInt());
    }
  }

  @Test
  @Order(8)
  void afterTheHandOverTheServedViewIsTheNewBatch() throws IOException {
    stack.publish(recompute);
    stack.awaitApplied(recompute.version());
    assertServedEquals(recompute, recompute.version());
    JsonNode f = stack.json("/api/v1/rankings/global?limit=1", 200).get("freshness");
    assertThat(f.get("batch_watermark").asLong()).isEqualTo(recompute.watermarkOffset());
    assertThat(f.get("applied_through").asLong()).isEqualTo(recompute.watermarkOffset());
  }

  @Test
  @Order(9)
  void withTheSpeedLayerDownAnswersComeFromTheBatchViewAndSaySo() throws Exception {
    stack.stopSpeedLayer();
    List<String> more = liveMatches(recompute, 3, "late", false);
    stack.post("/api/v1/matches", "[" + String.join(",", more) + "]");
    Thread.sleep(1_500); // beyond gsm.rankings.speed-stale-after (1 s in this stack)
    JsonNode page = stack.json("/api/v1/rankings/global?limit=200", 200);
    JsonNode f = page.get("freshness");
    assertThat(f.get("batch_only").asBoolean()).isTrue();
    assertThat(f.get("speed_layer").asText()).isEqualTo("stale");
    assertThat(f.get("speed_lag_entries").asLong()).isEqualTo(3);
    assertThat(f.get("speed_lag_seconds").asDouble()).isGreaterThan(1.0);
    assertRows(list(page.get("rows")), stack.board(recompute, "global").subList(0, 200));
  }

  @Test
  @Order(10)
  void theApiDescribesItselfAndReportsItsHealthAndLatencies() throws IOException {
    JsonNode doc = stack.json("/v3/api-docs", 200);
    assertThat(doc.get("openapi").asText()).startsWith("3.");
    assertThat(doc.get("paths").has("/api/v1/rankings/global")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/rankings/player/{player_id}")).isTrue();
    assertThat(doc.get("paths").has("/api/v1/rankings/stream")).isTrue();
    assertThat(stack.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);

    JsonNode ready = stack.json("/actuator/health/readiness", 200);
    assertThat(ready.get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("components").get("redis").get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("components").get("dynamoDb").get("status").asText()).isEqualTo("UP");
    assertThat(ready.get("components").get("batchView").get("details").get("version").asText())
        .isEqualTo(recompute.version());

    String metrics = stack.get("/actuator/prometheus").body();
    assertThat(metrics)
        .containsPattern(
            "http_server_requests_seconds\\{[^}]*uri=\"/api/v1/rankings/global\",quantile=\"0.99\"")
        .containsPattern(
            "http_server_requests_seconds\\{[^}]*uri=\"/api/v1/rankings/player/\\{player_id\\}\",quantile=\"0.99\"");
    // what dashboards/ (alert rules, Grafana) reads from the serving API ("up" is Prometheus' own)
    assertThat(metrics).containsPattern("gsm_batch_view_age_seconds [0-9]");
    for (String name : DashboardsTest.SERVING_API_METRICS) {
      if (!name.equals("up")) {
        assertThat(metrics).as(name).containsPattern("(?m)^" + name + "[{ ]");
      }
    }
  }

  // ---------------------------------------------------------------------------------- helpers

  /**
   * Duels that each end after every generated match, in event order (as the exactness contract
   * between batches requires): between neighbours of the global board that share a primary region
   * and platform (so that the region a match sets is the one the batch's primary-region rule gives)
   * and already have a duel rating this season; with {@code withSeasonStarts}, also players whose
   * rating starts live from last season's soft reset: who played duels last season and no match yet
   * this season (their first match of the season), and two of this season's players who played
   * duels last season but none yet this season (their first duel of the season). Those check that a
   * season's record counts from zero in the speed layer as in the batch.
   */
  List<String> liveMatches(ViewVersion view, int count, String tag, boolean withSeasonStarts) {
    List<LeaderboardRow> duels = stack.board(view, "mode:duel");
    Set<String> duelists = duels.stream().map(LeaderboardRow::playerId).collect(toSet());
    List<LeaderboardRow> all = stack.board(view, "global");
    Set<String> seasonPlayers = all.stream().map(LeaderboardRow::playerId).collect(toSet());
    List<LeaderboardRow> board = all.stream().filter(r -> duelists.contains(r.playerId())).toList();
    long last = all.stream().mapToLong(LeaderboardRow::lastPlayedEpochSecond).max().orElseThrow();
    List<LeaderboardRow[]> pairs = new ArrayList<>(neighbours(board, count));
    assertThat(pairs).hasSizeGreaterThanOrEqualTo(count);
    pairs = new ArrayList<>(pairs.subList(0, count));
    if (withSeasonStarts) {
      Set<String> pastDuelists =
          stack.board(past, "mode:duel").stream().map(LeaderboardRow::playerId).collect(toSet());
      List<LeaderboardRow> returning =
          stack.board(past, "global").stream()
              .filter(r -> pastDuelists.contains(r.playerId()))
              .filter(r -> !seasonPlayers.contains(r.playerId()))
              .toList();
      assertThat(returning).as("last season's duelists with no match this season").isNotEmpty();
      // against another of them, or against a duelist of this season (whose primary region and
      // platform the match then takes: the first player's)
      LeaderboardRow[] back =
          returning.size() > 1
              ? new LeaderboardRow[] {returning.get(0), returning.get(1)}
              : new LeaderboardRow[] {board.get(board.size() - 1), returning.get(0)};
      pairs.add(back);
      List<LeaderboardRow> newToDuel =
          all.stream()
              .filter(r -> !duelists.contains(r.playerId()))
              .filter(r -> pastDuelists.contains(r.playerId()))
              .toList();
      List<LeaderboardRow[]> firstDuels = neighbours(newToDuel, 1);
      assertThat(firstDuels).as("this season's players whose first duel comes live").isNotEmpty();
      pairs.add(firstDuels.get(0));
      // two duelists of different primary regions, the match in the first one's: the second
      // (the duelist with the most games, so one match cannot change his primary region) stays on
      // his primary region's board, where the speed layer once moved him to the match's
      LeaderboardRow away =
          board.stream()
              .max(java.util.Comparator.comparingInt(LeaderboardRow::games))
              .orElseThrow();
      LeaderboardRow host =
          board.stream()
              .filter(r -> !r.primaryRegion().equals(away.primaryRegion()))
              .findFirst()
              .orElseThrow();
      assertThat(away.regionMatches().get(away.primaryRegion()))
          .isGreaterThan(away.regionMatches().getOrDefault(host.primaryRegion(), 0) + 1);
      pairs.add(new LeaderboardRow[] {host, away});
      travellers.add(host.playerId());
      travellers.add(away.playerId());
      Stream.of(back, firstDuels.get(0))
          .flatMap(java.util.Arrays::stream)
          .map(LeaderboardRow::playerId)
          .filter(id -> !duelists.contains(id))
          .forEach(seasonStarters::add);
    }
    long head = stack.log.head();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      LeaderboardRow a = pairs.get(i)[0];
      LeaderboardRow b = pairs.get(i)[1];
      Instant end = Instant.ofEpochSecond(last + head + 1 + i);
      assertThat(stack.calendar.seasonOf(end)).isEqualTo(CURRENT);
      String winner = i % 3 == 0 ? b.playerId() : a.playerId();
      String loser = winner.equals(a.playerId()) ? b.playerId() : a.playerId();
      out.add(
          """
          {"schema_version": 1, "match_id": "%s-%d-%d", "season": "%s", "mode": "duel",
           "region": "%s", "platform": "%s", "started_at": "%s", "ended_at": "%s",
           "sides": [
             {"side_id": "a", "placement": 1, "players": [{"player_id": "%s"}]},
             {"side_id": "b", "placement": 2, "players": [{"player_id": "%s"}]}]}
          """
              .formatted(
                  tag,
                  head,
                  i,
                  CURRENT,
                  a.primaryRegion(),
                  a.primaryPlatform(),
                  end.minusSeconds(600),
                  end,
                  winner,
                  loser));
    }
    return out;
  }

  /** Up to {@code count} pairs of board neighbours with the same primary region and platform. */
  static List<LeaderboardRow[]> neighbours(List<LeaderboardRow> board, int count) {
    Map<String, List<LeaderboardRow>> byPlace = new LinkedHashMap<>();
    for (LeaderboardRow r : board) {
      byPlace
          .computeIfAbsent(r.primaryRegion() + "/" + r.primaryPlatform(), k -> new ArrayList<>())
          .add(r);
    }
    List<LeaderboardRow[]> pairs = new ArrayList<>();
    for (List<LeaderboardRow> group : byPlace.values()) {
      for (int i = 0; i + 1 < group.size() && pairs.size() < count; i += 2) {
        pairs.add(new LeaderboardRow[] {group.get(i), group.get(i + 1)});
      }
    }
    return pairs;
  }

  /** Every board row on a player's page (and so the boards it lists) equals the recompute's. */
  void assertPageEquals(JsonNode page, String id) {
    List<String> served = new ArrayList<>();
    for (JsonNode b : page.get("boards")) {
      String board = b.get("board").asText();
      served.add(board);
      List<LeaderboardRow> expected = stack.board(recompute, board);
      assertRows(
          List.of(b.get("row")), expected.stream().filter(r -> r.playerId().equals(id)).toList());
      assertThat(b.get("total").asLong()).as(board).isEqualTo(expected.size());
    }
    assertThat(served).as(id).contains("global");
    assertThat(served.stream().filter(b -> b.startsWith("region:"))).as(id).hasSize(1);
    assertThat(served.stream().filter(b -> b.startsWith("platform:"))).as(id).hasSize(1);
  }

  /** The served global, duel and region boards and a player page equal the recompute's. */
  void assertServedEquals(ViewVersion expected, String servedVersion) throws IOException {
    List<LeaderboardRow> global = stack.board(expected, "global");
    JsonNode page = stack.json("/api/v1/rankings/global?limit=200", 200);
    assertThat(page.get("freshness").get("batch_version").asText()).isEqualTo(servedVersion);
    assertThat(page.get("total").asLong()).isEqualTo(global.size());
    assertRows(list(page.get("rows")), global.subList(0, 200));
    List<LeaderboardRow> duel = stack.board(expected, "mode:duel");
    assertRows(
        list(stack.json("/api/v1/rankings/global?mode=duel&limit=200", 200).get("rows")),
        duel.subList(0, Math.min(200, duel.size())));
    String region = global.get(0).primaryRegion();
    List<LeaderboardRow> byRegion = stack.board(expected, "region:" + region);
    assertRows(
        list(
            stack.json("/api/v1/rankings/global?region=" + region + "&limit=200", 200).get("rows")),
        byRegion.subList(0, Math.min(200, byRegion.size())));
    LeaderboardRow me = global.get(10);
    JsonNode player = stack.json("/api/v1/rankings/player/" + me.playerId(), 200);
    assertRows(List.of(player.get("global")), List.of(me));
  }

  static List<JsonNode> list(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** Field by field, exactly: the served rows are the batch's numbers, not approximations. */
  static void assertRows(List<JsonNode> actual, List<LeaderboardRow> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    Map<String, LeaderboardRow> byId = new LinkedHashMap<>();
    expected.forEach(e -> byId.put(e.playerId(), e));
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < actual.size() && differences.size() < 8; i++) {
      JsonNode a = actual.get(i);
      LeaderboardRow e = byId.get(a.get("player_id").asText());
      if (e == null) {
        differences.add("served " + a + " is not in the expected rows");
      } else if (a.get("rating").asDouble() != e.mu()
          || a.get("uncertainty").asDouble() != e.sigma()
          || a.get("games").asInt() != e.games()
          || a.get("rank").asLong() != e.rank()) {
        differences.add("served " + a + " expected " + e);
      }
    }
    assertThat(differences).as("rows that differ from the recompute").isEmpty();
    for (int i = 0; i < expected.size(); i++) {
      JsonNode a = actual.get(i);
      LeaderboardRow e = expected.get(i);
      String at = "row " + i + " " + a;
      assertThat(a.get("player_id").asText()).as(at).isEqualTo(e.playerId());
      assertThat(a.get("rank").asLong()).as(at).isEqualTo(e.rank());
      assertThat(a.get("rating").asDouble()).as(at).isEqualTo(e.mu());
      assertThat(a.get("uncertainty").asDouble()).as(at).isEqualTo(e.sigma());
      assertThat(a.get("display_score").asDouble()).as(at).isEqualTo(e.displayScore());
      assertThat(a.get("percentile").asDouble()).as(at).isEqualTo(e.percentile());
      assertThat(a.get("league").asText()).as(at).isEqualTo(e.league());
      assertThat(a.get("games").asInt()).as(at).isEqualTo(e.games());
      assertThat(a.get("record").get("wins").asInt()).as(at).isEqualTo(e.wins());
      assertThat(a.get("record").get("losses").asInt()).as(at).isEqualTo(e.losses());
      assertThat(a.get("record").get("draws").asInt()).as(at).isEqualTo(e.draws());
    }
  }
}
