package dev.gsm.core.rating;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ratings of a whole population in parallel primitive arrays, players interned to dense int indices
 * in order of first appearance (so the same input gives the same indices). The batch job and the
 * backtest rate matches directly on it through {@link RatingEngine#rate(RatingTable, int[], int[],
 * int[], long)} without allocating. Not thread-safe.
 */
public final class RatingTable {
  private final RatingParameters params;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  // Interleaved per player so that one rated player touches three cache lines, not seven:
  // {mu, sigma}, {lastActive, games}, {wins, losses, draws}. Measured: random access over 100k
  // players is what bounds the update rate (see RATING.md).
  private double[] muSigma;
  private long[] lastGames;
  private int[] counters;
  private int size;

  public RatingTable(RatingParameters params, int initialCapacity) {
    this.params = params;
    int cap = Math.max(initialCapacity, 16);
    muSigma = new double[2 * cap];
    lastGames = new long[2 * cap];
    counters = new int[3 * cap];
  }

  // Unchecked accessors of the hot path (callers validate indices once per match).
  double muAt(int i) {
    return muSigma[2 * i];
  }

  double sigmaAt(int i) {
    return muSigma[2 * i + 1];
  }

  long lastActiveAt(int i) {
    return lastGames[2 * i];
  }

  int gamesAt(int i) {
    return (int) lastGames[2 * i + 1];
  }

  void setMuSigma(int i, double mu, double sigma) {
    muSigma[2 * i] = mu;
    muSigma[2 * i + 1] = sigma;
  }

  void setLastActive(int i, long epochSecond) {
    lastGames[2 * i] = epochSecond;
  }

  /** Records one more match of player i with the given outcome, at {@code epochSecond}. */
  void recordMatch(int i, long epochSecond, Outcome outcome) {
    lastGames[2 * i] =
        RatingKernel.lastActiveAfter(lastGames[2 * i], (int) lastGames[2 * i + 1], epochSecond);
    lastGames[2 * i + 1]++;
    switch (outcome) {
      case WIN -> counters[3 * i]++;
      case LOSS -> counters[3 * i + 1]++;
      case DRAW -> counters[3 * i + 2]++;
    }
  }

  public RatingTable(RatingParameters params) {
    this(params, 1024);
  }

  public RatingParameters parameters() {
    return params;
  }

  /** The index of {@code playerId}, adding the player with the newcomer prior on first sight. */
  public int intern(String playerId) {
    Integer existing = index.get(playerId);
    if (existing != null) {
      return existing;
    }
    int i = size;
    if (2 * i == muSigma.length) {
      grow();
    }
    setMuSigma(i, params.initialMu(), params.initialSigma());
    ids.add(playerId);
    index.put(playerId, i);
    size++;
    return i;
  }

  /** The index of {@code playerId}, or -1 when it was never interned. */
  public int indexOf(String playerId) {
    Integer i = index.get(playerId);
    return i == null ? -1 : i;
  }

  public int size() {
    return size;
  }

  public String playerId(int i) {
    return ids.get(check(i));
  }

  public double mu(int i) {
    return muAt(check(i));
  }

  public double sigma(int i) {
    return sigmaAt(check(i));
  }

  public long lastActiveEpochSecond(int i) {
    return lastActiveAt(check(i));
  }

  public int games(int i) {
    return gamesAt(check(i));
  }

  public PlayerRating get(int i) {
    check(i);
    return new PlayerRating(
        muAt(i),
        sigmaAt(i),
        lastActiveAt(i),
        gamesAt(i),
        counters[3 * i],
        counters[3 * i + 1],
        counters[3 * i + 2]);
  }

  /** Overwrites one player's state (e.g. loaded from a batch view or re-smoothed). */
  public void set(int i, PlayerRating r) {
    check(i);
    setMuSigma(i, r.mu(), r.sigma());
    lastGames[2 * i] = r.lastActiveEpochSecond();
    lastGames[2 * i + 1] = r.games();
    counters[3 * i] = r.wins();
    counters[3 * i + 1] = r.losses();
    counters[3 * i + 2] = r.draws();
  }

  /** The conservative display score of player {@code i}. */
  public double displayScore(int i) {
    check(i);
    return RatingEngine.displayScore(params, muAt(i), sigmaAt(i));
  }

  /** Every player in the one total rank order of {@link RankOrder}. */
  public List<RankEntry> ranking() {
    List<RankEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(new RankEntry(ids.get(i), displayScore(i), gamesAt(i)));
    }
    entries.sort(RankOrder.INSTANCE);
    return entries;
  }

  /** Applies the season soft reset of {@link RatingEngine#softReset} to every player. */
  public void softResetAll() {
    for (int i = 0; i < size; i++) {
      set(i, RatingEngine.softReset(params, get(i)));
    }
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("player index " + i + " of " + size);
    }
    return i;
  }

  private void grow() {
    int cap = muSigma.length; // twice the old player capacity
    muSigma = Arrays.copyOf(muSigma, 2 * cap);
    lastGames = Arrays.copyOf(lastGames, 2 * cap);
    counters = Arrays.copyOf(counters, 3 * cap);
  }
}
