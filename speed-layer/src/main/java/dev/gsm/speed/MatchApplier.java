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
import java.util.concurrent.CompletableFuture;

/**
 * Applies log entries to one generation of the real-time view through the engine's value path, in
 * log order, exactly once: the new states and the applied-through marker go to Redis in one Lua
 * step ({@link RealtimeView#apply}) that is refused when the marker moved. Entries at or before the
 * marker (the generation's watermark L, or a redelivery) change nothing; a gap before the first
 * delivered entry is filled from the log, so every offset after L is applied once, in order.
 *
 * <p>Per player and season the state starts, at the player's first match of a season, from the soft
 * reset ({@link RatingEngine#softReset}) of their state in the previous season (same rule per
 * mode), or as a newcomer: the rule the batch applies. As in the batch, the season's record (games,
 * wins, losses, draws, and so the rank order's games tie-break) counts from zero there ({@link
 * RatingEngine#seasonRecord}).
 *
 * <p>Between batches it keeps the states it read and wrote (and the players it found absent) of one
 * generation, together with the marker they are at. Every write to a generation's player keys moves
 * its marker forward (apply.lua; the marker never moves back), so while the marker is where this
 * applier left it, those states are exactly Redis's: a batch then starts from the cached marker and
 * reads only the players it has not seen. Any other outcome of the compare-and-set (another writer,
 * a switch, a redelivery) empties the cache, and the next batch reads afresh.
 */
public final class MatchApplier {

  /** The result of applying a batch. */
  public record Result(ApplyOutcome outcome, long applied, int matches, int deadLetters) {}

  private static final int MAX_RETRIES = 16;

  /** Player states kept between batches by default (about 0.5 KB of heap each). */
  public static final int DEFAULT_CACHE = 200_000;

  private final RealtimeView view;
  private final RealtimeView reads;
  private final MatchLog log;
  private final RatingEngine engine;
  private final SeasonCalendar calendar;
  private final StateCache cache;
  // this applier's token in the generation's meta hash (apply.lua): a pipelined batch is applied
  // only on top of this applier's own previous write
  private final String writer = "applier-" + java.util.UUID.randomUUID();
  // the last batch sent and not yet completed, and the one it was chained on while that one is not
  // completed either (pipeline depth 2: never more)
  private InFlight pending;
  private InFlight unconfirmed;

  /**
   * @param reads the same view on a connection of its own, for the player states a batch reads: a
   *     read then does not wait behind the batch in flight on {@code view}'s connection ({@link
   *     #submit})
   * @param cacheSize player states (per season) kept between batches; 0 reads every batch's players
   *     from Redis
   */
  public MatchApplier(
      RealtimeView view,
      RealtimeView reads,
      MatchLog log,
      RatingEngine engine,
      SeasonCalendar calendar,
      int cacheSize) {
    this.view = view;
    this.reads = reads;
    this.log = log;
    this.engine = engine;
    this.calendar = calendar;
    this.cache = new StateCache(cacheSize);
  }

  /**
   * A log entry read for applying: the match, or why it cannot be applied (it then goes to the dead
   * letters when its turn comes). Parsing needs no state, so it can run ahead of the applies.
   */
  public record ParsedEntry(LogEntry entry, MatchEvent event, String problem) {
    long offset() {
      return entry.offset();
    }
  }

  /** Parses and validates entries (pure; any thread). */
  public List<ParsedEntry> parse(Collection<LogEntry> entries) {
    List<ParsedEntry> out = new ArrayList<>(entries.size());
    for (LogEntry entry : entries) {
      out.add(parse(entry));
    }
    return out;
  }

  private ParsedEntry parse(LogEntry entry) {
    MatchJson.Parsed parsed = MatchJson.parse(entry.json());
    if (!parsed.ok()) {
      return new ParsedEntry(entry, null, "invalid: " + parsed.violations());
    }
    try {
      calendar.previous(parsed.event().season());
    } catch (IllegalArgumentException ex) {
      return new ParsedEntry(entry, null, ex.getMessage());
    }
    return new ParsedEntry(entry, parsed.event(), null);
  }

  /** Applies {@code delivered} (any order, duplicates allowed) to generation {@code id}. */
  public Result apply(long id, Collection<LogEntry> delivered) {
    return applyParsed(id, parse(delivered));
  }

