package dev.gsm.orchestration.publish;

import java.util.List;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;

/** The rows of a {@code leaderboards} version as {@link LeaderboardRow}s. */
public final class LeaderboardFiles extends ViewFiles<LeaderboardRow> {

  public LeaderboardFiles(List<String> files, Configuration conf, Predicate<LeaderboardRow> keep) {
    super(files, conf, LeaderboardFiles::toRow, keep);
  }

  static LeaderboardRow toRow(Group g) {
    return new LeaderboardRow(
        g.getString("season", 0),
        g.getString("board", 0),
        g.getString("player_id", 0),
        g.getLong("rank", 0),
        g.getDouble("display_score", 0),
        g.getDouble("mu", 0),
        g.getDouble("sigma", 0),
        g.getInteger("games", 0),
        g.getInteger("wins", 0),
        g.getInteger("losses", 0),
        g.getInteger("draws", 0),
        ViewFiles.epochSecond(g, "last_played_at"),
        g.getDouble("percentile", 0),
        g.getString("league", 0),
        g.getString("primary_region", 0),
        g.getString("primary_platform", 0));
  }
}
