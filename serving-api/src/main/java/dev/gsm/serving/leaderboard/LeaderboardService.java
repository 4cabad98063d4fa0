package dev.gsm.serving.leaderboard;

import dev.gsm.core.rating.Leagues;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.BoardPage;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.Stamp;
import dev.gsm.serving.freshness.Freshness;
import dev.gsm.serving.freshness.FreshnessService;
import dev.gsm.serving.system.BadQueryException;
import dev.gsm.serving.system.NotFoundException;
import dev.gsm.serving.system.Seasons;
import dev.gsm.store.PlayerProfilesTable;
import dev.gsm.store.PlayerProfilesTable.BoardEntry;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import io.lettuce.core.RedisException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Leaderboard pages. The current season is read from the real-time view, which is the merge (the
 * published batch view's players plus the speed layer's matches after its watermark, one
 * generation, read atomically); other seasons, and the current one while the real-time view holds
 * none of it or does not answer, from the batch view in {@code player-profiles} ({@code
 * BoardIndex}), saying so in the freshness.
 *
 * <p>A league filter is a window of the board's ranks: percentile falls as rank grows, so each
 * league is one contiguous range ({@link Leagues#rankRange}).
 */
@Service
public class LeaderboardService {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderboardService.class);

  private final RealtimeView realtime;
  private final PlayerProfilesTable profiles;
  private final FreshnessService freshness;
  private final Seasons seasons;
  private final Leagues leagues;

  LeaderboardService(
      RealtimeView realtime,
      PlayerProfilesTable profiles,
      FreshnessService freshness,
      Seasons seasons,
      Leagues leagues) {
    this.realtime = realtime;
    this.profiles = profiles;
    this.freshness = freshness;
    this.seasons = seasons;
    this.leagues = leagues;
  }

  /** Ranks {@code [offset, offset + limit)} of the board (of its league window). */
  public LeaderboardPage page(String season, Board board, String league, long offset, int limit) {
    checkLeague(league);
    boolean unreachable = false;
    if (seasons.isCurrent(season)) {
      try {
        Optional<LeaderboardPage> live = livePage(season, board, league, offset, limit);
        if (live.isPresent()) {
          return live.get();
        }
      } catch (RedisException e) {
        LOG.warn("real-time view unreachable, answering from the batch view: {}", e.toString());
        unreachable = true;
      }
    }
    return archivedPage(season, board, league, offset, limit, unreachable);
  }

  /** The window of the board around a player: the player in the middle, clipped at the top. */
  LeaderboardPage around(String season, Board board, String league, String playerId, int limit) {
    checkLeague(league);
    int before = (limit - 1) / 2;
    int after = limit - 1 - before;
    boolean unreachable = false;
    if (seasons.isCurrent(season)) {
      try {
        Optional<LeaderboardPage> live =
            cached(
                new PageKey(season, board, league, 0, limit, playerId),
                () -> liveAround(season, board, league, playerId, before, after, limit));
        if (live.isPresent()) {
          return live.get();
        }
      } catch (RedisException e) {
        LOG.warn("real-time view unreachable, answering from the batch view: {}", e.toString());
        unreachable = true;
      }
    }
    SeasonEntry s = archivedSeason(season);
    Freshness f = unreachable ? freshness.realtimeUnreachable(s) : freshness.archived(s);
    String lb = PlayerProfilesTable.leaderboardKey(season, board.suffix(), s.version());
    BoardEntry me =
        profiles.profile(season, s.version(), playerId).boards().stream()
            .filter(b -> b.board().equals(board.suffix()))
            .findFirst()
            .orElseThrow(() -> notOnBoard(playerId, season, board));
    long[] window = window(league, profiles.boardSize(lb));
    if (me.rank() < window[0] || me.rank() > window[1]) {
      throw notOnBoard(playerId, season, board);
    }
    long from = Math.max(window[0], me.rank() - before);
    long to = Math.min(window[1], me.rank() + after);
    List<RankingRow> rows =
        profiles.page(lb, from, (int) (to - from + 1)).stream().map(RankingRow::archived).toList();
    return result(season, board, league, window, rows, limit, f, false);
  }

  private Optional<LeaderboardPage> liveAround(
      String season,
      Board board,
      String league,
      String playerId,
      int before,
      int after,
      int limit) {
    Optional<BoardPage> page = realtime.around(season, board, playerId, before, after);
    if (page.isEmpty() || page.get().total() == 0) {
      return Optional.empty();
    }
    BoardPage p = page.get();
    if (p.rows().isEmpty()) {
      throw notOnBoard(playerId, season, board);
    }
    long playerRank =
        p.rows().stream()
                .filter(r -> r.playerId().equals(playerId))
                .findFirst()
                .orElseThrow()
                .rank()
            + 1;
    long[] window = window(league, p.total());
    if (league != null && (playerRank < window[0] || playerRank > window[1])) {
      throw notOnBoard(playerId, season, board);
    }
    List<RankingRow> rows =
        p.rows().stream()
            .map(r -> RankingRow.live(r, p.total(), leagues))
            .filter(r -> r.rank() >= window[0] && r.rank() <= window[1])
            .toList();
    return Optional.of(
        result(season, board, league, window, rows, limit, freshness.live(p.stamp()), false));
  }

  /**
   * Pages of the real-time view by what they asked for, with the stamp they were read under. An
   * entry is reused only while the current stamp (one small script, {@link RealtimeView#stamp}) is
   * the same: equal stamps mean the same state, so a hot page (the top 100) costs one small read
   * instead of a board scan until the speed layer next applies a match. Bounded: cleared when full.
   */
  private record PageKey(
      String season, Board board, String league, long offset, int limit, String around) {}

  private record CachedPage(Stamp stamp, LeaderboardPage page) {}

  static final int PAGE_CACHE_ENTRIES = 4_096;
  private final ConcurrentHashMap<PageKey, CachedPage> pages = new ConcurrentHashMap<>();

  private Optional<LeaderboardPage> livePage(
      String season, Board board, String league, long offset, int limit) {
    return cached(
        new PageKey(season, board, league, offset, limit, null),
        () -> readLivePage(season, board, league, offset, limit));
  }

  private Optional<LeaderboardPage> cached(
      PageKey key, Supplier<Optional<LeaderboardPage>> readLive) {
    Optional<Stamp> now = realtime.stamp();
    if (now.isEmpty()) {
      return Optional.empty();
    }
    CachedPage cached = pages.get(key);
    if (cached != null && cached.stamp().equals(now.get())) {
      LeaderboardPage p = cached.page();
      return Optional.of(
          new LeaderboardPage(
              p.season(),
              p.board(),
              p.league(),
              p.total(),
              p.offset(),
              p.limit(),
              p.rows(),
              p.nextCursor(),
              freshness.live(cached.stamp())));
    }
    Optional<LeaderboardPage> read = readLive.get();
    read.ifPresent(
        p -> {
          Freshness f = p.freshness();
          Stamp stamp =
              new Stamp(f.generation(), f.batchVersion(), f.batchWatermark(), f.appliedThrough());
          if (pages.size() >= PAGE_CACHE_ENTRIES) {
            pages.clear();
          }
          pages.put(key, new CachedPage(stamp, p));
        });
    return read;
  }

  private Optional<LeaderboardPage> readLivePage(
      String season, Board board, String league, long offset, int limit) {
    long total;
    long[] window;
    if (league == null) {
      Optional<BoardPage> p = realtime.page(season, board, offset, limit);
      if (p.isEmpty() || p.get().total() == 0) {
        return Optional.empty();
      }
      BoardPage page = p.get();
      total = page.total();
      window = new long[] {1, total};
      return Optional.of(
          result(
              season,
              board,
              null,
              window,
              liveRows(page),
              limit,
              freshness.live(page.stamp()),
              true,
              offset));
    }
    // The board's size decides the league's window: read it, then the window's page, and keep the
    // rows that are still in the league by the page's own size (players may join in between).
    Optional<BoardPage> head = realtime.page(season, board, 0, 1);
    if (head.isEmpty() || head.get().total() == 0) {
      return Optional.empty();
    }
    window = window(league, head.get().total());
    long start = window[0] - 1 + offset;
    long size = window[1] - window[0] + 1;
    if (offset >= size) {
      return Optional.of(
          result(
              season,
              board,
              league,
              window,
              List.of(),
              limit,
              freshness.live(head.get().stamp()),
              true,
              offset));
    }
    BoardPage page =
        realtime.page(season, board, start, (int) Math.min(limit, size - offset)).orElseThrow();
    List<RankingRow> rows = liveRows(page).stream().filter(r -> league.equals(r.league())).toList();
    return Optional.of(
        result(
            season,
            board,
            league,
            window,
            rows,
            limit,
            freshness.live(page.stamp()),
            true,
            offset));
  }

  private List<RankingRow> liveRows(BoardPage page) {
    return page.rows().stream().map(r -> RankingRow.live(r, page.total(), leagues)).toList();
  }

  private LeaderboardPage archivedPage(
      String season, Board board, String league, long offset, int limit, boolean unreachable) {
    SeasonEntry s = archivedSeason(season);
    Freshness f = unreachable ? freshness.realtimeUnreachable(s) : freshness.archived(s);
    String lb = PlayerProfilesTable.leaderboardKey(season, board.suffix(), s.version());
    long[] window = window(league, profiles.boardSize(lb));
    long size = Math.max(0, window[1] - window[0] + 1);
    List<RankingRow> rows =
        offset >= size
            ? List.of()
            : profiles.page(lb, window[0] + offset, (int) Math.min(limit, size - offset)).stream()
                .map(RankingRow::archived)
                .toList();
    return result(season, board, league, window, rows, limit, f, true, offset);
  }

  private SeasonEntry archivedSeason(String season) {
    return profiles
        .season(season)
        .orElseThrow(
            () -> new NotFoundException("season", "season " + season + " has no published view"));
  }

  private long[] window(String league, long total) {
    return league == null ? new long[] {1, total} : leagues.rankRange(league, total);
  }

  private void checkLeague(String league) {
    if (league != null && !leagues.names().contains(league)) {
      throw new BadQueryException(
          "league", "no league '" + league + "'; leagues: " + leagues.names());
    }
  }

  private static NotFoundException notOnBoard(String playerId, String season, Board board) {
    return new NotFoundException(
        "player",
        "player " + playerId + " is not on the " + board.suffix() + " board of " + season);
  }

  private LeaderboardPage result(
      String season,
      Board board,
      String league,
      long[] window,
      List<RankingRow> rows,
      int limit,
      Freshness f,
      boolean paged) {
    long offset = rows.isEmpty() ? 0 : rows.get(0).rank() - window[0];
    return result(season, board, league, window, rows, limit, f, paged, offset);
  }

  private LeaderboardPage result(
      String season,
      Board board,
      String league,
      long[] window,
      List<RankingRow> rows,
      int limit,
      Freshness f,
      boolean paged,
      long offset) {
    long total = Math.max(0, window[1] - window[0] + 1);
    long next = offset + rows.size();
    String cursor =
        paged && next < total && !rows.isEmpty()
            ? new Cursor(season, board.suffix(), league, next, limit).encode()
            : null;
    return new LeaderboardPage(
        season, board.suffix(), league, total, offset, limit, RankingRows.of(rows), cursor, f);
  }
}
