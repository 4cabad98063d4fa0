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
 * @param acceptedAt when the ingest API accepted the match; set by the server, {@code null} for
 *     history loaded outside the match log (imports, generated seasons)
 * @param logOffset the match's position in the match log, strictly increasing in order of
 *     acceptance; set by the server, {@code 0} for history loaded outside the log. Batch views are
 *     stamped with the offset they cover up to: their watermark.
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
    boolean ranked,
    Instant acceptedAt,
    long logOffset) {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  /** A match that has not been through the match log (yet): no acceptance time, offset 0. */
  public MatchEvent(
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
    this(
        schemaVersion,
        matchId,
        season,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        sides,
        abandoned,
        ranked,
        null,
        0L);
  }

  /** This match as the match log accepted it at {@code offset}. */
  public MatchEvent accepted(Instant at, long offset) {
    return new MatchEvent(
        schemaVersion,
        matchId,
        season,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        sides,
        abandoned,
        ranked,
        at,
        offset);
  }

  /** This match with other sides; everything else, server-set fields included, is kept. */
  public MatchEvent withSides(List<Side> newSides) {
    return new MatchEvent(
        schemaVersion,
        matchId,
        season,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        newSides,
        abandoned,
        ranked,
        acceptedAt,
        logOffset);
  }

  /** This match under another id; everything else is kept. */
  public MatchEvent withMatchId(String newId) {
    return new MatchEvent(
        schemaVersion,
        newId,
        season,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        sides,
        abandoned,
        ranked,
        acceptedAt,
        logOffset);
  }

  /** This match with other start and end times; everything else is kept. */
  public MatchEvent withTimes(Instant start, Instant end) {
    return new MatchEvent(
        schemaVersion,
        matchId,
        season,
        mode,
        region,
        platform,
        start,
        end,
        sides,
        abandoned,
        ranked,
        acceptedAt,
        logOffset);
  }

  /** This match with other flags; everything else is kept. */
  public MatchEvent withFlags(boolean isAbandoned, boolean isRanked) {
    return new MatchEvent(
        schemaVersion,
        matchId,
        season,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        sides,
        isAbandoned,
        isRanked,
        acceptedAt,
        logOffset);
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
