package dev.gsm.batch.rankings;

import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RankKey;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import dev.gsm.core.rating.RatingSmoother;
import dev.gsm.core.rating.RatingTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One leaderboard's sequential pass (the global board over every rated match, or one mode's board
 * over that mode's matches): the domain engine rates each match in event-time order on the board's
 * own {@link RatingTable}, the board keeps the season's counters, form and match quality, takes a
 * rank snapshot at the end of every day, and finally (when {@code smoothingWindowDays > 0}) runs
 * one {@link RatingSmoother} pass. No rating arithmetic here: only bookkeeping around the engine.
 *
 * <p>Boards are independent of each other, so a season's boards run on parallel threads.
 */
final class BoardPass {

  static final int FORM_LENGTH = 10;
  private static final char[] FORM_CODES = {'?', 'W', 'L', 'D'};

  final String board;
  private final RatingParameters params;
  private final RatingEngine engine;
  private final RatingPredictor predictor;
  // Made when the pass starts and dropped once written back: its nodes (~76 bytes a player's
  // match) are most of the heap, and boards that wait for a thread should not hold theirs yet.
  private RatingSmoother smoother;
  private final MatchColumns.Extent extent;
  private double[] priorMu; // carried players' soft-reset ratings, for the smoother's first nodes
  private double[] priorSigma;
  private final MatchFeatures features;

  /** The global board's record for the insights job; null on the other boards. */
  final PerformanceLog performance;

  final RatingTable table;
  private int[] local; // global player index -> table index, -1 if absent
  private final int[] idOrder; // global player index -> position of its id in id order
  private int[] idRank; // table index -> idOrder of its player (once he played)
  int[] carriedGames;
  int[] firstDay;
  int[] activeDays;
  int[] lastDay;
  long[] form; // 2 bits per result, newest lowest
  double[] qualitySum;
  long[] firstPlayed;
  long[] lastPlayed;
  final List<int[]> dayRanks = new ArrayList<>();
  final List<float[]> dayScores = new ArrayList<>();
  private int currentDay = Integer.MIN_VALUE;
  private int[] buf = new int[16];
  // The last day's snapshot, kept for the next: only the day's players change rank key and score.
  private int[] dayOrder = new int[0];
  private long[] dayKey; // by table index, valid for the players in dayOrder and the day's
  private boolean[] inDayOrder;
  private float[] dayScore = new float[0];
  private int[] playedToday = new int[16]; // table indices, each once, of the current day's players
  private int playedTodayCount;
  private boolean[] isPlayedToday;

  BoardPass(
      String board,
      RatingParameters params,
      MatchColumns.Extent extent,
      int globalPlayers,
      Map<String, PlayerRating> carried,
      PerformanceLog performance,
      int[] idOrder) {
    this.board = board;
    this.idOrder = idOrder;
    this.performance = performance;
    this.params = params;
    this.engine = new RatingEngine(params);
    this.predictor = new RatingPredictor(params);
    this.features = new MatchFeatures(predictor);
    this.extent = extent;
    // Sized from the season's counts: growing by doubling held up to 3x while copying.
    int players = Math.max(16, extent.players() + carried.size());
    this.table = new RatingTable(params, players);
    idRank = new int[players];
    carriedGames = new int[players];
    firstDay = new int[players];
    activeDays = new int[players];
    lastDay = new int[players];
    form = new long[players];
    qualitySum = new double[players];
    firstPlayed = new long[players];
    lastPlayed = new long[players];
    dayKey = new long[players];
    inDayOrder = new boolean[players];
    isPlayedToday = new boolean[players];
    this.local = new int[Math.max(16, globalPlayers)];
    Arrays.fill(local, -1);
    priorMu = new double[carried.size()];
    priorSigma = new double[carried.size()];
    // Sorted by id, so the table's indices do not depend on how the previous view was read.
    for (Map.Entry<String, PlayerRating> e : new TreeMap<>(carried).entrySet()) {
      int i = internNew(e.getKey());
      PlayerRating r = e.getValue();
      table.set(
          i, new PlayerRating(r.mu(), r.sigma(), r.lastActiveEpochSecond(), r.games(), 0, 0, 0));
      carriedGames[i] = r.games();
      priorMu[i] = r.mu();
      priorSigma[i] = r.sigma();
    }
  }

  private int internNew(String id) {
    int i = table.intern(id);
    grow(i + 1);
    firstDay[i] = -1;
    return i;
  }

