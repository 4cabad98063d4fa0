package dev.gsm.speed;

import dev.gsm.core.rating.MatchRater;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RankEntry;
import dev.gsm.core.rating.RankOrder;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingTable;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.realtime.PlayerState;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batch recompute the tests compare against: the domain core's {@link MatchRater} over the
 * covered matches in {@link MatchRater#EVENT_TIME_ORDER}, one table per season for the global
 * rating and one per season and mode; a player's first match of a season starts from the soft reset
 * of their state in the previous season (else newcomer). This is what the Spark job calls. As in
 * the Spark job, a season's record (games, wins, losses, draws; the rank order's games tie-break)
 * counts from zero at that start: {@link RatingEngine#seasonRecord}.
 */
final class Recompute {
  final Map<String, RatingTable> global = new TreeMap<>();
  final Map<String, Map<String, RatingTable>> modes = new TreeMap<>();
  // season -> player -> rated matches per region, and per platform (the primary-region rule's
  // input)
  final Map<String, Map<String, TreeMap<String, Integer>>> regions = new HashMap<>();
  final Map<String, Map<String, TreeMap<String, Integer>>> platforms = new HashMap<>();
  // per table, the soft reset each carried player started the season from
  private final Map<RatingTable, Map<String, PlayerRating>> starts = new IdentityHashMap<>();
  private final RatingParameters params;
  private final RatingEngine engine;
  private final SeasonCalendar calendar;

  Recompute(RatingParameters params, SeasonCalendar calendar, Collection<MatchEvent> matches) {
    this.params = params;
    this.engine = new RatingEngine(params);
    this.calendar = calendar;
    Map<String, MatchEvent> unique = new LinkedHashMap<>();
    for (MatchEvent e : matches) {
      unique.putIfAbsent(e.matchId(), e);
    }
    List<MatchEvent> sorted = new ArrayList<>(unique.values());
    sorted.sort(MatchRater.EVENT_TIME_ORDER);
    for (MatchEvent e : sorted) {
      if (!e.rated()) {
        continue;
      }
      String s = e.season();
      String prev = calendar.previous(s);
      RatingTable g = global.computeIfAbsent(s, k -> new RatingTable(params));
      RatingTable m =
          modes
              .computeIfAbsent(s, k -> new TreeMap<>())
              .computeIfAbsent(e.mode(), k -> new RatingTable(params));
      RatingTable gPrev = global.get(prev);
      RatingTable mPrev = modes.getOrDefault(prev, Map.of()).get(e.mode());
      for (Side side : e.sides()) {
        for (PlayerResult p : side.players()) {
          carry(g, gPrev, p.playerId());
          carry(m, mPrev, p.playerId());
          count(regions, s, p.playerId(), e.region());
          count(platforms, s, p.playerId(), e.platform());
        }
      }
      new MatchRater(engine, g).rate(e);
      new MatchRater(engine, m).rate(e);
    }
  }

  private static void count(
      Map<String, Map<String, TreeMap<String, Integer>>> counts,
      String season,
      String playerId,
      String code) {
    counts
        .computeIfAbsent(season, k -> new HashMap<>())
        .computeIfAbsent(playerId, k -> new TreeMap<>())
        .merge(code, 1, Integer::sum);
  }

  private void carry(RatingTable table, RatingTable previous, String id) {
    if (table.indexOf(id) >= 0) {
      return;
    }
    int i = table.intern(id);
    if (previous != null && previous.indexOf(id) >= 0) {
      PlayerRating start = engine.softReset(previous.get(previous.indexOf(id)));
      table.set(i, start);
      starts.computeIfAbsent(table, t -> new HashMap<>()).put(id, start);
    }
  }

  /** Player {@code i} of {@code table} with the season's record. */
  private PlayerRating season(RatingTable table, int i) {
    PlayerRating start = starts.getOrDefault(table, Map.of()).get(table.playerId(i));
    return start == null ? table.get(i) : RatingEngine.seasonRecord(table.get(i), start);
  }

  /** RankOrder over the season's records. */
  private List<RankEntry> ranking(RatingTable table) {
    List<RankEntry> entries = new ArrayList<>(table.size());
    for (int i = 0; i < table.size(); i++) {
      entries.add(
          new RankEntry(table.playerId(i), table.displayScore(i), season(table, i).games()));
    }
    entries.sort(RankOrder.INSTANCE);
    return entries;
  }

  /** Every player state of every season: what a batch view hands to loadGeneration. */
  List<PlayerState> states() {
    List<PlayerState> out = new ArrayList<>();
    for (Map.Entry<String, RatingTable> e : global.entrySet()) {
      String s = e.getKey();
      RatingTable g = e.getValue();
      for (int i = 0; i < g.size(); i++) {
        out.add(state(s, g.playerId(i)));
      }
    }
    return out;
  }

  PlayerState state(String season, String id) {
    RatingTable g = global.get(season);
    TreeMap<String, PlayerRating> m = new TreeMap<>();
    modes
        .getOrDefault(season, Map.of())
        .forEach(
            (mode, t) -> {
              if (t.indexOf(id) >= 0) {
                m.put(mode, season(t, t.indexOf(id)));
              }
            });
    return new PlayerState(
        season,
        id,
        season(g, g.indexOf(id)),
        m,
        regions.get(season).get(id),
        platforms.get(season).get(id));
  }

  /** The global board of a season in RankOrder. */
  List<String> globalRanking(String season) {
    return ids(ranking(global.get(season)));
  }

  List<String> modeRanking(String season, String mode) {
    return ids(ranking(modes.get(season).get(mode)));
  }

  /**
   * The region board: the global ranking filtered by the players' primary region (most rated
   * matches of the season, ties to the smaller code), as the Spark job files them.
   */
  List<String> regionRanking(String season, String region) {
    List<String> out = new ArrayList<>();
    for (String id : globalRanking(season)) {
      if (state(season, id).region().equals(region)) {
        out.add(id);
      }
    }
    return out;
  }

  RatingParameters params() {
    return params;
  }

  SeasonCalendar calendar() {
    return calendar;
  }

  private static List<String> ids(List<RankEntry> entries) {
    List<String> out = new ArrayList<>(entries.size());
    for (RankEntry r : entries) {
      out.add(r.playerId());
    }
    return out;
  }
}
