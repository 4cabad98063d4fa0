package dev.gsm.batch.rankings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leagues by percentile: a player is in the highest league whose threshold his percentile reaches.
 * The percentile is the share of the board ranked below the player, in percent ({@code 100 * (n -
 * rank) / n}), so "master at 99" means the top 1%.
 *
 * <p>Defaults: bronze 0, silver 30, gold 60, platinum 85, diamond 95, master 99, i.e. 30% bronze,
 * 30% silver, 25% gold, 10% platinum, 4% diamond, 1% master: wide bottom leagues so that most
 * players see progress, a master league small enough to mean something.
 *
 * @param thresholds league name to lowest percentile, ascending, the first at 0
 */
public record Leagues(Map<String, Double> thresholds) {

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
