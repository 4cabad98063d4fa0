package dev.gsm.orchestration.publish;

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
    String primaryPlatform) {

  public static final String GLOBAL = "global";
  public static final String MODE_PREFIX = "mode:";

  public boolean global() {
    return GLOBAL.equals(board);
  }
}
