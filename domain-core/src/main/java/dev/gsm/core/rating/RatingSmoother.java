package dev.gsm.core.rating;

import java.util.Arrays;

/**
 * Batch re-smoothing of the whole history (the batch layer's more expensive pass): expectation
 * propagation on the chain of each player's skills, one node per (match, participant), linked in
 * time by the same random-walk dynamics as the online filter, with each match's factor the same
 * {@link RatingKernel} update applied to cavity distributions. Unlike the filter, a match's
 * estimate of both players then benefits from what later matches revealed about them (TrueSkill
 * Through Time, Dangauthier et al. 2007). The result is written back to a {@link RatingTable}, from
 * which the online filter (speed layer) continues. Not thread-safe; deterministic.
 */
public final class RatingSmoother {
  private final RatingParameters params;
  private final RatingKernel.Scratch scratch = new RatingKernel.Scratch(16, 8);

  private int matches;
  private long[] matchTime = new long[1024];
  private int[] matchNodeStart = new int[1025];
  private int[] matchSides = new int[1024];
  private int[] sideStartPool = new int[4096];
  private int[] matchSidePoolStart = new int[1025];
  private int[] placementPool = new int[4096];

  private int nodes;
  private int[] player = new int[2048];
  private long[] time = new long[2048];
  private int[] prev = new int[2048];
  private int[] next = new int[2048];
  private double[] fMu = new double[2048];
  private double[] fVar = new double[2048];
  private double[] bPi = new double[2048];
  private double[] bTau = new double[2048];
  private double[] mPi = new double[2048];
  private double[] mTau = new double[2048];
  private double[] q = new double[2048];

  private int[] lastNode = new int[1024];
  // Per-player prior of the first node (e.g. last season's soft-reset rating); NaN: the newcomer's.
  private double[] priorMu = new double[0];
  private double[] priorVar = new double[0];

  public RatingSmoother(RatingParameters params) {
    this.params = params;
    Arrays.fill(lastNode, -1);
  }

  /**
   * Starts player {@code player}'s chain from {@code N(mu, sigma^2)} instead of the newcomer prior:
   * a season that begins from last season's soft-reset ratings smooths from them. Call before the
   * player's first {@link #add}.
   */
  public void prior(int player, double mu, double sigma) {
    if (player >= priorMu.length) {
      int old = priorMu.length;
      int cap = Math.max(player + 1, Math.max(16, old * 2));
      priorMu = Arrays.copyOf(priorMu, cap);
      priorVar = Arrays.copyOf(priorVar, cap);
      Arrays.fill(priorMu, old, cap, Double.NaN);
      Arrays.fill(priorVar, old, cap, Double.NaN);
    }
    priorMu[player] = mu;
    priorVar[player] = sigma * sigma;
  }

  public int matches() {
    return matches;
  }

  /**
   * Sizes the arrays for a season known in advance ({@code matches} matches, {@code sides} sides
   * and {@code appearances} players over all of them, player indices below {@code players}): the
   * batch knows its counts, and growing by doubling would hold up to three times the nodes (~76
   * bytes each) while copying, which is what ran a 3M-match season out of memory. Optional.
   */
  public void reserve(int matches, int sides, int appearances, int players) {
    if (matches >= matchTime.length) {
      int cap = matches + 1;
      matchTime = Arrays.copyOf(matchTime, cap);
      matchNodeStart = Arrays.copyOf(matchNodeStart, cap + 1);
      matchSides = Arrays.copyOf(matchSides, cap);
      matchSidePoolStart = Arrays.copyOf(matchSidePoolStart, cap + 1);
    }
    if (sides + matches + 1 > sideStartPool.length) {
      sideStartPool = Arrays.copyOf(sideStartPool, sides + matches + 1);
      placementPool = Arrays.copyOf(placementPool, sides + matches + 1);
    }
    if (appearances > player.length) {
      growNodes(appearances);
    }
    ensurePlayers(players);
  }

