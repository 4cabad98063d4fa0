package dev.gsm.core.features;

import java.util.Arrays;

/**
 * Per-player activity history in primitive arrays, indexed like the {@link
 * dev.gsm.core.rating.RatingTable} it accompanies: the last match end times, the last results, and
 * the surprise of each result per UTC hour. Only {@link #record} changes it, so a snapshot taken
 * before recording a match cannot see it. Not thread-safe.
 */
public final class PlayerHistory {

  /** How many match end times are kept per player (the cap of games in the last 7 days). */
  public static final int RECENT = 32;

  /** How many recent results make the form. */
  public static final int FORM = 10;

  static final long WEEK_SECONDS = 7L * 24 * 3600;

  /** Pseudo-observations that pull an hour's mean surprise toward zero. */
  private static final double HOUR_PRIOR = 5.0;

  private long[] ends = new long[0];
  private int[] endCount = new int[0];
  private float[] results = new float[0];
  private byte[] lopsided = new byte[0];
  private int[] resultCount = new int[0];
  private float[] hourSum = new float[0];
  private short[] hourN = new short[0];
  private double[] surpriseSum = new double[0];
  private int capacity;

  private void ensure(int i) {
    if (i < capacity) {
      return;
    }
    int cap = Math.max(16, Math.max(i + 1, capacity * 2));
    ends = Arrays.copyOf(ends, cap * RECENT);
    endCount = Arrays.copyOf(endCount, cap);
    results = Arrays.copyOf(results, cap * FORM);
    lopsided = Arrays.copyOf(lopsided, cap * FORM);
    resultCount = Arrays.copyOf(resultCount, cap);
    hourSum = Arrays.copyOf(hourSum, cap * 24);
    hourN = Arrays.copyOf(hourN, cap * 24);
    surpriseSum = Arrays.copyOf(surpriseSum, cap);
    capacity = cap;
  }

  /**
   * Records a finished match of player {@code i}.
   *
   * @param end end of the match, epoch second
   * @param score the player's result, 1 win, 0.5 draw, 0 loss (free-for-all: by placement)
   * @param expected what the rating engine expected before the match, same scale; {@code NaN} for
   *     an unrated match (no surprise recorded)
   * @param lopsidedLoss the player's side lost by a wide margin
   * @param startHourUtc UTC hour of day at which the match started
   */
  public void record(
      int i, long end, double score, double expected, boolean lopsidedLoss, int startHourUtc) {
    ensure(i);
    int c = endCount[i]++;
    ends[i * RECENT + (c % RECENT)] = end;
    int r = resultCount[i]++;
    results[i * FORM + (r % FORM)] = (float) score;
    lopsided[i * FORM + (r % FORM)] = (byte) (lopsidedLoss ? 1 : 0);
    if (!Double.isNaN(expected)) {
      double s = score - expected;
      hourSum[i * 24 + startHourUtc] += (float) s;
      if (hourN[i * 24 + startHourUtc] < Short.MAX_VALUE) {
        hourN[i * 24 + startHourUtc]++;
      }
      surpriseSum[i] += s;
    }
  }

  /** Matches recorded for player {@code i}. */
  public int matches(int i) {
    return i < capacity ? endCount[i] : 0;
  }

  int gamesSince(int i, long from) {
    if (i >= capacity) {
      return 0;
    }
    int n = Math.min(endCount[i], RECENT);
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (ends[i * RECENT + j] > from) {
        k++;
      }
    }
    return k;
  }

  long lastEnd(int i) {
    if (i >= capacity || endCount[i] == 0) {
      return Long.MIN_VALUE;
    }
    return ends[i * RECENT + ((endCount[i] - 1) % RECENT)];
  }

  double form(int i) {
    int n = i < capacity ? Math.min(resultCount[i], FORM) : 0;
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += results[i * FORM + j];
    }
    return (s + 1.0) / (n + 2.0);
  }

  double lopsidedShare(int i) {
    int n = i < capacity ? Math.min(resultCount[i], FORM) : 0;
    int s = 0;
    for (int j = 0; j < n; j++) {
      s += lopsided[i * FORM + j];
    }
    return n == 0 ? 0.0 : (double) s / n;
  }

  double hourResidual(int i, int hour) {
    if (i >= capacity) {
      return 0.0;
    }
    int n = 0;
    for (int h = 0; h < 24; h++) {
      n += hourN[i * 24 + h];
    }
    double overall = surpriseSum[i] / (n + HOUR_PRIOR);
    double atHour = hourSum[i * 24 + hour] / (hourN[i * 24 + hour] + HOUR_PRIOR);
    return atHour - overall;
  }

  /**
   * Player {@code i} as he stands at {@code now} with rating {@code rating}: everything recorded so
   * far counts, so record only matches that ended before {@code now}.
   */
  public PlayerSnapshot snapshot(int i, dev.gsm.core.rating.PlayerRating rating, long now) {
    long last = lastEnd(i);
    double hours = last == Long.MIN_VALUE ? Double.NaN : Math.max(0, now - last) / 3600.0;
    int hour = (int) Math.floorMod(Math.floorDiv(now, 3600L), 24L);
    return new PlayerSnapshot(
        rating,
        gamesSince(i, now - WEEK_SECONDS),
        hours,
        form(i),
        lopsidedShare(i),
        hourResidual(i, hour));
  }
}
