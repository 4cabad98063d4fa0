package dev.gsm.core.rating;

import java.util.ArrayList;
import java.util.List;

/**
 * Rates matches. Two entry points run the same {@link RatingKernel} arithmetic, so they agree bit
 * for bit:
 *
 * <ul>
 *   <li>the table path ({@link #rate(RatingTable, int[], int[], int[], long)} and {@link #rate1v1})
 *       for the batch job and the backtest: primitive arrays, no allocation once warm;
 *   <li>the value path ({@link #rate(List, int[], long)}) for the speed layer, which keeps each
 *       player's {@link PlayerRating} in Redis.
 * </ul>
 *
 * <p>A match is a list of sides (one player each for one-versus-one and free-for-all, several for
 * teams) and one placement per side, lower is better, equal placements a draw. An instance keeps
 * work arrays for the table path, so use one per thread; the value path allocates its own.
 */
public final class RatingEngine {
  private final RatingParameters params;
  private final RatingKernel.Scratch scratch = new RatingKernel.Scratch(16, 8);
  private final int[] pair = new int[2];
  private final int[] pairStart = {0, 1, 2};
  private final int[] winLoss = {0, 1};

  public RatingEngine(RatingParameters params) {
    this.params = params;
  }

  public RatingParameters parameters() {
    return params;
  }

  /** One-versus-one decisive match on the table: {@code winner} beat {@code loser}. */
  public void rate1v1(RatingTable table, int winner, int loser, long epochSecond) {
    pair[0] = winner;
    pair[1] = loser;
    rate(table, pair, pairStart, winLoss, epochSecond);
  }

