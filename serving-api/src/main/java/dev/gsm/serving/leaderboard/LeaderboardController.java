package dev.gsm.serving.leaderboard;

import dev.gsm.realtime.Board;
import dev.gsm.schema.MatchSchema;
import dev.gsm.serving.system.BadQueryException;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.serving.system.Seasons;
import dev.gsm.serving.system.StoreCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/rankings/global}: a page of a season's leaderboard, global or filtered by
 * mode, region or platform, optionally restricted to a league; by offset, by cursor, or around a
 * player.
 */
@RestController
@Tag(name = "rankings")
class LeaderboardController {
  private final LeaderboardService service;
  private final Seasons seasons;
  private final StoreCalls calls;
  private final int defaultPageSize;
  private final int maxPageSize;

  LeaderboardController(
      LeaderboardService service, Seasons seasons, StoreCalls calls, GsmProperties props) {
    this.service = service;
    this.seasons = seasons;
    this.calls = calls;
    this.defaultPageSize = props.rankings().defaultPageSize();
    this.maxPageSize = props.rankings().maxPageSize();
  }

  @GetMapping("/api/v1/rankings/global")
  @Operation(
      summary = "A page of a season's leaderboard",
      description =
          "The current season merges the published batch view with the speed layer's live"
              + " matches; past seasons come from their archived batch views. Filters: one of"
              + " mode, region, platform (else the global board), and a league (a window of that"
              + " board's ranks). Paging: offset + limit, or the opaque next_cursor of the previous"
              + " page, or around=<player_id> for the window centred on a player. limit is at most"
              + " gsm.rankings.max-page-size (200 by default): a larger one is a 400. Every answer"
              + " carries its freshness (batch version and watermark, speed-layer lag, batch_only)."
              + " The same request within gsm.rankings.live-max-age (100 ms by default) gets the"
              + " same answer, freshness.as_of included.")
  Mono<LeaderboardPage> global(
      @Parameter(description = "season, e.g. 2026-S4; default: the current season")
          @RequestParam(required = false)
          @Pattern(regexp = MatchSchema.SEASON_REGEX)
          String season,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String mode,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String region,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String platform,
      @RequestParam(required = false) @Pattern(regexp = MatchSchema.CODE_REGEX) String league,
      @RequestParam(required = false) @Min(0) Long offset,
      @Parameter(description = "rows per page, 1..max-page-size (200)")
          @RequestParam(required = false)
          @Min(1)
          Integer limit,
      @Parameter(description = "next_cursor of the previous page (names season, board, league)")
          @RequestParam(required = false)
          String cursor,
      @Parameter(description = "a player id: the page centred on that player")
          @RequestParam(required = false)
          @Pattern(regexp = MatchSchema.ID_REGEX)
          String around) {
    int size = limit == null ? defaultPageSize : limit;
    if (size > maxPageSize) {
      throw new BadQueryException(
          "limit", "limit " + size + " is above the maximum page size " + maxPageSize);
    }
    if (cursor != null) {
      if (offset != null || around != null) {
        throw new BadQueryException("cursor", "a cursor pages on its own: no offset or around");
      }
      Cursor c = Cursor.decode(cursor);
      Board board;
      try {
        board = Board.parse(c.board());
      } catch (IllegalArgumentException e) {
        throw new BadQueryException("cursor", "not a cursor of this API: " + e.getMessage());
      }
      int pageSize = limit == null ? c.limit() : size;
      return calls.call(() -> service.page(c.season(), board, c.league(), c.offset(), pageSize));
    }
    Board board = board(mode, region, platform);
    String s = seasons.resolve(season);
    if (around != null) {
      if (offset != null) {
        throw new BadQueryException("around", "around and offset exclude each other");
      }
      return calls.call(() -> service.around(s, board, league, around, size));
    }
    long from = offset == null ? 0 : offset;
    return calls.call(() -> service.page(s, board, league, from, size));
  }

  private static Board board(String mode, String region, String platform) {
    int filters = (mode != null ? 1 : 0) + (region != null ? 1 : 0) + (platform != null ? 1 : 0);
    if (filters > 1) {
      throw new BadQueryException(
          "mode", "one board at a time: at most one of mode, region, platform");
    }
    if (mode != null) {
      return Board.mode(mode);
    }
    if (region != null) {
      return Board.region(region);
    }
    return platform != null ? Board.platform(platform) : Board.global();
  }
}
