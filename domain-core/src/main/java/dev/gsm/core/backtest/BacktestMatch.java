package dev.gsm.core.backtest;

/**
 * One match of a backtest, sides of interned player indices in flat form: side {@code k} is {@code
 * players[sideStart[k] .. sideStart[k+1]-1]}, placed {@code placements[k]} (lower is better, equal
 * is a draw). One-versus-one, teams and free-for-all all fit.
 */
public record BacktestMatch(long epochSecond, int[] players, int[] sideStart, int[] placements) {

  public BacktestMatch {
    int sides = placements.length;
    if (sides < 2) {
      throw new IllegalArgumentException("a match needs at least 2 sides, got " + sides);
    }
    if (sideStart.length != sides + 1 || sideStart[0] != 0 || sideStart[sides] != players.length) {
      throw new IllegalArgumentException("sideStart does not describe " + sides + " sides");
    }
    for (int k = 0; k < sides; k++) {
      if (sideStart[k + 1] <= sideStart[k]) {
        throw new IllegalArgumentException("side " + k + " has no player");
      }
    }
    for (int k = 0; k < sides; k++) {
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        if (players[j] < 0) {
          throw new IllegalArgumentException("negative player index " + players[j]);
        }
        for (int i = sideStart[k]; i < j; i++) {
          if (players[i] == players[j]) {
            throw new IllegalArgumentException("player " + players[j] + " appears twice in a side");
          }
        }
      }
    }
  }

  /**
   * True when some player is on two sides (the ATP file has four such rows, data errors kept by the
   * published protocol): such a match carries no information about skill, so the protocol counts it
   * with a uniform forecast and no forecaster sees it.
   */
  public boolean selfPlay() {
    for (int j = 0; j < players.length; j++) {
      for (int i = 0; i < j; i++) {
        if (players[i] == players[j]) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code winner} beat {@code loser}. */
  public static BacktestMatch oneVsOne(long epochSecond, int winner, int loser) {
    return new BacktestMatch(
        epochSecond, new int[] {winner, loser}, new int[] {0, 1, 2}, new int[] {0, 1});
  }

  /** One array of player indices per side. */
  public static BacktestMatch of(long epochSecond, int[][] sides, int[] placements) {
    if (sides.length != placements.length) {
      throw new IllegalArgumentException(
          sides.length + " sides but " + placements.length + " placements");
    }
    int[] start = new int[sides.length + 1];
    for (int k = 0; k < sides.length; k++) {
      start[k + 1] = start[k] + sides[k].length;
    }
    int[] flat = new int[start[sides.length]];
    for (int k = 0; k < sides.length; k++) {
      System.arraycopy(sides[k], 0, flat, start[k], sides[k].length);
    }
    return new BacktestMatch(epochSecond, flat, start, placements.clone());
  }

  public int sides() {
    return placements.length;
  }

  /** The side that placed strictly first, or -1 when first place is shared (a draw at the top). */
  public int winnerSide() {
    int best = 0;
    boolean shared = false;
    for (int k = 1; k < placements.length; k++) {
      if (placements[k] < placements[best]) {
        best = k;
        shared = false;
      } else if (placements[k] == placements[best]) {
        shared = true;
      }
    }
    return shared ? -1 : best;
  }

  /** Highest player index plus one. */
  public int playerBound() {
    int max = -1;
    for (int p : players) {
      max = Math.max(max, p);
    }
    return max + 1;
  }
}
