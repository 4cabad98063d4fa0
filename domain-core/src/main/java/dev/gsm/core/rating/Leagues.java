package dev.gsm.core.rating;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leagues by percentile: a player is in the highest league whose threshold his percentile reaches.
 * The percentile is the share of the board ranked below the player, in percent ({@code 100 * (n -
 * rank) / n}), so "master at 99" means the top 1%.
 *
 * <p>One rule for both layers: the batch's leaderboards (Spark, through UDFs that call this class)
 * and the serving API's live rows (rank and board size read from Redis) compute percentile and
 * league here, so a live row and a batch row of the same rank on a board of the same size agree.
 *
 * <p>Defaults: bronze 0, silver 30, gold 60, platinum 85, diamond 95, master 99, i.e. 30% bronze,
 * 30% silver, 25% gold, 10% platinum, 4% diamond, 1% master: wide bottom leagues so that most
 * players see progress, a master league small enough to mean something.
 *
 * @param thresholds league name to lowest percentile, ascending, the first at 0
 */
public record Leagues(Map<String, Double> thresholds) implements java.io.Serializable {

  public Leagues {
    if (thresholds.isEmpty()) {
      throw new IllegalArgumentException("--leagues: at least one league");
    }
    double last = -1;
    boolean first = true;
    for (Map.Entry<String, Double> e : thresholds.entrySet()) {
      double v = e.getValue();
      if (first && v != 0) {
        throw new IllegalArgumentException("--leagues: the lowest league starts at 0, not " + v);
      }
      if (v <= last || v >= 100 || !e.getKey().matches("[a-z][a-z0-9_-]{0,31}")) {
        throw new IllegalArgumentException(
            "--leagues: names lower case, thresholds ascending in [0, 100): " + thresholds);
      }
      last = v;
      first = false;
    }
    thresholds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
  }

  public static Leagues defaults() {
    return parse("bronze=0,silver=30,gold=60,platinum=85,diamond=95,master=99");
  }

  /** {@code name=threshold,...}, ascending. */
  public static Leagues parse(String spec) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("--leagues: expected name=percentile, got " + part);
      }
      try {
        m.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--leagues: not a number: " + kv[1]);
      }
    }
    return new Leagues(m);
  }

  /** Percentile of the player at {@code rank} (1 = best) of {@code n}. */
  public static double percentile(long rank, long n) {
    return 100.0 * (n - rank) / n;
  }

  /** The league of the player at {@code rank} (1 = best) of {@code n}. */
  public String leagueAt(long rank, long n) {
    return leagueOf(percentile(rank, n));
  }

  /**
   * The ranks (1-based, inclusive) a league spans on a board of {@code n} players, empty ({@code
   * from > to}) when no rank of the board falls in it. Percentile falls as rank grows, so a league
   * is one contiguous range of ranks: a league filter is a rank window of the board.
   */
  public long[] rankRange(String league, long n) {
    List<String> order = names();
    int target = order.indexOf(league);
    if (target < 0) {
      throw new IllegalArgumentException("no league " + league + " in " + this);
    }
    // the league index falls as the rank grows: two binary searches find the league's ranks
    return new long[] {
      firstRankBelowOrAt(order, target, n), firstRankBelowOrAt(order, target - 1, n) - 1
    };
  }

  /** The first rank (1..n+1) whose league index is at most {@code index}. */
  private long firstRankBelowOrAt(List<String> order, int index, long n) {
    long lo = 1;
    long hi = n + 1;
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      if (order.indexOf(leagueAt(mid, n)) <= index) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  public String leagueOf(double percentile) {
    String league = null;
    for (Map.Entry<String, Double> e : thresholds.entrySet()) {
      if (percentile >= e.getValue()) {
        league = e.getKey();
      }
    }
    return league;
  }

  public List<String> names() {
    return new ArrayList<>(thresholds.keySet());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    thresholds.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
