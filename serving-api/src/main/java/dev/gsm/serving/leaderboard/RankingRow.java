package dev.gsm.serving.leaderboard;

import dev.gsm.core.rating.Leagues;
import dev.gsm.realtime.BoardRow;
import dev.gsm.store.PlayerProfilesTable.BoardEntry;

/**
 * One row of a leaderboard.
 *
 * @param rank 1 = best, on the board (a league filter keeps the board's ranks)
 * @param displayScore the conservative score the board ranks by
 * @param rating the skill estimate (mu)
 * @param uncertainty its standard deviation (sigma)
 * @param percentile share of the board ranked below, in percent (domain-core Leagues)
 * @param games rated matches of the season on this board
 */
public record RankingRow(
    long rank,
    String playerId,
    double displayScore,
    double rating,
    double uncertainty,
    double percentile,
    String league,
    int games,
    Record record) {

  /** Wins, losses and draws. */
  public record Record(int wins, int losses, int draws) {}

  /** A live row: percentile and league from rank and board size, with the batch's rule. */
  public static RankingRow live(BoardRow r, long total, Leagues leagues) {
    long rank = r.rank() + 1;
    double percentile = Leagues.percentile(rank, total);
    return new RankingRow(
        rank,
        r.playerId(),
        r.displayScore(),
        r.rating().mu(),
        r.rating().sigma(),
        percentile,
        leagues.leagueOf(percentile),
        r.rating().games(),
        new Record(r.rating().wins(), r.rating().losses(), r.rating().draws()));
  }

  /** A row of an archived batch view, as the batch computed it. */
  public static RankingRow archived(BoardEntry e) {
    return new RankingRow(
        e.rank(),
        e.playerId(),
        e.displayScore(),
        e.mu(),
        e.sigma(),
        e.percentile(),
        e.league(),
        e.games(),
        new Record(e.wins(), e.losses(), e.draws()));
  }
}
