package dev.gsm.orchestration.publish;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;

/** The rows of a {@code leaderboards} version as {@link LeaderboardRow}s. */
public final class LeaderboardFiles extends ViewFiles<LeaderboardRow> {

  public LeaderboardFiles(List<String> files, Configuration conf, Predicate<LeaderboardRow> keep) {
    super(files, conf, LeaderboardFiles::toRow, keep);
  }

  static LeaderboardRow toRow(Group g) {
    int games = g.getInteger("games", 0);
    String region = g.getString("primary_region", 0);
    String platform = g.getString("primary_platform", 0);
    boolean counted = g.getType().containsField("region_matches"); // not in older versions
    return new LeaderboardRow(
        g.getString("season", 0),
        g.getString("board", 0),
        g.getString("player_id", 0),
        g.getLong("rank", 0),
        g.getDouble("display_score", 0),
        g.getDouble("mu", 0),
        g.getDouble("sigma", 0),
        games,
        g.getInteger("wins", 0),
        g.getInteger("losses", 0),
        g.getInteger("draws", 0),
        ViewFiles.epochSecond(g, "last_played_at"),
        g.getDouble("percentile", 0),
        g.getString("league", 0),
        region,
        platform,
        counted ? counts(g, "region_matches") : new TreeMap<>(),
        counted ? counts(g, "platform_matches") : new TreeMap<>());
  }

  /** A Parquet map column (repeated key_value groups) of code to matches. */
  private static SortedMap<String, Integer> counts(Group g, String column) {
    SortedMap<String, Integer> out = new TreeMap<>();
    if (g.getFieldRepetitionCount(column) == 0) {
      return out;
    }
    Group map = g.getGroup(column, 0);
    for (int i = 0, n = map.getFieldRepetitionCount(0); i < n; i++) {
      Group kv = map.getGroup(0, i);
      out.put(kv.getString(0, 0), kv.getInteger(1, 0));
    }
    return out;
  }
}
