package dev.gsm.speed;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.realtime.DeadLetter;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.PlayerUpdate;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RealtimeView.ApplyOutcome;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies log entries to one generation of the real-time view through the engine's value path, in
 * log order, exactly once: the new states and the applied-through marker go to Redis in one Lua
 * step ({@link RealtimeView#apply}) that is refused when the marker moved. Entries at or before the
 * marker (the generation's watermark L, or a redelivery) change nothing; a gap before the first
 * delivered entry is filled from the log, so every offset after L is applied once, in order.
 *
 * <p>Per player and season the state starts, at the player's first match of a season, from the soft
 * reset ({@link RatingEngine#softReset}) of their state in the previous season (same rule per
 * mode), or as a newcomer: the rule the batch applies.
 */
public final class MatchApplier {

  /** The result of applying a batch. */
  public record Result(ApplyOutcome outcome, long applied, int matches, int deadLetters) {}

  private static final int MAX_RETRIES = 16;

  private final RealtimeView view;
  private final MatchLog log;
  private final RatingEngine engine;
  private final SeasonCalendar calendar;

  public MatchApplier(
      RealtimeView view, MatchLog log, RatingEngine engine, SeasonCalendar calendar) {
    this.view = view;
    this.log = log;
    this.engine = engine;
    this.calendar = calendar;
  }

  /** Applies {@code delivered} (any order, duplicates allowed) to generation {@code id}. */
  public Result apply(long id, Collection<LogEntry> delivered) {
    if (delivered.isEmpty()) {
      return new Result(ApplyOutcome.ALREADY_APPLIED, -1, 0, 0);
    }
    long last = delivered.stream().mapToLong(LogEntry::offset).max().orElseThrow();
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      Generation g = view.generation(id).orElse(null);
      if (g == null
          || (g.state() != Generation.State.LIVE && g.state() != Generation.State.READY)) {
        return new Result(ApplyOutcome.GENERATION_NOT_WRITABLE, -1, 0, 0);
      }
      long applied = g.applied();
      if (applied >= last) {
        return new Result(ApplyOutcome.ALREADY_APPLIED, applied, 0, 0);
      }
      List<LogEntry> todo = contiguous(delivered, applied, last);
      Batch batch = compute(id, todo);
      ApplyOutcome outcome = view.apply(id, applied, last, batch.updates, batch.deadLetters);
      if (outcome != ApplyOutcome.CONFLICT) {
        return new Result(outcome, last, todo.size(), batch.deadLetters.size());
      }
    }
    throw new IllegalStateException(
        "generation " + id + ": the applied marker kept moving; is a second applier running?");
  }

  /** Entries applied + 1 .. last, each once, in offset order; missing ones come from the log. */
  private List<LogEntry> contiguous(Collection<LogEntry> delivered, long applied, long last) {
    TreeMap<Long, LogEntry> byOffset = new TreeMap<>();
    for (LogEntry e : delivered) {
      if (e.offset() > applied) {
        byOffset.putIfAbsent(e.offset(), e);
      }
    }
    if (byOffset.size() == last - applied) {
      return new ArrayList<>(byOffset.values());
    }
    List<LogEntry> fromLog = log.range(applied + 1, last, (int) (last - applied));
    if (fromLog.size() != last - applied) {
      // trimmed entries are covered by a batch view; anything else is a broken log
      throw new IllegalStateException(
          "log entries " + (applied + 1) + ".." + last + " are not all in the log");
    }
    return fromLog;
  }

  private record Key(String season, String playerId) {}

  private static final class Batch {
    final List<PlayerUpdate> updates = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
  }

  private Batch compute(long id, List<LogEntry> entries) {
    Batch batch = new Batch();
    List<MatchEvent> events = new ArrayList<>(entries.size());
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (LogEntry entry : entries) {
      MatchJson.Parsed parsed = MatchJson.parse(entry.json());
      if (!parsed.ok()) {
        batch.deadLetters.add(
            new DeadLetter(entry.offset(), "invalid: " + parsed.violations(), entry.json()));
        events.add(null);
        continue;
      }
      MatchEvent e = parsed.event();
      String previous;
      try {
        previous = calendar.previous(e.season());
      } catch (IllegalArgumentException ex) {
        batch.deadLetters.add(new DeadLetter(entry.offset(), ex.getMessage(), entry.json()));
        events.add(null);
        continue;
      }
      events.add(e);
      if (e.rated()) {
        for (Side s : e.sides()) {
          for (PlayerResult p : s.players()) {
            wanted.computeIfAbsent(e.season(), k -> new HashSet<>()).add(p.playerId());
            wanted.computeIfAbsent(previous, k -> new HashSet<>()).add(p.playerId());
          }
        }
      }
    }
    // states as stored (before), and as this batch leaves them (after)
    Map<Key, PlayerState> before = new HashMap<>();
    view.readPlayers(id, wanted)
        .forEach(
            (season, states) -> states.forEach((pid, st) -> before.put(new Key(season, pid), st)));
    Map<Key, PlayerState> after = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      MatchEvent e = events.get(i);
      if (e == null || !e.rated()) {
        continue;
      }
      try {
        rate(e, before, after);
      } catch (RuntimeException ex) {
        batch.deadLetters.add(
            new DeadLetter(
                entries.get(i).offset(),
                "not applicable: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                entries.get(i).json()));
      }
    }
    after.forEach((k, st) -> batch.updates.add(new PlayerUpdate(before.get(k), st)));
    return batch;
  }

  private void rate(MatchEvent e, Map<Key, PlayerState> before, Map<Key, PlayerState> after) {
    String season = e.season();
    String previous = calendar.previous(season);
    List<Side> sides = e.sides();
    int[] placements = new int[sides.size()];
    List<List<PlayerRating>> global = new ArrayList<>(sides.size());
    List<List<PlayerRating>> mode = new ArrayList<>(sides.size());
    List<PlayerState> states = new ArrayList<>();
    for (int k = 0; k < sides.size(); k++) {
      Side side = sides.get(k);
      placements[k] = side.placement();
      List<PlayerRating> g = new ArrayList<>(side.players().size());
      List<PlayerRating> m = new ArrayList<>(side.players().size());
      for (PlayerResult p : side.players()) {
        PlayerState now = state(new Key(season, p.playerId()), before, after);
        PlayerState prev = state(new Key(previous, p.playerId()), before, after);
        PlayerRating gr =
            now != null
                ? now.global()
                : prev != null ? engine.softReset(prev.global()) : engine.newcomer();
        PlayerRating mr =
            now != null && now.modes().containsKey(e.mode())
                ? now.modes().get(e.mode())
                : prev != null && prev.modes().containsKey(e.mode())
                    ? engine.softReset(prev.modes().get(e.mode()))
                    : engine.newcomer();
        g.add(gr);
        m.add(mr);
        states.add(
            now != null
                ? now
                : new PlayerState(
                    season, p.playerId(), gr, new TreeMap<>(), e.region(), e.platform()));
      }
      global.add(g);
      mode.add(m);
    }
    long t = e.endedAt().getEpochSecond();
    List<List<PlayerRating>> g2 = engine.rate(global, placements, t);
    List<List<PlayerRating>> m2 = engine.rate(mode, placements, t);
    int j = 0;
    for (int k = 0; k < sides.size(); k++) {
      for (int m = 0; m < sides.get(k).players().size(); m++) {
        PlayerState s =
            states
                .get(j++)
                .withGlobal(g2.get(k).get(m))
                .withMode(e.mode(), m2.get(k).get(m))
                .withPlace(e.region(), e.platform());
        after.put(new Key(season, s.playerId()), s);
      }
    }
  }

  private static PlayerState state(
      Key key, Map<Key, PlayerState> before, Map<Key, PlayerState> after) {
    PlayerState s = after.get(key);
    return s != null ? s : before.get(key);
  }
}
