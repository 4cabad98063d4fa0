package dev.gsm.serving.leaderboard;

import dev.gsm.serving.freshness.Freshness;
import java.util.List;

/**
 * A page of a leaderboard.
 *
 * @param board {@code global}, {@code mode:<m>}, {@code region:<r>} or {@code platform:<p>}
 * @param league the league filter, or null
 * @param total rows of the board (of the league's window of it, with a league filter)
 * @param offset the first row's position among those {@code total} rows (0-based)
 * @param nextCursor the next page's cursor, null on the last page
 */
public record LeaderboardPage(
    String season,
    String board,
    String league,
    long total,
    long offset,
    int limit,
    List<RankingRow> rows,
    String nextCursor,
    Freshness freshness) {}
