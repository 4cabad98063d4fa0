package dev.gsm.serving.player;

import dev.gsm.serving.freshness.Freshness;
import dev.gsm.serving.leaderboard.RankingRow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A player's page for a season.
 *
 * @param league the league on the global board
 * @param global the player's row on the global board
 * @param boards the player's row on every board the player is on (global first)
 * @param stats season statistics: for the current season the games and the latest match are live
 *     (the global row's), the rest the batch view's
 * @param performance recent form and activity of the batch view
 * @param rankHistory per board, the daily rank of the season (batch view)
 * @param insights the batch's insights (play style, peak times, progression), when the batch wrote
 *     them
 * @param details {@code complete}, or {@code unavailable} when the batch details could not be read
 *     (the live rank and rating are still answered)
 */
public record PlayerPage(
    String playerId,
    String season,
    String league,
    RankingRow global,
    List<BoardStanding> boards,
    Stats stats,
    Performance performance,
    Map<String, List<HistoryPoint>> rankHistory,
    Insights insights,
    String details,
    Freshness freshness) {

  /** The player's row on one board with the board's size. */
  public record BoardStanding(String board, long total, RankingRow row) {}

  /**
   * @param games rated matches of the season (global board; live for the current season)
   * @param firstPlayedAt the first rated match of the season in the batch view; null when the
   *     player's season started after it
   * @param lastPlayedAt the latest rated match of the season (live for the current season)
   * @param avgMatchQuality mean predicted match quality of the player's matches in the batch view;
   *     null when the player's season started after it
   */
  public record Stats(
      int games, Instant firstPlayedAt, Instant lastPlayedAt, Double avgMatchQuality) {}

  /**
   * @param recentForm the latest results, newest last (W, L, D)
   * @param activeDays days of the season with at least one rated match
   */
  public record Performance(String recentForm, int activeDays) {}

  public record HistoryPoint(LocalDate date, int rank, float displayScore) {}

  public record Insights(
      long games,
      String playStyle,
      double playStyleConfidence,
      List<Integer> peakHours,
      double peakHoursConfidence,
      List<Integer> peakDays,
      double peakDaysConfidence,
      double progressionPerDay,
      double progressionPerGame) {}
}
