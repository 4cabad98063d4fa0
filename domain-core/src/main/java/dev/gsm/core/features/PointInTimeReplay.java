package dev.gsm.core.features;

import dev.gsm.core.rating.MatchRater;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import dev.gsm.core.rating.RatingTable;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Point-in-time training data: replays history through {@link MatchRater} in {@link
 * MatchRater#EVENT_TIME_ORDER} and, for every match, takes the features as they stood when it
 * started.
 *
 * <p>Two cursors: matches are visited in start order, and before a match's features are taken,
 * exactly the matches that <em>ended strictly before it started</em> have been applied to the
 * ratings and the activity history. Nothing at or after a match's start reaches its features (the
 * labels of course look ahead). Pure Java, deterministic: the same events in any input order give
 * the same examples.
 */
public final class PointInTimeReplay {

  /** Start order of the feature cursor: start time, then match id. */
  public static final Comparator<MatchEvent> START_ORDER =
      Comparator.comparing(MatchEvent::startedAt).thenComparing(MatchEvent::matchId);

  /**
   * @param engagementWindow a player is engaged after a match if his next match starts within this
   *     time of its end
   * @param engagementSample share of player appearances kept as engagement examples (chosen by a
   *     hash of match and player id, so reproducible); 1 keeps all
   */
  public record Options(Duration engagementWindow, double engagementSample) {
    public Options {
      if (engagementWindow.isNegative() || engagementWindow.isZero()) {
        throw new IllegalArgumentException("engagement window must be positive");
      }
      if (!(engagementSample > 0 && engagementSample <= 1)) {
        throw new IllegalArgumentException("engagement sample must be in (0, 1]");
      }
    }

    public static Options defaults() {
      return new Options(Duration.ofDays(3), 1.0);
    }
  }

  /**
   * A two-sided match, side A chosen by the parity of the match id's hash (sources such as ATP list
   * the winner first).
   *
   * @param minGames rated games before the match of its least experienced player
   * @param aWon whether side A finished ahead; {@code null} for a draw
   */
  public record WinExample(
      String matchId,
      long startedAt,
      String mode,
      String region,
      double[] features,
      double engineProbability,
      int minGames,
      Boolean aWon) {}

  /**
   * One player's appearance.
   *
   * @param engineExpectedScore the rating engine's expected score of the player's side
   * @param playedAgain next match started within the window after this one ended; {@code null} when
   *     the data ends too early to know
   */
  public record EngagementExample(
      String matchId,
      String playerId,
      long startedAt,
      String mode,
      String region,
      double[] features,
      double engineExpectedScore,
      Boolean playedAgain) {}

  public record Result(
      List<WinExample> win, List<EngagementExample> engagement, long matches, long censored) {}

  private final RatingParameters params;
  private final Options options;

  public PointInTimeReplay(RatingParameters params, Options options) {
    this.params = params;
    this.options = options;
  }

  /** Replays {@code events} (valid, one per match id, any order). */
  public Result run(List<MatchEvent> events) {
    MatchEvent[] byEnd = events.toArray(new MatchEvent[0]);
    Arrays.sort(byEnd, MatchRater.EVENT_TIME_ORDER);
    MatchEvent[] byStart = events.toArray(new MatchEvent[0]);
    Arrays.sort(byStart, START_ORDER);

    RatingTable table = new RatingTable(params, 1024);
    MatchRater rater = new MatchRater(new RatingEngine(params), table);
    PlayerHistory history = new PlayerHistory();
    MatchFeatures features = new MatchFeatures(new RatingPredictor(params));

    List<WinExample> win = new ArrayList<>();
    List<EngagementExample> engagement = new ArrayList<>();
    // per player: index of the example of his last match, awaiting its label (-1: not sampled,
    // -2: no match yet), and that match's end
    int[] pending = new int[1024];
    long[] pendingEnd = new long[1024];
    Arrays.fill(pending, -2);
    long window = options.engagementWindow().getSeconds();
    long dataEnd =
        byStart.length == 0 ? 0 : byStart[byStart.length - 1].startedAt().getEpochSecond();
    List<Boolean> labelList = new ArrayList<>();

    int applied = 0;
    for (MatchEvent m : byStart) {
      while (applied < byEnd.length && byEnd[applied].endedAt().isBefore(m.startedAt())) {
        apply(byEnd[applied++], rater, history, features);
      }
      long now = m.startedAt().getEpochSecond();
      List<Side> sides = m.sides();
      List<List<PlayerSnapshot>> snaps = new ArrayList<>(sides.size());
      int[][] idx = new int[sides.size()][];
      for (int s = 0; s < sides.size(); s++) {
        List<PlayerResult> ps = sides.get(s).players();
        List<PlayerSnapshot> side = new ArrayList<>(ps.size());
        idx[s] = new int[ps.size()];
        for (int k = 0; k < ps.size(); k++) {
          int i = table.intern(ps.get(k).playerId());
          idx[s][k] = i;
          side.add(history.snapshot(i, table.get(i), now));
        }
        snaps.add(side);
      }
      if (sides.size() == 2) {
        int a = (m.matchId().hashCode() & 1) == 0 ? 0 : 1;
        int b = 1 - a;
        int pa = sides.get(a).placement();
        int pb = sides.get(b).placement();
        win.add(
            new WinExample(
                m.matchId(),
                now,
                m.mode(),
                m.region(),
                features.win(snaps.get(a), snaps.get(b), now),
                features.engineWinProbability(snaps.get(a), snaps.get(b), now),
                minGames(snaps),
                pa == pb ? null : pa < pb));
      }
      MatchFeatures.MatchOutlook outlook = features.outlook(snaps, now);
      for (int s = 0; s < sides.size(); s++) {
        for (int k = 0; k < idx[s].length; k++) {
          int i = idx[s][k];
          if (i >= pending.length) {
            int old = pending.length;
            pending = Arrays.copyOf(pending, Math.max(i + 1, old * 2));
            pendingEnd = Arrays.copyOf(pendingEnd, pending.length);
            Arrays.fill(pending, old, pending.length, -2);
          }
          if (pending[i] >= 0) {
            labelList.set(pending[i], now - pendingEnd[i] <= window);
          }
          String player = table.playerId(i);
          if (keep(m.matchId(), player)) {
            PlayerSnapshot p = snaps.get(s).get(k);
            engagement.add(
                new EngagementExample(
                    m.matchId(),
                    player,
                    now,
                    m.mode(),
                    m.region(),
                    features.engagement(p, s, sides.size(), idx[s].length, outlook, m.rated()),
                    outlook.expectedScore()[s],
                    null));
            labelList.add(null);
            pending[i] = engagement.size() - 1;
          } else {
            pending[i] = -1;
          }
          pendingEnd[i] = m.endedAt().getEpochSecond();
        }
      }
    }
    long censored = 0;
    for (int i = 0; i < pending.length; i++) {
      if (pending[i] >= 0) {
        boolean known = dataEnd - pendingEnd[i] >= window;
        labelList.set(pending[i], known ? Boolean.FALSE : null);
      }
    }
    List<EngagementExample> labelled = new ArrayList<>(engagement.size());
    for (int j = 0; j < engagement.size(); j++) {
      EngagementExample e = engagement.get(j);
      Boolean l = labelList.get(j);
      if (l == null) {
        censored++;
      }
      labelled.add(
          new EngagementExample(
              e.matchId(),
              e.playerId(),
              e.startedAt(),
              e.mode(),
              e.region(),
              e.features(),
              e.engineExpectedScore(),
              l));
    }
    return new Result(win, labelled, byStart.length, censored);
  }

