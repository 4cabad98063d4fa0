package dev.gsm.core.rating;

import java.util.Comparator;

/**
 * The one total rank order of the project: display score descending, then games descending, then
 * player id ascending (String natural order). Every caller (Spark job, Redis score encoding,
 * merges, serving) orders with this class so that ties break the same way everywhere.
 */
public final class RankOrder implements Comparator<RankEntry> {
  public static final RankOrder INSTANCE = new RankOrder();

  private RankOrder() {}

  @Override
  public int compare(RankEntry a, RankEntry b) {
    return compare(
        a.displayScore(), a.games(), a.playerId(), b.displayScore(), b.games(), b.playerId());
  }

  /** Negative when player a ranks above player b. */
  public static int compare(
      double scoreA, long gamesA, String idA, double scoreB, long gamesB, String idB) {
    int c = Double.compare(scoreB, scoreA);
    if (c != 0) {
      return c;
    }
    c = Long.compare(gamesB, gamesA);
    if (c != 0) {
      return c;
    }
    return idA.compareTo(idB);
  }
}
