package dev.gsm.serving.prediction;

import dev.gsm.core.features.PlayerHistory;
import dev.gsm.core.features.PlayerSnapshot;
import dev.gsm.core.prediction.MatchQualityPredictor;
import dev.gsm.core.prediction.Matchmaker;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.realtime.PlayerSnapshots;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.Stamp;
import dev.gsm.schema.MatchSchema;
import dev.gsm.schema.Violation;
import dev.gsm.serving.system.GsmProperties;
import dev.gsm.serving.system.StoreCalls;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.springframework.stereotype.Service;

/**
 * Match-quality predictions for players as they stand now: each player's live rating from the
 * real-time view (the batch view plus every match the speed layer applied since), his activity
 * history as of the batch view's watermark (loaded with it by the publish step), and the served
 * models ({@link ModelStore}). The features are computed by domain-core's {@code MatchFeatures},
 * the code the models were trained with.
 */
@Service
class PredictionService {

  /** A player of a request as the prediction saw him. */
  record Player(
      String playerId, PlayerSnapshot snapshot, boolean rated, boolean historyFromBatch) {}

  /** What a prediction rests on. */
  record Basis(
      String season,
      String mode,
      String modelVersion,
      Optional<Stamp> stamp,
      long nowEpochSecond) {}

  record MatchQuality(
      Basis basis, List<List<Player>> sides, MatchQualityPredictor.MatchOutlook outlook) {}

  record Pairing(Player a, Player b, MatchQualityPredictor.MatchOutlook outlook) {}

  record Teams(List<Player> a, List<Player> b, MatchQualityPredictor.MatchOutlook outlook) {}

  record Matchmaking(Basis basis, List<Pairing> pairs, List<Teams> teams, List<String> waiting) {}

  private static final byte[] NO_HISTORY = new PlayerHistory().export(0);

  private final RealtimeView view;
  private final ModelStore models;
  private final StoreCalls calls;
  private final PredictionProperties props;
  private final SeasonCalendar calendar;
  private final RatingParameters params = RatingParameters.defaults();
  private final Clock clock = Clock.systemUTC();

  PredictionService(
      RealtimeView view,
      ModelStore models,
      StoreCalls calls,
      PredictionProperties props,
      GsmProperties gsm) {
    this.view = view;
    this.models = models;
    this.calls = calls;
    this.props = props;
    this.calendar = new SeasonCalendar(gsm.seasonsPerYear());
  }

  /**
   * One match's outlook, without waiting for Redis: the players are read asynchronously and the
   * outlook is computed where the read completes (the Redis connection's I/O thread, for the
   * in-process models; the store pool for a remote endpoint, whose calls block). An invalid request
   * throws at once.
   */
  CompletionStage<MatchQuality> matchQuality(
      String season, String mode, boolean ranked, List<List<String>> sideIds) {
    List<List<List<String>>> matches = Collections.singletonList(sideIds);
    List<String> players = players(season, mode, matches, null);
    String s = seasonOrCurrent(season);
    long now = clock.instant().getEpochSecond();
    return view.snapshotsAsync(s, players)
        .thenApplyAsync(
            snaps -> outlooks(read(s, mode, players, now, snaps), matches, ranked).get(0),
            models.remote() ? calls.executor() : Runnable::run);
  }

  /**
   * Several matches' outlooks from one read of their players ({@code field} names the matches in
   * problems: {@code matches}).
   */
  List<MatchQuality> matchQualities(
      String season, String mode, boolean ranked, List<List<List<String>>> matches, String field) {
    return outlooks(read(season, mode, players(season, mode, matches, field)), matches, ranked);
  }

