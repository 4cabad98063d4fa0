package dev.gsm.core.rating;

import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.util.Comparator;
import java.util.List;

/**
 * Applies {@link MatchEvent}s to a {@link RatingTable}: the adapter between the match schema and
 * the engine's table path, shared by the batch job and every replay of history. Rating time is the
 * match's {@code ended_at} (the result exists from then on); matches are applied in {@link
 * #EVENT_TIME_ORDER}. Unranked and abandoned matches are recorded elsewhere but never rated. Reuses
 * its buffers: one instance per thread.
 */
public final class MatchRater {

  /**
   * The order in which ratings apply matches, everywhere: end time, then match id. Two matches that
   * end in the same second are applied in id order, so the result does not depend on arrival order
   * or partitioning.
   */
  public static final Comparator<MatchEvent> EVENT_TIME_ORDER =
      Comparator.comparing(MatchEvent::endedAt).thenComparing(MatchEvent::matchId);

  private final RatingEngine engine;
  private final RatingTable table;
  private int[] players = new int[16];
  private int[] sideStart = new int[9];
  // The engine reads the number of sides from the placements' length: one buffer per side count.
  private final int[][] placementsBySides = new int[dev.gsm.schema.MatchSchema.MAX_SIDES + 1][];

  public MatchRater(RatingEngine engine, RatingTable table) {
    this.engine = engine;
    this.table = table;
  }

  public RatingTable table() {
    return table;
  }

  /** Rates {@code e} if it is a rated match; returns whether it changed the table. */
  public boolean rate(MatchEvent e) {
    if (!e.rated()) {
      return false;
    }
    List<Side> sides = e.sides();
    int n = e.playerCount();
    if (players.length < n) {
      players = new int[Math.max(n, players.length * 2)];
    }
    int[] placements = placementsBySides[sides.size()];
    if (placements == null) {
      placements = new int[sides.size()];
      placementsBySides[sides.size()] = placements;
    }
    if (sideStart.length < sides.size() + 1) {
      sideStart = new int[sides.size() + 1];
    }
    int j = 0;
    for (int k = 0; k < sides.size(); k++) {
      Side side = sides.get(k);
      sideStart[k] = j;
      placements[k] = side.placement();
      for (PlayerResult p : side.players()) {
        players[j++] = table.intern(p.playerId());
      }
    }
    sideStart[sides.size()] = j;
    engine.rate(table, players, sideStart, placements, e.endedAt().getEpochSecond());
    return true;
  }
}
