package dev.gsm.schema;

import java.util.List;

/**
 * One side of a match: a single player (one-versus-one, free-for-all) or a team.
 *
 * @param sideId the side's label within the match (team name or slot), unique per match
 * @param placement 1 is best; sides with equal placement drew with each other
 * @param players the side's players with their per-player statistics
 */
public record Side(String sideId, int placement, List<PlayerResult> players) {
  public Side {
    players = players == null ? null : List.copyOf(players);
  }
}
