package dev.gsm.serving.stream;

import dev.gsm.realtime.Board;
import dev.gsm.schema.MatchSchema;
import dev.gsm.serving.leaderboard.LeaderboardPage;
import dev.gsm.serving.leaderboard.LeaderboardService;
import dev.gsm.serving.player.PlayerPage;
import dev.gsm.serving.player.PlayerService;
import dev.gsm.serving.system.BadQueryException;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.serving.system.Seasons;
import dev.gsm.serving.system.StoreCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/rankings/stream}: Server-Sent Events of live rank changes. {@code top=N} (with
 * the leaderboard's season and board filters) streams the board's top N; {@code player=<id>}
 * streams that player's page. The first event is the current answer; then one {@code ranks} event
 * each time the answer changes (within a second of the speed layer applying a match). The
 * connection stays open for {@value #TIMEOUT_MINUTES} minutes; clients reconnect (EventSource does
 * so by itself).
 */
@RestController
@Tag(name = "rankings")
class RankStreamController {
  static final long TIMEOUT_MINUTES = 30;

  private final RankStreamHub hub;
  private final LeaderboardService leaderboards;
  private final PlayerService players;
  private final Seasons seasons;
  private final StoreCalls calls;
  private final int maxPageSize;

  RankStreamController(
      RankStreamHub hub,
      LeaderboardService leaderboards,
      PlayerService players,
      Seasons seasons,
      StoreCalls calls,
      GsmProperties props) {
    this.hub = hub;
    this.leaderboards = leaderboards;
    this.players = players;
    this.seasons = seasons;
    this.calls = calls;
    this.maxPageSize = props.rankings().maxPageSize();
  }

  @GetMapping(path = "/api/v1/rankings/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  @Operation(
      summary = "Live rank changes (Server-Sent Events)",
      description =
          "Either top=N (1..max-page-size) with optional season/mode/region/platform: events carry"
              + " the board's top N as a leaderboard page; or player=<id>: events carry the"
              + " player's page. Event name 'ranks', data JSON. The first event is sent at once,"
              + " then one per change, within a second of the speed layer applying a match.")
  Flux<ServerSentEvent<Object>> stream(
      @RequestParam(required = false) @Min(1) Integer top,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.ID_REGEX) String player,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.SEASON_REGEX) String season,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String mode,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String region,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String platform) {
    if ((top == null) == (player == null)) {
      throw new BadQueryException("top", "subscribe to exactly one of top=N or player=<id>");
    }
    String s = seasons.resolve(season);
    Duration lifetime = Duration.ofMinutes(TIMEOUT_MINUTES);
    if (player != null) {
      // 404 before the stream opens: the first read fails before any event is written
      return calls
          .call(() -> players.page(s, player))
          .flatMapMany(
              first ->
                  hub.subscribe(
                      () -> players.page(s, player), p -> ((PlayerPage) p).boards(), lifetime));
    }
    if (top > maxPageSize) {
      throw new BadQueryException("top", "top " + top + " is above the maximum " + maxPageSize);
    }
    Board board =
        mode != null
            ? Board.mode(mode)
            : region != null
                ? Board.region(region)
                : platform != null ? Board.platform(platform) : Board.global();
    return hub.subscribe(
        () -> leaderboards.page(s, board, null, 0, top),
        p -> ((LeaderboardPage) p).rows(),
        lifetime);
  }
}
