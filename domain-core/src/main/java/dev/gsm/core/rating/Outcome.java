package dev.gsm.core.rating;

/** What one side got out of a match, for the win/loss/draw counters. */
public enum Outcome {
  /** Placed strictly ahead of every other side. */
  WIN,
  /** Shared the best placement with at least one other side. */
  DRAW,
  /** Some other side placed ahead. */
  LOSS;

  /** The outcome of side {@code side} given every side's placement (lower is better). */
  public static Outcome of(int[] placements, int side) {
    int mine = placements[side];
    boolean tied = false;
    for (int s = 0; s < placements.length; s++) {
      if (s == side) {
        continue;
      }
      if (placements[s] < mine) {
        return LOSS;
      }
      if (placements[s] == mine) {
        tied = true;
      }
    }
    return tied ? DRAW : WIN;
  }
}
