package dev.gsm.core.prediction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Suggests pairings for a pool of waiting players that maximise predicted match quality.
 *
 * <p>Greedy maximum-weight matching: every pair is scored, pairs are taken best first while both
 * players are still free. On a pool of n players that is O(n^2 log n) and at least half the optimal
 * total quality (the classic bound for greedy matching); in practice, with qualities that decay
 * smoothly with skill distance, it is close to optimal. An exact assignment (Edmonds' blossom)
 * would cost O(n^3) per queue tick and was not worth it for pools of a few hundred. Teams: players
 * are cut, in order of a skill key, into groups of {@code 2k}, and each group is split into two
 * teams by trying every split (for k up to 5: 126 splits) and keeping the one of best quality.
 * Deterministic: ties go to the lower indices.
 */
public final class Matchmaker {

  /** Quality of a match between pool members {@code a} and {@code b} (higher is better). */
  @FunctionalInterface
  public interface PairQuality {
    double of(int a, int b);
  }

  /** Quality of a split of pool members into two teams. */
  @FunctionalInterface
  public interface TeamQuality {
    double of(int[] teamA, int[] teamB);
  }

  public record Pairing(int a, int b, double quality) {}

  public record Teams(int[] a, int[] b, double quality) {}

  private Matchmaker() {}

  /** Disjoint pairs of {@code 0..n-1}, best first; with odd n one player waits. */
  public static List<Pairing> pairs(int n, PairQuality quality) {
    int m = n * (n - 1) / 2;
    double[] q = new double[m];
    int[] ia = new int[m];
    int[] ib = new int[m];
    int k = 0;
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        ia[k] = a;
        ib[k] = b;
        q[k++] = quality.of(a, b);
      }
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> q[y] != q[x] ? Double.compare(q[y], q[x]) : Integer.compare(x, y));
    boolean[] taken = new boolean[n];
    List<Pairing> out = new ArrayList<>(n / 2);
    for (int o : order) {
      if (!taken[ia[o]] && !taken[ib[o]]) {
        taken[ia[o]] = true;
        taken[ib[o]] = true;
        out.add(new Pairing(ia[o], ib[o], q[o]));
      }
    }
    return out;
  }

  /**
   * Two teams of {@code teamSize} from every {@code 2 * teamSize} consecutive players in order of
   * {@code skillKey} (descending); the remainder waits.
   */
  public static List<Teams> teams(double[] skillKey, int teamSize, TeamQuality quality) {
    int n = skillKey.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (x, y) ->
            skillKey[y] != skillKey[x]
                ? Double.compare(skillKey[y], skillKey[x])
                : Integer.compare(x, y));
    List<Teams> out = new ArrayList<>();
    int g = 2 * teamSize;
    for (int start = 0; start + g <= n; start += g) {
      int[] group = new int[g];
      for (int i = 0; i < g; i++) {
        group[i] = order[start + i];
      }
      out.add(bestSplit(group, teamSize, quality));
    }
    return out;
  }

  private static Teams bestSplit(int[] group, int k, TeamQuality quality) {
    int g = group.length;
    Teams best = null;
    // the first member is always on team A: each split is tried once
    for (int mask = 0; mask < (1 << g); mask++) {
      if ((mask & 1) == 0 || Integer.bitCount(mask) != k) {
        continue;
      }
      int[] a = new int[k];
      int[] b = new int[k];
      int ia = 0;
      int ib = 0;
      for (int i = 0; i < g; i++) {
        if ((mask & (1 << i)) != 0) {
          a[ia++] = group[i];
        } else {
          b[ib++] = group[i];
        }
      }
      double q = quality.of(a, b);
      if (best == null || q > best.quality()) {
        best = new Teams(a, b, q);
      }
    }
    return best;
  }
}
