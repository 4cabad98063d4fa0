package dev.gsm.serving.player;

import dev.gsm.core.rating.Leagues;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.BoardRow;
import dev.gsm.realtime.PlayerStanding;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.serving.freshness.Freshness;
import dev.gsm.serving.freshness.FreshnessService;
import dev.gsm.serving.leaderboard.RankingRow;
import dev.gsm.serving.player.PlayerPage.BoardStanding;
import dev.gsm.serving.player.PlayerPage.HistoryPoint;
import dev.gsm.serving.system.NotFoundException;
import dev.gsm.serving.system.Seasons;
import dev.gsm.store.PlayerProfilesTable;
import dev.gsm.store.PlayerProfilesTable.BoardEntry;
import dev.gsm.store.PlayerProfilesTable.HistoryEntry;
import dev.gsm.store.PlayerProfilesTable.InsightsEntry;
import dev.gsm.store.PlayerProfilesTable.Profile;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import io.lettuce.core.RedisException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Player pages. The current season's ratings and ranks come from the real-time view (every board in
 * one atomic read), and so do the stats' game count and latest match; the details only the batch
 * computes (first match, match quality, form, rank history, insights) from {@code player-profiles},
 * for the batch version that the real-time generation rests on. Other seasons come from their
 * archived view alone.
 */
@Service
public class PlayerService {
  private static final Logger LOG = LoggerFactory.getLogger(PlayerService.class);

  private final RealtimeView realtime;
  private final PlayerProfilesTable profiles;
  private final FreshnessService freshness;
  private final Seasons seasons;
  private final Leagues leagues;
  private final RatingEngine engine = new RatingEngine(RatingParameters.defaults());