  /**
   * Every player's history after all of {@code events} (valid, one per match id, any order), as
   * {@link PlayerHistory#export}s by player id: the state the serving API's predictions start from,
   * built by the same replay as the training examples, so served features are the trained ones.
   */
  public java.util.Map<String, byte[]> finalHistories(List<MatchEvent> events) {
    MatchEvent[] byEnd = events.toArray(new MatchEvent[0]);
    Arrays.sort(byEnd, MatchRater.EVENT_TIME_ORDER);
    RatingTable table = new RatingTable(params, 1024);
    MatchRater rater = new MatchRater(new RatingEngine(params), table);
    PlayerHistory history = new PlayerHistory();
    MatchFeatures features = new MatchFeatures(new RatingPredictor(params));
    for (MatchEvent m : byEnd) {
      apply(m, rater, history, features);
    }
    java.util.Map<String, byte[]> out = new java.util.HashMap<>(table.size() * 2);
    for (int i = 0; i < table.size(); i++) {
      out.put(table.playerId(i), history.export(i));
    }
    return out;
  }

  private static int minGames(List<List<PlayerSnapshot>> sides) {
    int min = Integer.MAX_VALUE;
    for (List<PlayerSnapshot> side : sides) {
      for (PlayerSnapshot p : side) {
        min = Math.min(min, p.rating().games());
      }
    }
    return min;
  }

  private boolean keep(String matchId, String playerId) {
    if (options.engagementSample() >= 1.0) {
      return true;
    }
    int h = (matchId.hashCode() * 31 + playerId.hashCode()) * 0x9E3779B1;
    return ((h >>> 8) / (double) (1 << 24)) < options.engagementSample();
  }

  /**
   * Applies a finished match: history first (with the engine's prior expectation), then ratings.
   */
  private static void apply(
      MatchEvent e, MatchRater rater, PlayerHistory history, MatchFeatures features) {
    RatingTable table = rater.table();
    List<Side> sides = e.sides();
    int n = sides.size();
    long start = e.startedAt().getEpochSecond();
    long end = e.endedAt().getEpochSecond();
    int hour = (int) Math.floorMod(Math.floorDiv(start, 3600L), 24L);
    double[] expected = null;
    if (e.rated()) {
      List<List<dev.gsm.core.rating.PlayerRating>> r = new ArrayList<>(n);
      for (Side s : sides) {
        List<dev.gsm.core.rating.PlayerRating> side = new ArrayList<>(s.players().size());
        for (PlayerResult p : s.players()) {
          side.add(table.get(table.intern(p.playerId())));
        }
        r.add(side);
      }
      expected = features.outlookOfRatings(r, end).expectedScore();
    }
    long best = 0;
    for (Side s : sides) {
      if (s.placement() == 1) {
        best = Math.max(best, sideScore(s));
      }
    }
    for (int k = 0; k < n; k++) {
      Side s = sides.get(k);
      double score = score(sides, k);
      boolean lopsided =
          n == 2 ? score == 0.0 && sideScore(s) * 2 < best : s.placement() > n * 3 / 4;
      for (PlayerResult p : s.players()) {
        int i = table.intern(p.playerId());
        history.record(i, end, score, expected == null ? Double.NaN : expected[k], lopsided, hour);
      }
    }
    rater.rate(e);
  }

  /** 1 for a win, 0 for a loss, 0.5 for a draw; free-for-all: share of other sides beaten. */
  static double score(List<Side> sides, int k) {
    int[] placements = new int[sides.size()];
    for (int j = 0; j < placements.length; j++) {
      placements[j] = sides.get(j).placement();
    }
    return MatchFeatures.resultScore(placements, k);
  }

  private static long sideScore(Side s) {
    long sum = 0;
    for (PlayerResult p : s.players()) {
      sum += p.stats() == null ? 0 : p.stats().score();
    }
    return sum;
  }
}
