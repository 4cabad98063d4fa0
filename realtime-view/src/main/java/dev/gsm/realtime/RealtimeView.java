package dev.gsm.realtime;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RankKey;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The real-time view in Redis: generations, player states, boards, and the atomic steps between
 * them. One definition for the speed layer (apply, hand-over), the batch publish step ({@link
 * #loadGeneration}) and the serving API ({@link #page}, {@link #player}). Thread-safe (Lettuce
 * connections are).
 */
public final class RealtimeView {

  /** What {@link #apply} did. */
  public enum ApplyOutcome {
    /** The changes and the new marker are in, together. */
    APPLIED,
    /** The marker was already at or past the batch: a redelivery, nothing changed. */
    ALREADY_APPLIED,
    /** The generation is no longer ready or live (it was switched away from or dropped). */
    GENERATION_NOT_WRITABLE,
    /** Someone else moved the marker since the states were read: read again. */
    CONFLICT
  }

  private static final LuaScript APPLY = LuaScript.load("apply.lua");
  private static final LuaScript INIT = LuaScript.load("init.lua");
  private static final LuaScript READY = LuaScript.load("ready.lua");
  private static final LuaScript SWITCH = LuaScript.load("switch.lua");
  private static final LuaScript PAGE = LuaScript.load("page.lua");
  private static final LuaScript SNAPSHOTS = LuaScript.load("snapshots.lua");
  private static final LuaScript STANDING = LuaScript.load("standing.lua");
  private static final LuaScript AROUND = LuaScript.load("around.lua");
  private static final LuaScript STAMP = LuaScript.load("stamp.lua");

  private static final int PIPELINE = 2_000;
  private static final Duration AWAIT = Duration.ofMinutes(1);

  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;
  private final RedisAsyncCommands<String, String> async;
  private final RedisLayout layout;
  private final RatingEngine engine;

  public RealtimeView(
      StatefulRedisConnection<String, String> connection,
      RedisLayout layout,
      RatingParameters params) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.redis = connection.sync();
    this.async = connection.async();
    this.layout = Objects.requireNonNull(layout, "layout");
    this.engine = new RatingEngine(params);
  }

  public RedisLayout layout() {
    return layout;
  }

  public StatefulRedisConnection<String, String> connection() {
    return connection;
  }

  /** The sorted-set score of a rating: {@code RankKey.redisScore(RankKey.of(display, games))}. */
  public double score(PlayerRating r) {
    return RankKey.redisScore(RankKey.of(engine.displayScore(r), r.games()));
  }

  // ---------------------------------------------------------------- generations

  /** The current generation, creating an empty live one (watermark 0) on first start. */
  public Generation ensureGeneration() {
    Long id =
        INIT.run(
            redis,
            ScriptOutputType.INTEGER,
            new String[] {layout.current(), layout.generationSequence()},
            layout.prefix(),
            Long.toString(System.currentTimeMillis()));
    return generation(id).orElseThrow();
  }

  public Optional<Generation> current() {
    String id = redis.get(layout.current());
    return id == null ? Optional.empty() : generation(Long.parseLong(id));
  }

  /** The generation loaded and waiting for the hand-over, if any. */
  public Optional<Generation> next() {
    String id = redis.get(layout.next());
    return id == null ? Optional.empty() : generation(Long.parseLong(id));
  }

  public Optional<Generation> generation(long id) {
    Map<String, String> m = redis.hgetall(layout.meta(id));
    if (m == null || m.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Generation(
            id,
            Generation.State.parse(m.get("state")),
            m.getOrDefault("version", ""),
            Long.parseLong(m.getOrDefault("watermark", "0")),
            Long.parseLong(m.getOrDefault("applied", "0"))));
  }

  /** Every generation whose meta key exists, by id. */
  public List<Generation> generations() {
    List<Generation> out = new ArrayList<>();
    for (String key : scan(glob(layout.prefix()) + "g*:meta")) {
      String id = key.substring(layout.prefix().length() + 1, key.length() - ":meta".length());
      if (id.chars().allMatch(Character::isDigit)) {
        generation(Long.parseLong(id)).ifPresent(out::add);
      }
    }
    out.sort((a, b) -> Long.compare(a.id(), b.id()));
    return out;
  }

  /**
   * Loads a batch view version into the keys of a new generation and marks it ready for the
   * hand-over: the publish step's entry point. The players are every player state of every season
   * the view holds (ratings with their counters, modes, region, platform); boards are derived here,
   * with the one score encoding. Readers keep reading the current generation meanwhile; the speed
   * layer then replays the log after {@code watermark} into the new generation and switches to it.
   * A load that dies half-way leaves a LOADING generation that the next load drops.
   *
   * @param version the batch view version (for the answers' stamps)
   * @param watermark the view's watermark L: it covers every log offset {@code <= L}
   */
  public Generation loadGeneration(String version, long watermark, Iterable<PlayerState> players) {
    return loadGeneration(version, watermark, players, Map.of());
  }

  /**
   * {@link #loadGeneration(String, long, Iterable)} with the activity histories as of the view's
   * watermark ({@code PlayerHistory.export} by player id): each loaded player's is written into the
   * generation with his state, before it becomes ready (others in the map are not kept):
   * predictions read the history of the generation they read the ratings of.
   */
  public Generation loadGeneration(
      String version,
      long watermark,
      Iterable<PlayerState> players,
      Map<String, byte[]> histories) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(histories, "histories");
    if (watermark < 0) {
      throw new IllegalArgumentException("watermark must be >= 0, was " + watermark);
    }
    for (Generation g : generations()) {
      if (g.state() == Generation.State.LOADING) {
        drop(g.id()); // a publish step that died half-way: its generation starts again
      }
    }
    long id = redis.incr(layout.generationSequence());
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("state", Generation.State.LOADING.redisName());
    meta.put("version", version);
    meta.put("watermark", Long.toString(watermark));
    meta.put("applied", Long.toString(watermark));
    meta.put("created_at", Long.toString(System.currentTimeMillis()));
    // packed player strings (apply.lua refuses generations without it: see REDIS.md)
    meta.put("layout", "packed");
    redis.hset(layout.meta(id), meta);
    List<RedisFuture<?>> pending = new ArrayList<>();
    java.util.Set<String> withHistory = new java.util.HashSet<>();
    java.util.Set<String> seasons = new java.util.TreeSet<>();
    for (PlayerState p : players) {
      seasons.add(p.season());
      pending.add(async.set(layout.player(id, p.season(), p.playerId()), p.pack()));
      byte[] history = histories.get(p.playerId());
      if (history != null && withHistory.add(p.playerId())) {
        pending.add(
            async.set(
                layout.history(id, p.playerId()),
                java.util.Base64.getEncoder().encodeToString(history)));
      }
      for (String[] z : boardEntries(id, p)) {
        pending.add(async.zadd(z[0], Double.parseDouble(z[1]), z[2]));
      }
      if (pending.size() >= PIPELINE) {
        await(pending);
        pending.clear();
      }
    }
    if (!seasons.isEmpty()) {
      pending.add(async.sadd(layout.seasons(id), seasons.toArray(String[]::new)));
    }
    await(pending);
    READY.run(
        redis,
        ScriptOutputType.INTEGER,
        new String[] {layout.next()},
        layout.prefix(),
        Long.toString(id));
    return generation(id).orElseThrow();
  }

  /**
   * The hand-over's atomic switch: {@code id} (READY) becomes current, the old generation RETIRED.
   * Empty when {@code id} has applied less of the log than the current one (replay, then retry).
   *
   * @return the old generation's id, or -1 when there was none
   * @throws IllegalStateException when {@code id} is not READY or covers less than the current one
   */
  public OptionalLong switchTo(long id) {
    Long old;
    try {
      old =
          SWITCH.run(
              redis,
              ScriptOutputType.INTEGER,
              new String[] {layout.current(), layout.next()},
              layout.prefix(),
              Long.toString(id));
    } catch (io.lettuce.core.RedisCommandExecutionException e) {
      throw new IllegalStateException("cannot switch to generation " + id, e);
    }
    return old == -2 ? OptionalLong.empty() : OptionalLong.of(old);
  }

  /**
   * Deletes a generation's keys. Its state is set to RETIRED first so that no writer adds to it;
   * the meta key goes last, so an interrupted drop is found and finished by the next sweep.
   */
  public void drop(long id) {
    if (id == currentId()) {
      throw new IllegalStateException("generation " + id + " is current");
    }
    redis.hset(layout.meta(id), "state", Generation.State.RETIRED.redisName());
    String meta = layout.meta(id);
    List<String> batch = new ArrayList<>();
    for (String key : scan(glob(layout.generationPrefix(id)) + "*")) {
      if (!key.equals(meta)) {
        batch.add(key);
        if (batch.size() == 1000) {
          redis.unlink(batch.toArray(String[]::new));
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      redis.unlink(batch.toArray(String[]::new));
    }
    redis.del(meta);
  }

  private long currentId() {
    String id = redis.get(layout.current());
    return id == null ? -1 : Long.parseLong(id);
  }

  // ---------------------------------------------------------------- the speed layer's step

  /** Player states of one season in a generation; players without a state are absent. */
  public Map<String, PlayerState> readPlayers(
      long generation, String season, Collection<String> playerIds) {
    return readPlayers(generation, Map.of(season, playerIds))
        .getOrDefault(season, new LinkedHashMap<>());
  }

  /**
   * Player states of several seasons in one {@code MGET} per {@value #PIPELINE} players (the speed
   * layer reads a batch's players at once).
   */
  public Map<String, Map<String, PlayerState>> readPlayers(
      long generation, Map<String, ? extends Collection<String>> idsBySeason) {
    List<String> seasons = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    idsBySeason.forEach(
        (season, list) -> {
          for (String id : list) {
            seasons.add(season);
            ids.add(id);
          }
        });
    Map<String, Map<String, PlayerState>> out = new LinkedHashMap<>();
    for (int from = 0; from < ids.size(); from += PIPELINE) {
      int to = Math.min(ids.size(), from + PIPELINE);
      String[] keys = new String[to - from];
      for (int i = from; i < to; i++) {
        keys[i - from] = layout.player(generation, seasons.get(i), ids.get(i));
      }
      List<io.lettuce.core.KeyValue<String, String>> values = redis.mget(keys);
      for (int i = from; i < to; i++) {
        io.lettuce.core.KeyValue<String, String> kv = values.get(i - from);
        if (kv.hasValue()) {
          out.computeIfAbsent(seasons.get(i), k -> new LinkedHashMap<>())
              .put(ids.get(i), PlayerState.unpack(seasons.get(i), ids.get(i), kv.getValue()));
        }
      }
    }
    return out;
  }

  /** The id of the generation waiting for the hand-over, in one round trip; -1 when none. */
  public long nextId() {
    String id = redis.get(layout.next());
    return id == null ? -1 : Long.parseLong(id);
  }

  /**
   * Writes new player states, their board entries and dead letters into a generation and moves its
   * applied-through marker from {@code expectedApplied} to {@code newApplied}, in one atomic Redis
   * step (a Lua script): the effect of a batch of log entries is exactly once however often it is
   * delivered.
   */
  public ApplyOutcome apply(
      long generation,
      long expectedApplied,
      long newApplied,
      List<PlayerUpdate> updates,
      List<DeadLetter> deadLetters) {
    return apply(generation, expectedApplied, newApplied, updates, deadLetters, "");
  }

  /**
   * {@link #apply}, recording {@code writer} as the generation's last writer ({@link #applyAsync}).
   */
  public ApplyOutcome apply(
      long generation,
      long expectedApplied,
      long newApplied,
      List<PlayerUpdate> updates,
      List<DeadLetter> deadLetters,
      String writer) {
    try {
      return applyAsync(
              generation, expectedApplied, newApplied, updates, deadLetters, writer, false)
          .join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * {@link #apply} without waiting for the answer, for a writer that pipelines its batches: the
   * step also records {@code writer} as the generation's last writer, and with {@code chained} it
   * is refused ({@link ApplyOutcome#CONFLICT}) unless the last write was {@code writer}'s own, i.e.
   * unless the batch it was computed on top of (sent before it on this connection, answer not yet
   * seen) was applied. A chained batch therefore never lands on states it was not computed from.
   */
  public CompletableFuture<ApplyOutcome> applyAsync(
      long generation,
      long expectedApplied,
      long newApplied,
      List<PlayerUpdate> updates,
      List<DeadLetter> deadLetters,
      String writer,
      boolean chained) {
    Objects.requireNonNull(writer, "writer");
    String[] args =
        applyArgs(
            generation,
            updates,
            deadLetters,
            Long.toString(expectedApplied),
            Long.toString(newApplied),
            layout.deadLetters(),
            layout.deadLetterOffsets(),
            writer,
            chained ? "1" : "0");
    return APPLY
        .<Long>runAsync(
            async, ScriptOutputType.INTEGER, new String[] {layout.meta(generation)}, args)
        .thenApply(RealtimeView::applyOutcome);
  }

  private static ApplyOutcome applyOutcome(Long r) {
    return switch (r.intValue()) {
      case 1 -> ApplyOutcome.APPLIED;
      case 0 -> ApplyOutcome.ALREADY_APPLIED;
      case -1 -> ApplyOutcome.GENERATION_NOT_WRITABLE;
      case -2 -> ApplyOutcome.CONFLICT;
      default -> throw new IllegalStateException("apply.lua returned " + r);
    };
  }

  /** apply.lua's ARGV: {@code head} (ARGV[1..6]), then the batch's ops. */
  private String[] applyArgs(
      long generation, List<PlayerUpdate> updates, List<DeadLetter> deadLetters, String... head) {
    List<String> args = new ArrayList<>(16 + updates.size() * 24);
    args.addAll(List.of(head));
    // grouped by board: one ZADD / ZREM per board and batch instead of one per member
    List<String> states = new ArrayList<>(2 * updates.size());
    Map<String, List<String>> zadd = new LinkedHashMap<>();
    Map<String, List<String>> zrem = new LinkedHashMap<>();
    java.util.Set<String> newSeasons = new java.util.TreeSet<>();
    for (PlayerUpdate u : updates) {
      addOps(generation, u, states, zadd, zrem);
      if (u.before() == null) {
        newSeasons.add(u.after().season());
      }
    }
    if (!states.isEmpty()) {
      args.add("M");
      args.add("");
      args.add(Integer.toString(states.size() / 2));
      args.addAll(states);
    }
    zadd.forEach((key, pairs) -> addGroup("Z", key, pairs.size() / 2, pairs, args));
    zrem.forEach((key, members) -> addGroup("R", key, members.size(), members, args));
    if (!newSeasons.isEmpty()) {
      addGroup("S", layout.seasons(generation), newSeasons.size(), List.copyOf(newSeasons), args);
    }
    for (DeadLetter d : deadLetters) {
      args.add("D");
      args.add(Long.toString(d.offset()));
      args.add(d.reason());
      args.add(d.json() == null ? "" : d.json());
    }
    return args.toArray(String[]::new);
  }

  private static void addGroup(
      String op, String key, int n, List<String> items, List<String> args) {
    args.add(op);
    args.add(key);
    args.add(Integer.toString(n));
    args.addAll(items);
  }

  /**
   * One player's share of a batch: the packed state (key, value) when it changed, the board entries
   * whose score changed (the boards of a mode not played keep theirs), and the removals from the
   * region or platform board the player left.
   */
  private void addOps(
      long generation,
      PlayerUpdate u,
      List<String> states,
      Map<String, List<String>> zadd,
      Map<String, List<String>> zrem) {
    PlayerState a = u.after();
    PlayerState b = u.before();
    if (!a.equals(b)) {
      states.add(layout.player(generation, a.season(), a.playerId()));
      states.add(a.pack());
    }
    for (String[] z : boardEntries(generation, a)) {
      boolean modeUnchanged =
          b != null
              && z[3] != null
              && a.modes().get(z[3]) != null
              && a.modes().get(z[3]).equals(b.modes().get(z[3]));
      if (!modeUnchanged) {
        List<String> pairs = zadd.computeIfAbsent(z[0], k -> new ArrayList<>());
        pairs.add(z[1]);
        pairs.add(z[2]);
      }
    }
    if (b != null && !b.region().equals(a.region())) {
      zrem.computeIfAbsent(
              layout.board(generation, a.season(), Board.region(b.region())),
              k -> new ArrayList<>())
          .add(a.playerId());
    }
    if (b != null && !b.platform().equals(a.platform())) {
      zrem.computeIfAbsent(
              layout.board(generation, a.season(), Board.platform(b.platform())),
              k -> new ArrayList<>())
          .add(a.playerId());
    }
  }

  /** {key, score, member, mode or null} of every board a player state is on. */
  private List<String[]> boardEntries(long generation, PlayerState p) {
    List<String[]> out = new ArrayList<>(4 + p.modes().size());
    String global = scoreText(p.global());
    String s = p.season();
    out.add(new String[] {layout.board(generation, s, Board.global()), global, p.playerId(), null});
    out.add(
        new String[] {
          layout.board(generation, s, Board.region(p.region())), global, p.playerId(), null
        });
    out.add(
        new String[] {
          layout.board(generation, s, Board.platform(p.platform())), global, p.playerId(), null
        });
    for (Map.Entry<String, PlayerRating> m : p.modes().entrySet()) {
      out.add(
          new String[] {
            layout.board(generation, s, Board.mode(m.getKey())),
            scoreText(m.getValue()),
            p.playerId(),
            m.getKey()
          });
    }
    return out;
  }

  private String scoreText(PlayerRating r) {
    // an integer below 2^53 (RankKey): printed as one, so the sorted set holds it exactly
    return Long.toString((long) score(r));
  }

  // ---------------------------------------------------------------- reads (serving API)

  /**
   * Ranks {@code [start, start + count)} (0-based) of a board of the current generation, read in
   * one atomic step with the generation's stamp. Empty when there is no generation yet.
   */
  public Optional<BoardPage> page(String season, Board board, long start, int count) {
    if (start < 0 || count < 1) {
      throw new IllegalArgumentException("start >= 0 and count >= 1 required");
    }
    List<Object> r =
        PAGE.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {layout.current()},
            layout.prefix(),
            season,
            board.suffix(),
            Long.toString(start),
            Long.toString(start + count - 1));
    if (noGeneration(r)) {
      return Optional.empty();
    }
    Stamp stamp = stamp(r);
    @SuppressWarnings("unchecked")
    List<Object> rows = (List<Object>) r.get(5);
    return Optional.of(new BoardPage(stamp, (Long) r.get(4), rows(board, start, rows)));
  }

  /**
   * Several players of a season in the current generation, with their activity histories, read in
   * one atomic step with the generation's stamp: what a match-quality prediction needs. Players
   * without a state in the season are absent from {@code states}; players without a history (a
   * newcomer since the batch view) from {@code histories}. Empty when there is no generation yet.
   */
  public Optional<PlayerSnapshots> snapshots(String season, List<String> playerIds) {
    return snapshots(
        season,
        playerIds,
        SNAPSHOTS.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {layout.current()},
            snapshotArgs(season, playerIds)));
  }

  /**
   * {@link #snapshots} without waiting: the future completes on the connection's I/O thread, which
   * must not be blocked by what is chained to it.
   */
  public CompletableFuture<Optional<PlayerSnapshots>> snapshotsAsync(
      String season, List<String> playerIds) {
    return SNAPSHOTS
        .<List<Object>>runAsync(
            async,
            ScriptOutputType.MULTI,
            new String[] {layout.current()},
            snapshotArgs(season, playerIds))
        .thenApply(r -> snapshots(season, playerIds, r));
  }

  private String[] snapshotArgs(String season, List<String> playerIds) {
    String[] args = new String[2 + playerIds.size()];
    args[0] = layout.prefix();
    args[1] = season;
    for (int i = 0; i < playerIds.size(); i++) {
      args[2 + i] = playerIds.get(i);
    }
    return args;
  }

  private Optional<PlayerSnapshots> snapshots(
      String season, List<String> playerIds, List<Object> r) {
    if (noGeneration(r)) {
      return Optional.empty();
    }
    Map<String, PlayerState> states = new LinkedHashMap<>();
    Map<String, byte[]> histories = new LinkedHashMap<>();
    for (int i = 0; i < playerIds.size(); i++) {
      String id = playerIds.get(i);
      PlayerState state = state(season, id, r.get(4 + 2 * i));
      if (state != null) {
        states.put(id, state);
      }
      Object history = r.get(5 + 2 * i);
      if (history instanceof String s && !s.isEmpty()) {
        histories.put(id, java.util.Base64.getDecoder().decode(s));
      }
    }
    return Optional.of(new PlayerSnapshots(stamp(r), states, histories));
  }

  /**
   * The current generation's stamp, in one small step. Two reads with the same stamp saw the same
   * state: every write readers can see moves the applied-through marker or the generation in the
   * same atomic step, so a reader may reuse an answer it built under an equal stamp.
   */
  public Optional<Stamp> stamp() {
    List<Object> r =
        STAMP.run(redis, ScriptOutputType.MULTI, new String[] {layout.current()}, layout.prefix());
    return noGeneration(r) ? Optional.empty() : Optional.of(stamp(r));
  }

  /**
   * A player's state in a season of the current generation and the player's place on every board
   * the player is on, in one atomic step. Empty when there is no generation or no such player.
   */
  public Optional<PlayerStanding> standing(String season, String playerId) {
    List<Object> r =
        STANDING.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {layout.current()},
            layout.prefix(),
            season,
            playerId);
    if (noGeneration(r)) {
      return Optional.empty();
    }
    PlayerState state = state(season, playerId, r.get(4));
    if (state == null) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    List<Object> boards = (List<Object>) r.get(5);
    Map<Board, PlayerStanding.Position> positions = new LinkedHashMap<>();
    for (int i = 0; i + 2 < boards.size(); i += 3) {
      positions.put(
          Board.parse((String) boards.get(i)),
          new PlayerStanding.Position((Long) boards.get(i + 1), (Long) boards.get(i + 2)));
    }
    return Optional.of(new PlayerStanding(stamp(r), state, positions));
  }

  /**
   * The window of a board around a player: up to {@code before} ranks above the player, the player,
   * and up to {@code after} ranks below, read in one atomic step. A page with no rows when the
   * player is not on the board; empty when there is no generation.
   */
  public Optional<BoardPage> around(
      String season, Board board, String playerId, int before, int after) {
    if (before < 0 || after < 0) {
      throw new IllegalArgumentException("before and after must be >= 0");
    }
    List<Object> r =
        AROUND.run(
            redis,
            ScriptOutputType.MULTI,
            new String[] {layout.current()},
            layout.prefix(),
            season,
            board.suffix(),
            playerId,
            Integer.toString(before),
            Integer.toString(after));
    if (noGeneration(r)) {
      return Optional.empty();
    }
    long start = (Long) r.get(5);
    @SuppressWarnings("unchecked")
    List<Object> rows = (List<Object>) r.get(6);
    return Optional.of(
        new BoardPage(stamp(r), (Long) r.get(4), rows(board, Math.max(0, start), rows)));
  }

  /** A player's state from a script's GET reply; null when the player has none. */
  private static PlayerState state(String season, String playerId, Object reply) {
    return reply instanceof String packed ? PlayerState.unpack(season, playerId, packed) : null;
  }

  private List<BoardRow> rows(Board board, long start, List<Object> rows) {
    List<BoardRow> out = new ArrayList<>(rows.size() / 2);
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      PlayerRating rating = PlayerState.boardRating((String) rows.get(i + 1), board);
      out.add(
          new BoardRow(start + i / 2, (String) rows.get(i), rating, engine.displayScore(rating)));
    }
    return out;
  }

  /**
   * Players of a generation: members of the global boards of all its seasons (the generation's
   * season set, then one ZCARD per season: a few commands, where a SCAN of the keyspace took
   * seconds of Redis time at 1M players).
   */
  public long playerCount(long generation) {
    long n = 0;
    for (String season : redis.smembers(layout.seasons(generation))) {
      n += redis.zcard(layout.board(generation, season, Board.global()));
    }
    return n;
  }

  /** Redis's {@code used_memory}: with {@link #playerCount}, the memory-per-player metric. */
  public long usedMemory() {
    for (String line : redis.info("memory").split("\\r?\\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    return 0;
  }

  /** Every member of a board of one generation in rank order (tests, tools; O(board)). */
  public List<String> boardMembers(long generation, String season, Board board) {
    return redis.zrange(layout.board(generation, season, board), 0, -1);
  }

  /**
   * A read script's answer when there is no current generation: the scripts return nil, which
   * arrives as an empty list or as a list holding one null.
   */
  private static boolean noGeneration(List<Object> r) {
    return r == null || r.isEmpty() || r.get(0) == null;
  }

  private static Stamp stamp(List<Object> r) {
    return new Stamp(
        Long.parseLong((String) r.get(0)),
        r.get(1) == null ? "" : (String) r.get(1),
        r.get(2) == null ? 0 : Long.parseLong((String) r.get(2)),
        r.get(3) == null ? 0 : Long.parseLong((String) r.get(3)));
  }

  // ---------------------------------------------------------------- helpers

  private List<String> scan(String pattern) {
    List<String> keys = new ArrayList<>();
    ScanCursor cursor = ScanCursor.INITIAL;
    ScanArgs args = ScanArgs.Builder.matches(pattern).limit(1000);
    do {
      KeyScanCursor<String> c = redis.scan(cursor, args);
      keys.addAll(c.getKeys());
      cursor = c;
    } while (!cursor.isFinished());
    return keys;
  }

  /** Escapes glob characters of a literal key prefix for SCAN MATCH. */
  static String glob(String literal) {
    StringBuilder b = new StringBuilder(literal.length() + 4);
    for (char c : literal.toCharArray()) {
      if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static void await(List<? extends RedisFuture<?>> futures) {
    if (futures.isEmpty()) {
      return;
    }
    if (!LettuceFutures.awaitAll(AWAIT, futures.toArray(RedisFuture[]::new))) {
      throw new IllegalStateException("Redis did not answer within " + AWAIT);
    }
    for (Iterator<? extends RedisFuture<?>> it = futures.iterator(); it.hasNext(); ) {
      getNow(it.next());
    }
  }

  private static <T> T getNow(RedisFuture<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Redis", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Redis command failed: " + e.getCause().getMessage(), e);
    }
  }
}
