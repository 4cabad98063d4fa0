package dev.gsm.schema;

import java.time.Instant;
import java.util.List;

/**
 * A finished match, as a game server reports it. The {@code matchId} is the idempotency key
 * everywhere: the ingest endpoint, the match log, the master dataset and the batch all drop a
 * second event with the same id.
 *
 * <p>The field list is the one source of truth for every other form of the schema: {@link
 * MatchSchema} describes these components field by field, and a test checks that the two agree.
 *
 * @param schemaVersion version of the schema the event was written with (see SCHEMA_EVOLUTION.md)
 * @param sides two or more sides; a side is one player or a team. Equal placements are a draw.
 * @param abandoned the match ended early (a player left); recorded, never rated
 * @param ranked an unranked (casual) match is recorded but never rated
 */
public record MatchEvent(
    int schemaVersion,
    String matchId,
    String season,
    String mode,
    String region,
    String platform,
    Instant startedAt,
    Instant endedAt,
    List<Side> sides,
    boolean abandoned,
    boolean ranked) {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public MatchEvent {
    sides = sides == null ? null : List.copyOf(sides);
  }

  /** Whether this match changes ratings: ranked and played to the end. */
  public boolean rated() {
    return ranked && !abandoned;
  }

  /** The number of player appearances over all sides. */
  public int playerCount() {
    int n = 0;
    for (Side side : sides) {
      n += side.players().size();
    }
    return n;
  }
}