  PlayerService(
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

  public PlayerPage page(String season, String playerId) {
    boolean unreachable = false;
    if (seasons.isCurrent(season)) {
      try {
        Optional<PlayerStanding> standing = realtime.standing(season, playerId);
        if (standing.isPresent()) {
          return live(season, standing.get());
        }
      } catch (RedisException e) {
        LOG.warn("real-time view unreachable, answering from the batch view: {}", e.toString());
        unreachable = true;
      }
    }
    SeasonEntry s = profiles.season(season).orElseThrow(() -> unknown(playerId, season));
    Profile profile = profiles.profile(season, s.version(), playerId);
    if (profile.isEmpty()) {
      throw unknown(playerId, season);
    }
    List<BoardStanding> boards = new ArrayList<>();
    for (BoardEntry e : ordered(profile.boards())) {
      long total =
          profiles.boardSize(PlayerProfilesTable.leaderboardKey(season, e.board(), s.version()));
      boards.add(new BoardStanding(e.board(), total, RankingRow.archived(e)));
    }
    return assemble(
        playerId,
        season,
        boards,
        Optional.of(profile),
        null,
        unreachable ? freshness.realtimeUnreachable(s) : freshness.archived(s));
  }

  private PlayerPage live(String season, PlayerStanding st) {
    List<BoardStanding> boards = new ArrayList<>();
    st.positions()
        .forEach(
            (board, pos) -> {
              PlayerRating r =
                  board.kind() == Board.Kind.MODE
                      ? st.state().modes().get(board.value())
                      : st.state().global();
              BoardRow row =
                  new BoardRow(pos.rank(), st.state().playerId(), r, engine.displayScore(r));
              boards.add(
                  new BoardStanding(
                      board.suffix(), pos.total(), RankingRow.live(row, pos.total(), leagues)));
            });
    Optional<Profile> details;
    try {
      details = Optional.of(details(season, st.stamp().version(), st.state().playerId()));
    } catch (SdkException e) {
      LOG.warn("player-profiles unavailable, answering without batch details: {}", e.toString());
      details = Optional.empty();
    }
    return assemble(
        st.state().playerId(),
        season,
        boards,
        details,
        st.state().global(),
        freshness.live(st.stamp()));
  }

  /**
   * The season's stats with the live counters: the games of the live global rating (those of the
   * page's global row), and the latest match the real-time view has rated. The first match and the
   * mean match quality stay the batch view's (none when the player's season started after it).
   */
  static PlayerPage.Stats liveStats(PlayerPage.Stats batch, PlayerRating live) {
    Instant last = Instant.ofEpochSecond(live.lastActiveEpochSecond());
    if (batch == null) {
      return new PlayerPage.Stats(live.games(), null, last, null);
    }
    return new PlayerPage.Stats(
        live.games(),
        batch.firstPlayedAt(),
        batch.lastPlayedAt().isAfter(last) ? batch.lastPlayedAt() : last,
        batch.avgMatchQuality());
  }

  /**
   * The batch details of a player in one version. Items are keyed by version and never rewritten,
   * so a version's details are cached as they are (bounded: cleared when full).
   */
  private Profile details(String season, String version, String playerId) {
    DetailsKey key = new DetailsKey(season, version, playerId);
    Profile p = details.get(key);
    if (p == null) {
      p = profiles.profile(season, version, playerId);
      if (details.size() >= DETAILS_CACHE_ENTRIES) {
        details.clear();
      }
      details.put(key, p);
    }
    return p;
  }

  private record DetailsKey(String season, String version, String playerId) {}

  static final int DETAILS_CACHE_ENTRIES = 100_000;
  private final ConcurrentHashMap<DetailsKey, Profile> details = new ConcurrentHashMap<>();

  /** {@code live}: the real-time view's global rating of the current season, null otherwise. */
  private PlayerPage assemble(
      String playerId,
      String season,
      List<BoardStanding> boards,
      Optional<Profile> details,
      PlayerRating live,
      Freshness f) {
    RankingRow global = boards.isEmpty() ? null : boards.get(0).row();
    PlayerPage.Stats stats = null;
    PlayerPage.Performance performance = null;
    Map<String, List<HistoryPoint>> history = new LinkedHashMap<>();
    PlayerPage.Insights insights = null;
    if (details.isPresent()) {
      Profile p = details.get();
      Optional<BoardEntry> g =
          p.boards().stream().filter(b -> b.board().equals(Board.global().suffix())).findFirst();
      if (g.isPresent()) {
        BoardEntry e = g.get();
        stats =
            new PlayerPage.Stats(
                e.games(),
                Instant.ofEpochSecond(e.firstPlayedAt()),
                Instant.ofEpochSecond(e.lastPlayedAt()),
                e.avgMatchQuality());
        performance = new PlayerPage.Performance(e.recentForm(), e.activeDays());
      }
      for (HistoryEntry h : p.history()) {
        List<HistoryPoint> points = new ArrayList<>(h.ranks().size());
        for (int d = 0; d < h.ranks().size(); d++) {
          points.add(
              new HistoryPoint(
                  h.firstDay().plusDays(d), h.ranks().get(d), h.displayScores().get(d)));
        }
        history.put(h.board(), points);
      }
      insights = p.insights().map(PlayerService::insights).orElse(null);
    }
    if (live != null) {
      stats = liveStats(stats, live);
    }
    return new PlayerPage(
        playerId,
        season,
        global == null ? null : global.league(),
        global,
        boards,
        stats,
        performance,
        history,
        insights,
        details.isPresent() ? "complete" : "unavailable",
        f);
  }

  private static PlayerPage.Insights insights(InsightsEntry i) {
    return new PlayerPage.Insights(
        i.games(),
        i.playStyle(),
        i.playStyleConfidence(),
        i.peakHours(),
        i.peakHoursConfidence(),
        i.peakDays(),
        i.peakDaysConfidence(),
        i.progressionPerDay(),
        i.progressionPerGame());
  }

  /** Global first, then the other boards by name. */
  private static List<BoardEntry> ordered(List<BoardEntry> boards) {
    List<BoardEntry> out = new ArrayList<>(boards);
    out.sort(
        (a, b) -> {
          boolean ag = a.board().equals("global");
          boolean bg = b.board().equals("global");
          return ag != bg ? (ag ? -1 : 1) : a.board().compareTo(b.board());
        });
    return out;
  }

  private static NotFoundException unknown(String playerId, String season) {
    return new NotFoundException(
        "player", "no player " + playerId + " with a rated match in season " + season);
  }
}
