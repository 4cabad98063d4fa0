package dev.gsm.realtime;

import java.util.Map;

/**
 * A player in a season of the current generation with the player's place on every board the player
 * is on, read in one atomic step: what a player page shows live.
 *
 * @param positions board to place: global, then each mode, then region, then platform
 */
public record PlayerStanding(Stamp stamp, PlayerState state, Map<Board, Position> positions) {

  /**
   * @param rank 0-based rank on the board
   * @param total players on the board
   */
  public record Position(long rank, long total) {}

  public PlayerStanding {
    positions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(positions));
  }
}
