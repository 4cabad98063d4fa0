package dev.gsm.core.rating;

import java.util.Comparator;

/**
 * The one total rank order of the project: display score descending (at {@link
 * RankKey#RESOLUTION}), then games descending, then player id ascending (String natural order).
 * Every caller (Spark job, Redis score encoding, merges, serving) orders with this class or with
 * {@link RankKey}, which packs the first two criteria, so that ties break the same way everywhere.
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
    return compare(RankKey.of(scoreA, gamesA), idA, RankKey.of(scoreB, gamesB), idB);
  }

  /** Negative when the player with key a and id a ranks above the other. */
  public static int compare(long keyA, String idA, long keyB, String idB) {
    int c = Long.compare(keyB, keyA);
    return c != 0 ? c : idA.compareTo(idB);
  }
}