  /** Call on the pass's thread before its first {@link #rate}. */
  void begin() {
    if (params.smoothingWindowDays() > 0) {
      smoother = new RatingSmoother(params);
      smoother.reserve(extent.matches(), extent.sides(), extent.appearances(), firstDay.length);
      for (int i = 0; i < priorMu.length; i++) {
        smoother.prior(i, priorMu[i], priorSigma[i]);
      }
    }
    priorMu = null;
    priorSigma = null;
    // the carried players' scores until they play (the snapshots then copy the day before's)
    dayScore = new float[table.size()];
    for (int i = 0; i < dayScore.length; i++) {
      dayScore[i] = (float) table.displayScore(i);
    }
  }

  /** Rates match {@code m} of {@code c}; {@code day} is its day index in the season's days. */
  void rate(MatchColumns c, int m, int day, List<String> ids) {
    if (day != currentDay) {
      if (currentDay != Integer.MIN_VALUE) {
        endDays(currentDay, day);
      }
      currentDay = day;
    }
    int p0 = c.playerStart[m];
    int n = c.playerStart[m + 1] - p0;
    if (buf.length < n) {
      buf = new int[Math.max(n, 2 * buf.length)];
    }
    for (int j = 0; j < n; j++) {
      int g = c.players[p0 + j]; // below the season's player count, which sized local
      int i = local[g];
      if (i < 0) {
        i = table.indexOf(ids.get(g));
        if (i < 0) {
          i = internNew(ids.get(g));
        }
        local[g] = i;
        idRank[i] = idOrder[g];
      }
      buf[j] = i;
    }
    int s0 = c.sideStart[m];
    int sides = c.sideStart[m + 1] - s0;
    int[] sideStart = new int[sides + 1];
    int[] placements = new int[sides];
    List<List<PlayerRating>> before = new ArrayList<>(sides);
    for (int k = 0; k < sides; k++) {
      sideStart[k + 1] = sideStart[k] + c.sizes[s0 + k];
      placements[k] = c.placements[s0 + k];
      List<PlayerRating> side = new ArrayList<>(c.sizes[s0 + k]);
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        side.add(table.get(buf[j]));
      }
      before.add(side);
    }
    long t = c.time[m];
    // The expected scores (for the performance log) come with the same match quality.
    MatchFeatures.MatchOutlook outlook =
        performance == null ? null : features.outlookOfRatings(before, t);
    double quality = outlook == null ? predictor.matchQuality(before, t) : outlook.quality();
    int[] players = Arrays.copyOf(buf, n);
    engine.rate(table, players, sideStart, placements, t);
    if (smoother != null) {
      smoother.add(t, players, sideStart, placements);
    }
    for (int k = 0; k < sides; k++) {
      double surprise =
          outlook == null
              ? 0
              : MatchFeatures.resultScore(placements, k) - outlook.expectedScore()[k];
      for (int j = sideStart[k]; j < sideStart[k + 1]; j++) {
        int i = players[j];
        PlayerRating was = before.get(k).get(j - sideStart[k]);
        if (performance != null) {
          performance.record(
              i,
              c.startHourOfWeek[m] & 0xFF,
              was.games() >= PerformanceLog.SETTLED_GAMES ? surprise : Double.NaN,
              t,
              table.displayScore(i));
        }
        PlayerRating now = table.get(i);
        int code = now.wins() > was.wins() ? 1 : now.losses() > was.losses() ? 2 : 3;
        form[i] = (form[i] << 2 | code) & ((1L << (2 * FORM_LENGTH)) - 1);
        qualitySum[i] += quality;
        if (firstDay[i] < 0) {
          firstDay[i] = day;
          firstPlayed[i] = t;
        }
        if (activeDays[i] == 0 || lastDay[i] != day) {
          activeDays[i]++;
          lastDay[i] = day;
        }
        lastPlayed[i] = t;
        if (!isPlayedToday[i]) {
          isPlayedToday[i] = true;
          if (playedTodayCount == playedToday.length) {
            playedToday = Arrays.copyOf(playedToday, 2 * playedToday.length);
          }
          playedToday[playedTodayCount++] = i;
        }
      }
    }
  }

  /** Ends the board's days up to {@code lastDay} (inclusive) and re-smooths. */
  void finish(int lastDayOfSeason) {
    if (currentDay != Integer.MIN_VALUE) {
      endDays(currentDay, lastDayOfSeason + 1);
    }
    if (smoother != null && smoother.matches() > 0) {
      long last = 0;
      for (int i = 0; i < table.size(); i++) {
        last = Math.max(last, lastPlayed[i]);
      }
      long from = last - params.smoothingWindowDays() * 86_400L;
      smoother.smooth(from, params.smoothingIterations());
      smoother.writeTo(table, from);
    }
    smoother = null;
    local = null;
  }

  int seasonGames(int i) {
    return table.games(i) - carriedGames[i];
  }

  String form(int i) {
    int n = Math.min(seasonGames(i), FORM_LENGTH);
    char[] out = new char[n];
    for (int k = 0; k < n; k++) {
      out[n - 1 - k] = FORM_CODES[(int) (form[i] >>> (2 * k)) & 3];
    }
    return new String(out);
  }

  /**
   * Snapshots day {@code day}, shared by the days without a match of this board before {@code
   * next}. Only the day's players have a new key and score: they are sorted among themselves and
   * merged into the previous day's order, the same total order as sorting everyone ({@link
   * #ranked}) at the cost of the day's players rather than the board's.
   */
  private void endDays(int day, int next) {
    int n = table.size();
    float[] score = Arrays.copyOf(dayScore, n);
    int[] moved = Arrays.copyOf(playedToday, playedTodayCount);
    for (int i : moved) {
      double s = table.displayScore(i);
      score[i] = (float) s;
      dayKey[i] = RankKey.of(s, seasonGames(i));
    }
    RankSort.sort(moved, this::compareRanked);
    int before = 0;
    for (int i : moved) {
      before += inDayOrder[i] ? 1 : 0;
    }
    int[] order = new int[dayOrder.length - before + moved.length];
    int r = 0;
    int k = 0;
    for (int i : dayOrder) {
      if (isPlayedToday[i]) {
        continue;
      }
      while (k < moved.length && compareRanked(moved[k], i) < 0) {
        order[r++] = moved[k++];
      }
      order[r++] = i;
    }
    while (k < moved.length) {
      order[r++] = moved[k++];
    }
    int[] rank = new int[n];
    for (r = 0; r < order.length; r++) {
      rank[order[r]] = r + 1;
    }
    for (int i : moved) {
      isPlayedToday[i] = false;
      inDayOrder[i] = true;
    }
    playedTodayCount = 0;
    dayOrder = order;
    dayScore = score;
    while (dayRanks.size() <= day) {
      dayRanks.add(null);
      dayScores.add(null);
    }
    for (int d = day; d < next; d++) {
      if (d >= dayRanks.size()) {
        dayRanks.add(rank);
        dayScores.add(score);
      } else {
        dayRanks.set(d, rank);
        dayScores.set(d, score);
      }
    }
  }

  /** RankOrder on the snapshot's keys: key descending, then the ids' order. */
  private int compareRanked(int a, int b) {
    int c = Long.compare(dayKey[b], dayKey[a]);
    // the ids' order, precomputed: ties (every newcomer's score) are frequent
    return c != 0 ? c : Integer.compare(idRank[a], idRank[b]);
  }

  /** Table indices of the players with season games, in RankOrder (score, games, id). */
  int[] ranked() {
    int n = table.size();
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (seasonGames(i) > 0) {
        count++;
      }
    }
    int[] idx = new int[count];
    long[] key = new long[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      int g = seasonGames(i);
      if (g > 0) {
        idx[k++] = i;
        key[i] = RankKey.of(table.displayScore(i), g);
      }
    }
    RankSort.sort(
        idx,
        (a, b) -> {
          int c = Long.compare(key[b], key[a]);
          // the ids' order, precomputed: ties (every newcomer's score) are frequent
          return c != 0 ? c : Integer.compare(idRank[a], idRank[b]);
        });
    return idx;
  }

  private void grow(int size) {
    if (size <= firstDay.length) {
      return;
    }
    int cap = Math.max(size, 2 * firstDay.length);
    carriedGames = Arrays.copyOf(carriedGames, cap);
    idRank = Arrays.copyOf(idRank, cap);
    firstDay = Arrays.copyOf(firstDay, cap);
    activeDays = Arrays.copyOf(activeDays, cap);
    lastDay = Arrays.copyOf(lastDay, cap);
    form = Arrays.copyOf(form, cap);
    qualitySum = Arrays.copyOf(qualitySum, cap);
    firstPlayed = Arrays.copyOf(firstPlayed, cap);
    lastPlayed = Arrays.copyOf(lastPlayed, cap);
    dayKey = Arrays.copyOf(dayKey, cap);
    inDayOrder = Arrays.copyOf(inDayOrder, cap);
    isPlayedToday = Arrays.copyOf(isPlayedToday, cap);
  }
}