  /** The distinct players of valid matches, else {@link InvalidPredictionRequestException}. */
  private List<String> players(
      String season, String mode, List<List<List<String>>> matches, String field) {
    List<Violation> problems = new ArrayList<>();
    checkScope(season, mode, problems);
    Set<String> all = new LinkedHashSet<>();
    if (matches == null || matches.isEmpty()) {
      problems.add(new Violation(field, "at least one match"));
    } else if (matches.size() > props.maxBatch()) {
      problems.add(
          new Violation(field, "at most " + props.maxBatch() + " matches, got " + matches.size()));
    } else {
      for (int m = 0; m < matches.size(); m++) {
        String sides = field == null ? "sides" : field + "[" + m + "].sides";
        checkSides(sides, matches.get(m), problems);
        if (matches.get(m) != null) {
          matches.get(m).stream().filter(Objects::nonNull).forEach(all::addAll);
        }
      }
      int max = field == null ? props.maxPlayers() : props.maxPool();
      if (all.size() > max) {
        problems.add(
            new Violation(
                field == null ? "sides" : field, "at most " + max + " players, got " + all.size()));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidPredictionRequestException(problems);
    }
    return List.copyOf(all);
  }

  private static List<MatchQuality> outlooks(
      Read read, List<List<List<String>>> matches, boolean ranked) {
    Map<String, Player> byId = new HashMap<>();
    read.players.forEach(p -> byId.put(p.playerId(), p));
    List<MatchQuality> out = new ArrayList<>(matches.size());
    for (List<List<String>> sideIds : matches) {
      List<List<Player>> sides = new ArrayList<>(sideIds.size());
      for (List<String> side : sideIds) {
        sides.add(side.stream().map(byId::get).toList());
      }
      out.add(new MatchQuality(read.basis, sides, outlook(read, sides, ranked)));
    }
    return out;
  }

  private static void checkSides(
      String field, List<List<String>> sideIds, List<Violation> problems) {
    if (sideIds == null || sideIds.size() < 2) {
      problems.add(new Violation(field, "a match needs at least 2 sides"));
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int s = 0; s < sideIds.size(); s++) {
      List<String> side = sideIds.get(s);
      if (side == null || side.isEmpty()) {
        problems.add(new Violation(field + "[" + s + "]", "a side needs at least one player"));
        continue;
      }
      for (int k = 0; k < side.size(); k++) {
        checkId(field + "[" + s + "][" + k + "]", side.get(k), problems);
        if (side.get(k) != null && !seen.add(side.get(k))) {
          problems.add(new Violation(field, "player " + side.get(k) + " appears more than once"));
        }
      }
    }
  }

  Matchmaking matchmaking(
      String season, String mode, boolean ranked, int teamSize, List<String> pool) {
    List<Violation> problems = new ArrayList<>();
    checkScope(season, mode, problems);
    if (teamSize < 1 || teamSize > 5) {
      problems.add(new Violation("team_size", "must be between 1 and 5, was " + teamSize));
    }
    if (pool == null || pool.size() < 2) {
      problems.add(new Violation("players", "a pool needs at least 2 players"));
    } else {
      for (int i = 0; i < pool.size(); i++) {
        checkId("players[" + i + "]", pool.get(i), problems);
      }
      checkPlayers(pool, props.maxPool(), "players", problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidPredictionRequestException(problems);
    }
    Read read = read(season, mode, pool);
    List<Player> ps = read.players;
    List<Pairing> pairs = new ArrayList<>();
    List<Teams> teams = new ArrayList<>();
    Set<String> matched = new HashSet<>();
    if (teamSize == 1) {
      for (Matchmaker.Pairing p :
          Matchmaker.pairs(
              ps.size(),
              (a, b) ->
                  outlook(read, List.of(List.of(ps.get(a)), List.of(ps.get(b))), ranked)
                      .quality())) {
        Player a = ps.get(p.a());
        Player b = ps.get(p.b());
        pairs.add(new Pairing(a, b, outlook(read, List.of(List.of(a), List.of(b)), ranked)));
        matched.add(a.playerId());
        matched.add(b.playerId());
      }
    } else {
      double[] skill = new double[ps.size()];
      for (int i = 0; i < skill.length; i++) {
        PlayerRating r = ps.get(i).snapshot().rating();
        skill[i] = r.mu() - 3 * r.sigma();
      }
      for (Matchmaker.Teams t :
          Matchmaker.teams(
              skill,
              teamSize,
              (a, b) -> outlook(read, List.of(members(ps, a), members(ps, b)), ranked).quality())) {
        List<Player> a = members(ps, t.a());
        List<Player> b = members(ps, t.b());
        teams.add(new Teams(a, b, outlook(read, List.of(a, b), ranked)));
        a.forEach(p -> matched.add(p.playerId()));
        b.forEach(p -> matched.add(p.playerId()));
      }
    }
    List<String> waiting = pool.stream().filter(id -> !matched.contains(id)).toList();
    return new Matchmaking(read.basis, pairs, teams, waiting);
  }

  private static List<Player> members(List<Player> ps, int[] idx) {
    List<Player> out = new ArrayList<>(idx.length);
    for (int i : idx) {
      out.add(ps.get(i));
    }
    return out;
  }

  private record Read(Basis basis, List<Player> players, ModelStore.Served served) {}

  private Read read(String season, String mode, List<String> ids) {
    String s = seasonOrCurrent(season);
    long now = clock.instant().getEpochSecond();
    return read(s, mode, ids, now, view.snapshots(s, ids));
  }

  private String seasonOrCurrent(String season) {
    return season == null ? calendar.seasonOf(clock.instant()) : season;
  }

  private Read read(
      String season, String mode, List<String> ids, long now, Optional<PlayerSnapshots> snaps) {
    ModelStore.Served served = models.served();
    List<Player> players = new ArrayList<>(ids.size());
    for (String id : ids) {
      PlayerState state = snaps.map(x -> x.states().get(id)).orElse(null);
      PlayerRating rating = PlayerRating.newcomer(params);
      if (state != null) {
        rating =
            mode != null && state.modes().containsKey(mode)
                ? state.modes().get(mode)
                : state.global();
      }
      byte[] history = snaps.map(x -> x.histories().get(id)).orElse(null);
      players.add(
          new Player(
              id,
              PlayerHistory.snapshotOf(history == null ? NO_HISTORY : history, rating, now),
              state != null,
              history != null));
    }
    Basis basis = new Basis(season, mode, served.version(), snaps.map(PlayerSnapshots::stamp), now);
    return new Read(basis, players, served);
  }

  private static MatchQualityPredictor.MatchOutlook outlook(
      Read read, List<List<Player>> sides, boolean ranked) {
    List<List<PlayerSnapshot>> snaps = new ArrayList<>(sides.size());
    for (List<Player> side : sides) {
      snaps.add(side.stream().map(Player::snapshot).toList());
    }
    return read.served.predictor().outlook(snaps, ranked, read.basis.nowEpochSecond());
  }

  private void checkScope(String season, String mode, List<Violation> problems) {
    if (season != null) {
      try {
        calendar.start(season);
      } catch (IllegalArgumentException e) {
        problems.add(new Violation("season", "not a season of the calendar: " + e.getMessage()));
      }
    }
    if (mode != null && !MatchSchema.isCode(mode)) {
      problems.add(new Violation("mode", "must match [a-z0-9][a-z0-9_-]{0,31}"));
    }
  }

  private static void checkId(String field, String id, List<Violation> problems) {
    if (!MatchSchema.isId(id)) {
      problems.add(new Violation(field, "not a player id ([A-Za-z0-9._:@-]{1,128})"));
    }
  }

  private static void checkPlayers(
      List<String> ids, int max, String field, List<Violation> problems) {
    if (ids.size() > max) {
      problems.add(new Violation(field, "at most " + max + " players, got " + ids.size()));
    }
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (id != null && !seen.add(id)) {
        problems.add(new Violation(field, "player " + id + " appears more than once"));
      }
    }
  }
}
