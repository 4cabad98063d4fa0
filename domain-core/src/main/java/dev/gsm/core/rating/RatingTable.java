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
  double[] mu;
  double[] sigma;
  long[] lastActive;
  int[] games;
  int[] wins;
  int[] losses;
  int[] draws;
  private int size;

  public RatingTable(RatingParameters params, int initialCapacity) {
    this.params = params;
    int cap = Math.max(initialCapacity, 16);
    mu = new double[cap];
    sigma = new double[cap];
    lastActive = new long[cap];
    games = new int[cap];
    wins = new int[cap];
    losses = new int[cap];
    draws = new int[cap];
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
    if (i == mu.length) {
      grow();
    }
    mu[i] = params.initialMu();
    sigma[i] = params.initialSigma();
    lastActive[i] = 0L;
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
    return mu[check(i)];
  }

  public double sigma(int i) {
    return sigma[check(i)];
  }

  public long lastActiveEpochSecond(int i) {
    return lastActive[check(i)];
  }

  public int games(int i) {
    return games[check(i)];
  }

  public PlayerRating get(int i) {
    check(i);
    return new PlayerRating(mu[i], sigma[i], lastActive[i], games[i], wins[i], losses[i], draws[i]);
  }

  /** Overwrites one player's state (e.g. loaded from a batch view or re-smoothed). */
  public void set(int i, PlayerRating r) {
    check(i);
    mu[i] = r.mu();
    sigma[i] = r.sigma();
    lastActive[i] = r.lastActiveEpochSecond();
    games[i] = r.games();
    wins[i] = r.wins();
    losses[i] = r.losses();
    draws[i] = r.draws();
  }

  /** The conservative display score of player {@code i}. */
  public double displayScore(int i) {
    check(i);
    return RatingEngine.displayScore(params, mu[i], sigma[i]);
  }

  /** Every player in the one total rank order of {@link RankOrder}. */
  public List<RankEntry> ranking() {
    List<RankEntry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(new RankEntry(ids.get(i), displayScore(i), games[i]));
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
    int cap = mu.length * 2;
    mu = Arrays.copyOf(mu, cap);
    sigma = Arrays.copyOf(sigma, cap);
    lastActive = Arrays.copyOf(lastActive, cap);
    games = Arrays.copyOf(games, cap);
    wins = Arrays.copyOf(wins, cap);
    losses = Arrays.copyOf(losses, cap);
    draws = Arrays.copyOf(draws, cap);
  }
}