  /**
   * Appends a match, in time order (same shape as {@link RatingEngine#rate(RatingTable, int[],
   * int[], int[], long)}; player indices are the table's).
   */
  public void add(long epochSecond, int[] players, int[] sideStart, int[] placements) {
    int sides = placements.length;
    int n = sideStart[sides];
    if (matches > 0 && epochSecond < matchTime[matches - 1]) {
      throw new IllegalArgumentException("matches must be added in time order");
    }
    ensureMatches(matches + 1, sides);
    ensureNodes(nodes + n);
    matchTime[matches] = epochSecond;
    matchNodeStart[matches] = nodes;
    matchSides[matches] = sides;
    int pool = matchSidePoolStart[matches];
    for (int k = 0; k <= sides; k++) {
      sideStartPool[pool + k] = sideStart[k];
    }
    for (int k = 0; k < sides; k++) {
      placementPool[pool + k] = placements[k];
    }
    matchSidePoolStart[matches + 1] = pool + sides + 1;
    for (int j = 0; j < n; j++) {
      int pl = players[j];
      ensurePlayers(pl + 1);
      int k = nodes + j;
      player[k] = pl;
      time[k] = epochSecond;
      prev[k] = lastNode[pl];
      next[k] = -1;
      if (lastNode[pl] >= 0) {
        next[lastNode[pl]] = k;
      }
      lastNode[pl] = k;
      mPi[k] = 0;
      mTau[k] = 0;
      bPi[k] = 0;
      bTau[k] = 0;
    }
    nodes += n;
    matchNodeStart[matches + 1] = nodes;
    matches++;
  }

  /**
   * Runs {@code smoothingIterations} forward-backward sweeps over the matches at or after {@code
   * fromEpochSecond} (earlier messages are kept as they are).
   */
  public void smooth(long fromEpochSecond, int iterations) {
    int from = firstMatchAtOrAfter(fromEpochSecond);
    for (int it = 0; it < iterations; it++) {
      for (int m = from; m < matches; m++) {
        for (int k = matchNodeStart[m]; k < matchNodeStart[m + 1]; k++) {
          forward(k);
        }
        updateMatch(m);
      }
      for (int m = matches - 1; m >= from; m--) {
        for (int k = matchNodeStart[m]; k < matchNodeStart[m + 1]; k++) {
          backward(k);
        }
        updateMatch(m);
      }
    }
    for (int m = from; m < matches; m++) {
      for (int k = matchNodeStart[m]; k < matchNodeStart[m + 1]; k++) {
        forward(k);
      }
    }
  }

  /**
   * Writes the smoothed current state (the marginal at each player's last match) of every player
   * whose last match is at or after {@code fromEpochSecond} into {@code table}: mu, sigma and last
   * active time; counters are the table's.
   */
  public void writeTo(RatingTable table, long fromEpochSecond) {
    int n = Math.min(table.size(), lastNode.length);
    for (int pl = 0; pl < n; pl++) {
      int k = lastNode[pl];
      if (k < 0 || nodeTime(k) < fromEpochSecond) {
        continue;
      }
      double pi = 1.0 / fVar[k] + mPi[k];
      double mu = (fMu[k] / fVar[k] + mTau[k]) / pi;
      table.setMuSigma(pl, mu, Math.sqrt(1.0 / pi));
      table.setLastActive(pl, nodeTime(k));
    }
  }

  private long nodeTime(int k) {
    return time[k];
  }

