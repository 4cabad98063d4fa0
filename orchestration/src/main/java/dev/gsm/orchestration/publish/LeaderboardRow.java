package dev.gsm.orchestration.publish;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of the {@code leaderboards} view (batch-jobs' {@code SeasonRankings}): one player on one
 * board of a season. The columns the serving stores need; the view has more (rank_key, active_days,
 * recent_form, avg_match_quality, first_played_at).
 *
 * @param board {@code global}, {@code mode:<m>}, {@code region:<r>} or {@code platform:<p>}
 * @param games the player's rated matches on this board in the season (the rank key's games)
 * @param lastPlayedEpochSecond the player's latest rated match on this board
 * @param primaryRegion the region of most of the player's rated matches in the season
 * @param primaryPlatform likewise for the platform
 * @param regionMatches the player's rated matches of the season per region (the primary's counts);
 *     empty for a view written before the counts
 * @param platformMatches likewise per platform
 */
public record LeaderboardRow(
    String season,
    String board,
    String playerId,
    long rank,
    double displayScore,
    double mu,
    double sigma,
    int games,
    int wins,
    int losses,
    int draws,
    long lastPlayedEpochSecond,
    double percentile,
    String league,
    String primaryRegion,
    String primaryPlatform,
    SortedMap<String, Integer> regionMatches,
    SortedMap<String, Integer> platformMatches) {

  public static final String GLOBAL = "global";

  public LeaderboardRow {
    regionMatches = Collections.unmodifiableSortedMap(new TreeMap<>(regionMatches));
    platformMatches = Collections.unmodifiableSortedMap(new TreeMap<>(platformMatches));
  }

  public static final String MODE_PREFIX = "mode:";

  public boolean global() {
    return GLOBAL.equals(board);
  }
}