  /** {@link #apply} of entries already {@link #parse parsed}. */
  public Result applyParsed(long id, List<ParsedEntry> delivered) {
    if (delivered.isEmpty()) {
      return new Result(ApplyOutcome.ALREADY_APPLIED, -1, 0, 0);
    }
    long last = delivered.stream().mapToLong(ParsedEntry::offset).max().orElseThrow();
    for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
      long applied = cache.marker(id);
      if (applied < 0) {
        Generation g = view.generation(id).orElse(null);
        if (g == null
            || (g.state() != Generation.State.LIVE && g.state() != Generation.State.READY)) {
          return new Result(ApplyOutcome.GENERATION_NOT_WRITABLE, -1, 0, 0);
        }
        applied = g.applied();
        cache.reset(id, applied);
      }
      if (applied >= last) {
        // the marker only moves forward: at or past `last` in Redis as well
        return new Result(ApplyOutcome.ALREADY_APPLIED, applied, 0, 0);
      }
      List<ParsedEntry> todo = contiguous(delivered, applied, last);
      Batch batch = compute(id, todo, Map.of());
      ApplyOutcome outcome =
          view.apply(id, applied, last, batch.updates, batch.deadLetters, writer);
      if (outcome == ApplyOutcome.APPLIED) {
        cache.advance(id, last, batch.updates);
      } else {
        cache.clear();
      }
      if (outcome != ApplyOutcome.CONFLICT) {
        return new Result(outcome, last, todo.size(), batch.deadLetters.size());
      }
    }
    throw new IllegalStateException(
        "generation " + id + ": the applied marker kept moving; is a second applier running?");
  }

  /** The view player states are read through (its own connection in {@code bin/gsm speed}). */
  public RealtimeView reads() {
    return reads;
  }

  /**
   * A batch {@link #submit submitted} and not yet {@link #complete completed}: its apply step is on
   * its way to Redis (or, when {@link #deferred}, is to be done synchronously at completion).
   */
  public static final class InFlight {
    private final long id;
    private final List<ParsedEntry> delivered;
    private final long last;
    private final int matches;
    private final int deadLetters;
    private final List<PlayerUpdate> updates;
    private final Map<Key, PlayerState> after;
    private final CompletableFuture<ApplyOutcome> outcome;
    private boolean doomed;

    private InFlight(
        long id,
        List<ParsedEntry> delivered,
        long last,
        Batch batch,
        int matches,
        CompletableFuture<ApplyOutcome> outcome) {
      this.id = id;
      this.delivered = delivered;
      this.last = last;
      this.matches = matches;
      this.deadLetters = batch == null ? 0 : batch.deadLetters.size();
      this.updates = batch == null ? List.of() : batch.updates;
      this.after = batch == null ? Map.of() : batch.after;
      this.outcome = outcome;
    }

    /** The entries as delivered (what to acknowledge, and to apply again if this one failed). */
    public List<ParsedEntry> delivered() {
      return delivered;
    }

    /** Nothing was sent: {@link MatchApplier#complete} leaves the apply to the caller. */
    boolean deferred() {
      return outcome == null;
    }
  }

  /**
   * Pipelined apply, step one: computes the batch and sends its apply step without waiting for the
   * answer. With a batch in flight (at most one), this one is computed from the states that batch
   * leaves and sent chained on it (apply.lua then refuses it unless the one before was this
   * applier's own last write): while Redis applies batch N, this thread reads and rates batch N+1.
   * Every submitted batch must be {@link #complete completed}, in submission order.
   */
  public InFlight submit(long id, List<ParsedEntry> delivered) {
    InFlight prev = pending;
    if (unconfirmed != null) {
      throw new IllegalStateException("two batches in flight already: complete one first");
    }
    if (delivered.isEmpty() || (prev != null && prev.id != id)) {
      return new InFlight(id, delivered, -1, null, 0, null);
    }
    long last = delivered.stream().mapToLong(ParsedEntry::offset).max().orElseThrow();
    long base = prev != null ? prev.last : cache.marker(id);
    if (base < 0 || base >= last) {
      // the marker is not known here (read it: the synchronous path), or the batch is covered by
      // the one in flight: settled synchronously once that one is
      return new InFlight(id, delivered, -1, null, 0, null);
    }
    List<ParsedEntry> todo = contiguous(delivered, base, last);
    Batch batch = compute(id, todo, prev == null ? Map.of() : prev.after);
    CompletableFuture<ApplyOutcome> outcome =
        view.applyAsync(id, base, last, batch.updates, batch.deadLetters, writer, prev != null);
    InFlight f = new InFlight(id, delivered, last, batch, todo.size(), outcome);
    if (prev != null) {
      unconfirmed = prev;
    }
    pending = f;
    return f;
  }

  /**
   * Pipelined apply, step two: waits for a submitted batch's answer. {@code null} when it was not
   * applied (refused, failed, or never sent): the caller then applies {@link InFlight#delivered}
   * with {@link #applyParsed}, which starts from the marker in Redis. When a batch was not applied,
   * the one sent after it is waited for as well (it is refused, or applied on top of a write that
   * did land after all) and will also complete with {@code null}, and the cached states are
   * dropped.
   */
  public Result complete(InFlight f) {
    if (f.deferred()) {
      return null;
    }
    ApplyOutcome outcome;
    try {
      outcome = f.outcome.join();
    } catch (RuntimeException e) {
      outcome = null; // e.g. a lost connection; the synchronous retry reports what persists
    }
    if (pending == f) {
      pending = null;
    }
    if (unconfirmed == f) {
      unconfirmed = null;
    }
    if (outcome == ApplyOutcome.APPLIED && !f.doomed) {
      cache.advance(f.id, f.last, f.updates);
      return new Result(ApplyOutcome.APPLIED, f.last, f.matches, f.deadLetters);
    }
    if (pending != null) {
      pending.doomed = true; // its completion applies it again synchronously
    }
    abandon();
    return null;
  }

  /** After a failure in the caller: waits for the batch in flight, forgets it and the cache. */
  public void abandon() {
    if (pending != null) {
      try {
        pending.outcome.join();
      } catch (RuntimeException e) {
        // settled either way
      }
      pending = null;
    }
    unconfirmed = null;
    cache.clear();
  }

  /** Entries applied + 1 .. last, each once, in offset order; missing ones come from the log. */
  private List<ParsedEntry> contiguous(List<ParsedEntry> delivered, long applied, long last) {
    TreeMap<Long, ParsedEntry> byOffset = new TreeMap<>();
    for (ParsedEntry e : delivered) {
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
    List<ParsedEntry> out = new ArrayList<>(fromLog.size());
    for (LogEntry e : fromLog) {
      ParsedEntry known = byOffset.get(e.offset());
      out.add(known != null ? known : parse(e));
    }
    return out;
  }

  private record Key(String season, String playerId) {}

  private static final class Batch {
    final List<PlayerUpdate> updates = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    // the states as this batch leaves them
    final Map<Key, PlayerState> after = new LinkedHashMap<>();
  }

  /**
   * The batch's updates, from the states at its base: {@code base} (the states the batch in flight
   * leaves; absent there = unchanged by it), then the cache, then Redis.
   */
  private Batch compute(long id, List<ParsedEntry> parsed, Map<Key, PlayerState> base) {
    Batch batch = new Batch();
    List<LogEntry> entries = new ArrayList<>(parsed.size());
    List<MatchEvent> events = new ArrayList<>(parsed.size());
    // per player of the batch (in a match's season): the modes played in that season
    Map<Key, Set<String>> played = new LinkedHashMap<>();
    for (ParsedEntry pe : parsed) {
      LogEntry entry = pe.entry();
      entries.add(entry);
      MatchEvent e = pe.event();
      events.add(e);
      if (e == null) {
        batch.deadLetters.add(new DeadLetter(entry.offset(), pe.problem(), entry.json()));
        continue;
      }
      if (e.rated()) {
        for (Side s : e.sides()) {
          for (PlayerResult p : s.players()) {
            played
                .computeIfAbsent(new Key(e.season(), p.playerId()), k -> new HashSet<>(2))
                .add(e.mode());
          }
        }
      }
    }
    // states as stored (before: the cache, else Redis), and as this batch leaves them (after)
    Map<Key, PlayerState> before = new HashMap<>();
    Set<Key> resolved = new HashSet<>();
    resolve(id, played.keySet(), before, resolved, base);
    // The previous season's state only matters where the season's own state (at the start of the
    // batch) is missing, or lacks a mode played: the cross-season rule starts those from its soft
    // reset. Players with both need no second read.
    List<Key> previous = new ArrayList<>();
    played.forEach(
        (k, modes) -> {
          PlayerState now = before.get(k);
          if (now == null || !now.modes().keySet().containsAll(modes)) {
            previous.add(new Key(calendar.previous(k.season()), k.playerId()));
          }
        });
    resolve(id, previous, before, resolved, base);
    Map<Key, PlayerState> after = batch.after;
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

  /** Puts the stored states of {@code keys} into {@code before}: from the cache, else Redis. */
  private void resolve(
      long id,
      Collection<Key> keys,
      Map<Key, PlayerState> before,
      Set<Key> resolved,
      Map<Key, PlayerState> base) {
    Map<String, List<String>> missing = new LinkedHashMap<>();
    for (Key k : keys) {
      if (!resolved.add(k)) {
        continue;
      }
      PlayerState inFlight = base.get(k);
      if (inFlight != null) {
        before.put(k, inFlight);
      } else if (!cache.lookup(k, before)) {
        missing.computeIfAbsent(k.season(), x -> new ArrayList<>()).add(k.playerId());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    Map<String, Map<String, PlayerState>> read = reads.readPlayers(id, missing);
    missing.forEach(
        (season, ids) -> {
          Map<String, PlayerState> states = read.getOrDefault(season, Map.of());
          for (String pid : ids) {
            PlayerState st = states.get(pid);
            Key k = new Key(season, pid);
            if (st != null) {
              before.put(k, st);
            }
            cache.remember(k, st);
          }
        });
  }

  private void rate(MatchEvent e, Map<Key, PlayerState> before, Map<Key, PlayerState> after) {
    String season = e.season();
    String previous = calendar.previous(season);
    List<Side> sides = e.sides();
    int[] placements = new int[sides.size()];
    List<List<PlayerRating>> global = new ArrayList<>(sides.size());
    List<List<PlayerRating>> mode = new ArrayList<>(sides.size());
    List<PlayerState> states = new ArrayList<>();
    // per participant, the rating a board started the season from (null: the season's own state)
    List<PlayerRating> globalStarts = new ArrayList<>();
    List<PlayerRating> modeStarts = new ArrayList<>();
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
        globalStarts.add(now != null ? null : gr);
        modeStarts.add(now != null && now.modes().containsKey(e.mode()) ? null : mr);
        states.add(
            now != null
                ? now
                : new PlayerState(
                    season, p.playerId(), gr, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()));
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
                .get(j)
                .withGlobal(seasonRecord(g2.get(k).get(m), globalStarts.get(j)))
                .withMode(e.mode(), seasonRecord(m2.get(k).get(m), modeStarts.get(j)))
                .withMatchIn(e.region(), e.platform());
        j++;
        after.put(new Key(season, s.playerId()), s);
      }
    }
  }

  /**
   * A rating that started the season (or its mode) from {@code start} keeps the season's record.
   */
  private static PlayerRating seasonRecord(PlayerRating rated, PlayerRating start) {
    return start == null ? rated : RatingEngine.seasonRecord(rated, start);
  }

  /**
   * The states of one generation at one marker: player states (or their absence) as Redis holds
   * them while the marker is {@link #marker}. Least recently used first out.
   */
  private static final class StateCache {
    private static final Object ABSENT = new Object();
    private final int capacity;
    private final LinkedHashMap<Key, Object> states;
    private long generation = -1;
    private long marker = -1;

    StateCache(int capacity) {
      this.capacity = capacity;
      this.states =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
              return size() > StateCache.this.capacity;
            }
          };
    }

    /** The marker the cached states of generation {@code id} are at; -1 when unknown. */
    long marker(long id) {
      return id == generation ? marker : -1;
    }

    /** Starts over for generation {@code id}, whose marker was just read as {@code applied}. */
    void reset(long id, long applied) {
      states.clear();
      generation = id;
      marker = applied;
    }

    void clear() {
      states.clear();
      generation = -1;
      marker = -1;
    }

    /** Puts a cached state into {@code into}; false when the key is not cached. */
    boolean lookup(Key k, Map<Key, PlayerState> into) {
      Object v = states.get(k);
      if (v == null) {
        return false;
      }
      if (v != ABSENT) {
        into.put(k, (PlayerState) v);
      }
      return true;
    }

    /** A state as read from Redis at the current marker ({@code null}: the player has none). */
    void remember(Key k, PlayerState st) {
      if (capacity > 0) {
        states.put(k, st == null ? ABSENT : st);
      }
    }

    /** The batch's compare-and-set succeeded: its states are Redis's at {@code applied}. */
    void advance(long id, long applied, List<PlayerUpdate> updates) {
      if (id != generation) {
        states.clear();
        generation = id;
      }
      marker = applied;
      if (capacity > 0) {
        for (PlayerUpdate u : updates) {
          states.put(new Key(u.after().season(), u.after().playerId()), u.after());
        }
      }
    }
  }

  private static PlayerState state(
      Key key, Map<Key, PlayerState> before, Map<Key, PlayerState> after) {
    PlayerState s = after.get(key);
    return s != null ? s : before.get(key);
  }
}
