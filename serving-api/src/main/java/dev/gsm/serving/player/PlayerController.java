package dev.gsm.serving.player;

import dev.gsm.schema.MatchSchema;
import dev.gsm.serving.system.Seasons;
import dev.gsm.serving.system.StoreCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/rankings/player/{player_id}}: a player's page for a season. */
@RestController
@Tag(name = "rankings")
class PlayerController {
  private final PlayerService service;
  private final Seasons seasons;
  private final StoreCalls calls;

  PlayerController(PlayerService service, Seasons seasons, StoreCalls calls) {
    this.service = service;
    this.seasons = seasons;
    this.calls = calls;
  }

  @GetMapping("/api/v1/rankings/player/{player_id}")
  @Operation(
      summary = "A player's page",
      description =
          "Rating, rank, percentile and league on every board the player is on (live for the"
              + " current season), record and stats, the season's daily rank history, recent"
              + " form and activity, and the batch's insights when present. 404 for a player"
              + " without a rated match in the season; 400 for an id outside the schema's pattern.")
  Mono<PlayerPage> player(
      @Parameter(description = "the player's id, " + MatchSchema.ID_REGEX)
          @PathVariable("player_id")
          @Pattern(regexp = MatchSchema.ID_REGEX)
          String playerId,
      @Parameter(description = "season, e.g. 2026-S4; default: the current season")
          @RequestParam(required = false)
          @Pattern(regexp = MatchSchema.SEASON_REGEX)
          String season) {
    String s = seasons.resolve(season);
    return calls.call(() -> service.page(s, playerId));
  }
}
