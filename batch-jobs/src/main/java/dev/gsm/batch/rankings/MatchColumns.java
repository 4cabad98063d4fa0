package dev.gsm.batch.rankings;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rated matches of a season in the compact, columnar form the driver's sequential rating pass
 * reads: event-time order ({@code MatchRater.EVENT_TIME_ORDER}: {@code ended_at}, then {@code
 * match_id}), players interned to ints in order of first appearance, sides and placements as flat
 * int arrays. About 30 bytes per match plus 4 per appearance, against kilobytes as {@code
 * MatchEvent}s: 10M matches fit in a few hundred MB.
 */
public final class MatchColumns {

  final List<String> playerIds = new ArrayList<>();
  final List<String> modes = new ArrayList<>();
  int matches;
  long[] time = new long[1024];

  /**
   * UTC hour of the week of the match start, (ISO day - 1) * 24 + hour (0-167: read with & 0xFF).
   */
  byte[] startHourOfWeek = new byte[1024];

  int[] mode = new int[1024];
  int[] sideStart = new int[1025]; // into sizes/placements
  int[] playerStart = new int[1025]; // into players
  int[] sizes = new int[2048];
  int[] placements = new int[2048];
  int[] players = new int[4096];

  private final Map<String, Integer> playerIndex = new HashMap<>();
  private final Map<String, Integer> modeIndex = new HashMap<>();

  /**
   * The Spark side of the encoding: rated matches only (ranked and played to the end), narrow
   * columns, globally sorted in event-time order. {@code toLocalIterator} then streams partitions
   * to the driver in that order, one at a time.
   */
  public static Dataset<Row> project(Dataset<Row> accepted) {
    return rated(accepted)
        .select(
            col("ended_at"),
            col("match_id"),
            expr("unix_seconds(ended_at)").as("t"),
            expr("coalesce(unix_seconds(started_at), unix_seconds(ended_at))").as("s"),
            col("mode"),
            // compiled field extraction; the one lambda left only takes sizes
            expr("transform(sides.players, p -> size(p))").as("sizes"),
            col("sides.placement").as("placements"),
            flatten(col("sides.players")).getField("player_id").as("players"))
        .orderBy(col("ended_at"), col("match_id"))
        .select("t", "s", "mode", "sizes", "placements", "players");
  }

  /** The matches that change ratings: ranked (default true) and not abandoned (default false). */
  public static Dataset<Row> rated(Dataset<Row> accepted) {
    return accepted.filter(
        coalesce(col("ranked"), lit(true)).and(not(coalesce(col("abandoned"), lit(false)))));
  }

  /** Streams the projected rows (in their order) into columns. */
  public static MatchColumns load(Iterator<Row> rows) {
    MatchColumns c = new MatchColumns();
    while (rows.hasNext()) {
      c.add(rows.next());
    }
    return c;
  }

  private void add(Row r) {
    int m = matches;
    List<Integer> sz = r.getList(3);
    List<Integer> pl = r.getList(4);
    List<String> ps = r.getList(5);
    ensure(m + 1, sz.size(), ps.size());
    time[m] = r.getLong(0);
    startHourOfWeek[m] = (byte) hourOfWeek(r.getLong(1));
    mode[m] = modeIndex.computeIfAbsent(r.getString(2), k -> addMode(k));
    int s0 = sideStart[m];
    for (int k = 0; k < sz.size(); k++) {
      sizes[s0 + k] = sz.get(k);
      placements[s0 + k] = pl.get(k);
    }
    sideStart[m + 1] = s0 + sz.size();
    int p0 = playerStart[m];
    for (int j = 0; j < ps.size(); j++) {
      String id = ps.get(j);
      Integer i = playerIndex.get(id);
      if (i == null) {
        i = playerIds.size();
        playerIds.add(id);
        playerIndex.put(id, i);
      }
      players[p0 + j] = i;
    }
    playerStart[m + 1] = p0 + ps.size();
    matches++;
  }

  /** (ISO day of week - 1) * 24 + UTC hour of an epoch second: 0 is Monday 00:00-01:00 UTC. */
  static int hourOfWeek(long epochSecond) {
    long hours = Math.floorDiv(epochSecond, 3600L);
    // 1970-01-01 was a Thursday (ISO day 4)
    int day = (int) Math.floorMod(Math.floorDiv(hours, 24L) + 3, 7L);
    return day * 24 + (int) Math.floorMod(hours, 24L);
  }

  private int addMode(String name) {
    modes.add(name);
    return modes.size() - 1;
  }

  private void ensure(int count, int sides, int appearances) {
    if (count >= time.length) {
      int cap = time.length * 2;
      time = Arrays.copyOf(time, cap);
      startHourOfWeek = Arrays.copyOf(startHourOfWeek, cap);
      mode = Arrays.copyOf(mode, cap);
      sideStart = Arrays.copyOf(sideStart, cap + 1);
      playerStart = Arrays.copyOf(playerStart, cap + 1);
    }
    if (sideStart[count - 1] + sides > sizes.length) {
      int cap = Math.max(sizes.length * 2, sideStart[count - 1] + sides);
      sizes = Arrays.copyOf(sizes, cap);
      placements = Arrays.copyOf(placements, cap);
    }
    if (playerStart[count - 1] + appearances > players.length) {
      players =
          Arrays.copyOf(
              players, Math.max(players.length * 2, playerStart[count - 1] + appearances));
    }
  }

  public int matches() {
    return matches;
  }

  /** How much of the season a board sees: its matches, their sides and appearances, its players. */
  record Extent(int matches, int sides, int appearances, int players) {}

  /** The extent of the matches of mode index {@code mode}, or of every match when negative. */
  Extent extent(int modeFilter) {
    if (modeFilter < 0) {
      return new Extent(matches, sideStart[matches], playerStart[matches], players());
    }
    boolean[] seen = new boolean[players()];
    int n = 0;
    int s = 0;
    int a = 0;
    int p = 0;
    for (int m = 0; m < matches; m++) {
      if (mode[m] != modeFilter) {
        continue;
      }
      n++;
      s += sideStart[m + 1] - sideStart[m];
      for (int j = playerStart[m]; j < playerStart[m + 1]; j++) {
        a++;
        if (!seen[players[j]]) {
          seen[players[j]] = true;
          p++;
        }
      }
    }
    return new Extent(n, s, a, p);
  }

  public int players() {
    return playerIds.size();
  }

  public List<String> modes() {
    return List.copyOf(modes);
  }
}