  private int firstMatchAtOrAfter(long t) {
    int lo = 0;
    int hi = matches;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (matchTime[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private void forward(int k) {
    int p = prev[k];
    if (p < 0) {
      int pl = player[k];
      boolean carried = pl < priorMu.length && !Double.isNaN(priorMu[pl]);
      fMu[k] = carried ? priorMu[pl] : params.initialMu();
      fVar[k] = carried ? priorVar[pl] : params.initialSigma() * params.initialSigma();
      q[k] = 0;
      return;
    }
    double pi = 1.0 / fVar[p] + mPi[p];
    double v = 1.0 / pi;
    double m = (fMu[p] / fVar[p] + mTau[p]) * v;
    double grown = RatingKernel.grownVariance(params, v, nodeTime(p), nodeTime(k));
    q[k] = grown - v;
    fMu[k] = m;
    fVar[k] = grown;
  }

  private void backward(int k) {
    int nx = next[k];
    if (nx < 0) {
      bPi[k] = 0;
      bTau[k] = 0;
      return;
    }
    double pi = bPi[nx] + mPi[nx];
    if (pi <= 0) {
      bPi[k] = 0;
      bTau[k] = 0;
      return;
    }
    double v = 1.0 / pi + q[nx];
    double m = (bTau[nx] + mTau[nx]) / pi;
    bPi[k] = 1.0 / v;
    bTau[k] = m / v;
  }

  private void updateMatch(int m) {
    int start = matchNodeStart[m];
    int n = matchNodeStart[m + 1] - start;
    int sides = matchSides[m];
    int pool = matchSidePoolStart[m];
    RatingKernel.Scratch s = scratch;
    s.ensure(n, sides);
    for (int j = 0; j < n; j++) {
      int k = start + j;
      double pi = 1.0 / fVar[k] + bPi[k];
      s.var[j] = 1.0 / pi;
      s.mu[j] = (fMu[k] / fVar[k] + bTau[k]) / pi;
    }
    // The pools hold this match's sideStart and placements at offset `pool`.
    int[] sideStart = sideStartView(pool, sides);
    int[] placements = placementView(pool, sides);
    RatingKernel.updateWithPriorVariances(params, s, sides, sideStart, placements);
    for (int j = 0; j < n; j++) {
      int k = start + j;
      double cavPi = 1.0 / fVar[k] + bPi[k];
      double cavTau = fMu[k] / fVar[k] + bTau[k];
      double postPi = 1.0 / s.var[j];
      mPi[k] = Math.max(0.0, postPi - cavPi);
      mTau[k] = s.mu[j] * postPi - cavTau;
    }
  }

  private int[] sideStartBuf = new int[9];
  private int[] placementBuf = new int[8];

  private int[] sideStartView(int pool, int sides) {
    if (sideStartBuf.length < sides + 1) {
      sideStartBuf = new int[sides + 1];
    }
    System.arraycopy(sideStartPool, pool, sideStartBuf, 0, sides + 1);
    return sideStartBuf;
  }

  private int[] placementView(int pool, int sides) {
    if (placementBuf.length < sides) {
      placementBuf = new int[sides];
    }
    System.arraycopy(placementPool, pool, placementBuf, 0, sides);
    return placementBuf;
  }

  private void ensureMatches(int count, int sides) {
    if (count >= matchTime.length) {
      int cap = matchTime.length * 2;
      matchTime = Arrays.copyOf(matchTime, cap);
      matchNodeStart = Arrays.copyOf(matchNodeStart, cap + 1);
      matchSides = Arrays.copyOf(matchSides, cap);
      matchSidePoolStart = Arrays.copyOf(matchSidePoolStart, cap + 1);
    }
    int need = matchSidePoolStart[count - 1] + sides + 1;
    if (need > sideStartPool.length) {
      int cap = Math.max(need, sideStartPool.length * 2);
      sideStartPool = Arrays.copyOf(sideStartPool, cap);
      placementPool = Arrays.copyOf(placementPool, cap);
    }
  }

  private void ensureNodes(int count) {
    if (count > player.length) {
      growNodes(Math.max(count, player.length * 2));
    }
  }

  private void growNodes(int cap) {
    player = Arrays.copyOf(player, cap);
    time = Arrays.copyOf(time, cap);
    prev = Arrays.copyOf(prev, cap);
    next = Arrays.copyOf(next, cap);
    fMu = Arrays.copyOf(fMu, cap);
    fVar = Arrays.copyOf(fVar, cap);
    bPi = Arrays.copyOf(bPi, cap);
    bTau = Arrays.copyOf(bTau, cap);
    mPi = Arrays.copyOf(mPi, cap);
    mTau = Arrays.copyOf(mTau, cap);
    q = Arrays.copyOf(q, cap);
  }

  private void ensurePlayers(int count) {
    if (count > lastNode.length) {
      int old = lastNode.length;
      lastNode = Arrays.copyOf(lastNode, Math.max(count, old * 2));
      Arrays.fill(lastNode, old, lastNode.length, -1);
    }
  }
}