  /**
   * Rates one match on the table. Side {@code k} is {@code players[sideStart[k] ..
   * sideStart[k+1]-1]}; there are {@code placements.length} sides, so {@code sideStart} has at
   * least {@code placements.length + 1} entries.
   */
  public void rate(
      RatingTable table, int[] players, int[] sideStart, int[] placements, long epochSecond) {
    int sides = placements.length;
    validateShape(sideStart, sides, players.length);
    int n = sideStart[sides];
    RatingKernel.Scratch s = scratch;
    s.ensure(n, sides);
    for (int j = 0; j < n; j++) {
      int i = players[j];
      if (i < 0 || i >= table.size()) {
        throw new IndexOutOfBoundsException("player index " + i + " of " + table.size());
      }
      for (int k = 0; k < j; k++) {
        if (players[k] == i) {
          throw new IllegalArgumentException("player index " + i + " appears twice in a match");
        }
      }
      s.mu[j] = table.muAt(i);
      s.sigma[j] = table.sigmaAt(i);
      s.lastActive[j] = table.lastActiveAt(i);
      s.games[j] = table.gamesAt(i);
    }
    RatingKernel.rate(params, s, sides, sideStart, placements, epochSecond);
    for (int k = 0; k < sides; k++) {
      Outcome outcome = Outcome.of(placements, k);
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        int i = players[j];
        table.setMuSigma(i, s.mu[j], s.sigma[j]);
        table.recordMatch(i, epochSecond, outcome);
      }
    }
  }

  /** Convenience form of the table path with one array of player indices per side. */
  public void rate(RatingTable table, int[][] sides, int[] placements, long epochSecond) {
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
    rate(table, flat, start, placements, epochSecond);
  }

  /**
   * The value path: posterior states of every participant, grouped like {@code sides}, from their
   * prior states. Same arithmetic as the table path, bit for bit. Thread-safe.
   */
  public List<List<PlayerRating>> rate(
      List<List<PlayerRating>> sides, int[] placements, long epochSecond) {
    int nSides = sides.size();
    if (nSides != placements.length) {
      throw new IllegalArgumentException(
          nSides + " sides but " + placements.length + " placements");
    }
    int[] start = new int[nSides + 1];
    for (int k = 0; k < nSides; k++) {
      start[k + 1] = start[k] + sides.get(k).size();
    }
    validateShape(start, nSides, start[nSides]);
    RatingKernel.Scratch s = new RatingKernel.Scratch(start[nSides], nSides);
    for (int k = 0; k < nSides; k++) {
      List<PlayerRating> side = sides.get(k);
      for (int m = 0; m < side.size(); m++) {
        PlayerRating r = side.get(m);
        int j = start[k] + m;
        s.mu[j] = r.mu();
        s.sigma[j] = r.sigma();
        s.lastActive[j] = r.lastActiveEpochSecond();
        s.games[j] = r.games();
      }
    }
    RatingKernel.rate(params, s, nSides, start, placements, epochSecond);
    List<List<PlayerRating>> out = new ArrayList<>(nSides);
    for (int k = 0; k < nSides; k++) {
      Outcome outcome = Outcome.of(placements, k);
      List<PlayerRating> side = sides.get(k);
      List<PlayerRating> posterior = new ArrayList<>(side.size());
      for (int m = 0; m < side.size(); m++) {
        PlayerRating r = side.get(m);
        int j = start[k] + m;
        posterior.add(
            new PlayerRating(
                s.mu[j],
                s.sigma[j],
                RatingKernel.lastActiveAfter(r.lastActiveEpochSecond(), r.games(), epochSecond),
                r.games() + 1,
                r.wins() + (outcome == Outcome.WIN ? 1 : 0),
                r.losses() + (outcome == Outcome.LOSS ? 1 : 0),
                r.draws() + (outcome == Outcome.DRAW ? 1 : 0)));
      }
      out.add(List.copyOf(posterior));
    }
    return List.copyOf(out);
  }

  /** The state of a player who has never played. */
  public PlayerRating newcomer() {
    return PlayerRating.newcomer(params);
  }

  /** Friendly conservative score: {@code displayOffset + displayScale * (mu - k * sigma)}. */
  public double displayScore(PlayerRating r) {
    return displayScore(params, r.mu(), r.sigma());
  }

  static double displayScore(RatingParameters p, double mu, double sigma) {
    return p.displayOffset() + p.displayScale() * (mu - p.conservativeK() * sigma);
  }

  /**
   * Season soft reset: mu moves {@code seasonMeanPull} of the way back to the prior mean, sigma
   * grows by {@code seasonSigmaBoost} in quadrature (capped at the prior sigma, never shrunk).
   * Counters are kept (they say the player has played); a season's own record counts from zero, see
   * {@link #seasonRecord}.
   */
  public PlayerRating softReset(PlayerRating r) {
    return softReset(params, r);
  }

  /**
   * The season's own record of a rating that started the season (or a mode in it) from {@code
   * start}, its soft reset or the newcomer prior: {@code rated}'s counters less {@code start}'s.
   * The batch counts a season's games, wins, losses and draws from zero and ranks ties by those
   * season games; a state kept this way agrees with it. Ratings go on unchanged: the engine only
   * asks whether a player has played before ({@code games > 0}), and a season state that holds its
   * first match answers that as the carried one did.
   */
  public static PlayerRating seasonRecord(PlayerRating rated, PlayerRating start) {
    return new PlayerRating(
        rated.mu(),
        rated.sigma(),
        rated.lastActiveEpochSecond(),
        rated.games() - start.games(),
        rated.wins() - start.wins(),
        rated.losses() - start.losses(),
        rated.draws() - start.draws());
  }

  static PlayerRating softReset(RatingParameters p, PlayerRating r) {
    double mu = r.mu() + p.seasonMeanPull() * (p.initialMu() - r.mu());
    double boosted = Math.sqrt(r.sigma() * r.sigma() + p.seasonSigmaBoost() * p.seasonSigmaBoost());
    double sigma = Math.max(r.sigma(), Math.min(boosted, p.initialSigma()));
    return new PlayerRating(
        mu, sigma, r.lastActiveEpochSecond(), r.games(), r.wins(), r.losses(), r.draws());
  }

  private static void validateShape(int[] sideStart, int sides, int players) {
    if (sides < 2) {
      throw new IllegalArgumentException("a match needs at least 2 sides, got " + sides);
    }
    if (sideStart.length < sides + 1 || sideStart[0] != 0 || sideStart[sides] > players) {
      throw new IllegalArgumentException("sideStart does not describe " + sides + " sides");
    }
    for (int k = 0; k < sides; k++) {
      if (sideStart[k + 1] <= sideStart[k]) {
        throw new IllegalArgumentException("side " + k + " has no player");
      }
    }
  }
}
