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
    return i >= capacity ? 0 : gamesSince(ends, i * RECENT, Math.min(endCount[i], RECENT), from);
  }

  long lastEnd(int i) {
    if (i >= capacity || endCount[i] == 0) {
      return Long.MIN_VALUE;
    }
    return ends[i * RECENT + ((endCount[i] - 1) % RECENT)];
  }

  double form(int i) {
    int n = i < capacity ? Math.min(resultCount[i], FORM) : 0;
    return form(results, i * FORM, n);
  }

  private static double form(float[] results, int off, int n) {
    double s = 0;
    for (int j = 0; j < n; j++) {
      s += results[off + j];
    }
    return (s + 1.0) / (n + 2.0);
  }

  double lopsidedShare(int i) {
    int n = i < capacity ? Math.min(resultCount[i], FORM) : 0;
    return lopsidedShare(lopsided, i * FORM, n);
  }

  private static double lopsidedShare(byte[] lopsided, int off, int n) {
    int s = 0;
    for (int j = 0; j < n; j++) {
      s += lopsided[off + j];
    }
    return n == 0 ? 0.0 : (double) s / n;
  }

  double hourResidual(int i, int hour) {
    if (i >= capacity) {
      return 0.0;
    }
    return hourResidual(hourSum, hourN, i * 24, surpriseSum[i], hour);
  }

  private static double hourResidual(
      float[] hourSum, short[] hourN, int off, double surpriseSum, int hour) {
    int n = 0;
    for (int h = 0; h < 24; h++) {
      n += hourN[off + h];
    }
    double overall = surpriseSum / (n + HOUR_PRIOR);
    double atHour = hourSum[off + hour] / (hourN[off + hour] + HOUR_PRIOR);
    return atHour - overall;
  }

  private static int gamesSince(long[] ends, int off, int n, long from) {
    int k = 0;
    for (int j = 0; j < n; j++) {
      if (ends[off + j] > from) {
        k++;
      }
    }
    return k;
  }

  private static PlayerSnapshot snapshot(
      dev.gsm.core.rating.PlayerRating rating,
      long now,
      long last,
      long[] ends,
      int endsOff,
      int endsN,
      double form,
      double lopsidedShare,
      float[] hourSum,
      short[] hourN,
      int hourOff,
      double surpriseSum) {
    double hours = last == Long.MIN_VALUE ? Double.NaN : Math.max(0, now - last) / 3600.0;
    int hour = (int) Math.floorMod(Math.floorDiv(now, 3600L), 24L);
    return new PlayerSnapshot(
        rating,
        gamesSince(ends, endsOff, endsN, now - WEEK_SECONDS),
        hours,
        form,
        lopsidedShare,
        hourResidual(hourSum, hourN, hourOff, surpriseSum, hour));
  }

  /**
   * Player {@code i} as he stands at {@code now} with rating {@code rating}: everything recorded so
   * far counts, so record only matches that ended before {@code now}.
   */
  public PlayerSnapshot snapshot(int i, dev.gsm.core.rating.PlayerRating rating, long now) {
    if (i >= capacity) {
      return snapshotOf(NEWCOMER, rating, now);
    }
    int nr = Math.min(resultCount[i], FORM);
    return snapshot(
        rating,
        now,
        lastEnd(i),
        ends,
        i * RECENT,
        Math.min(endCount[i], RECENT),
        form(results, i * FORM, nr),
        lopsidedShare(lopsided, i * FORM, nr),
        hourSum,
        hourN,
        i * 24,
        surpriseSum[i]);
  }

  // ---------------------------------------------------------------- one player's state, portable

  private static final byte STATE_FORMAT = 1;

  /** The export of a player with nothing recorded. */
  private static final byte[] NEWCOMER = new PlayerHistory().export(0);

  /**
   * Player {@code i}'s history as a compact byte string (what the serving API keeps per player to
   * build the same snapshot later, see {@link #snapshotOf}): the recorded end times and results in
   * their ring slots, the per-hour surprise of the hours played, the overall surprise. Between 30
   * and 470 bytes.
   */
  public byte[] export(int i) {
    int ne = i < capacity ? Math.min(endCount[i], RECENT) : 0;
    int nr = i < capacity ? Math.min(resultCount[i], FORM) : 0;
    int mask = 0;
    for (int h = 0; h < 24 && i < capacity; h++) {
      if (hourN[i * 24 + h] != 0 || hourSum[i * 24 + h] != 0f) {
        mask |= 1 << h;
      }
    }
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(
            1 + 4 + 8 * ne + 4 + 5 * nr + 4 + 6 * Integer.bitCount(mask) + 8);
    b.put(STATE_FORMAT);
    b.putInt(i < capacity ? endCount[i] : 0);
    for (int j = 0; j < ne; j++) {
      b.putLong(ends[i * RECENT + j]);
    }
    b.putInt(i < capacity ? resultCount[i] : 0);
    for (int j = 0; j < nr; j++) {
      b.putFloat(results[i * FORM + j]);
      b.put(lopsided[i * FORM + j]);
    }
    b.putInt(mask);
    for (int h = 0; h < 24; h++) {
      if ((mask & (1 << h)) != 0) {
        b.putFloat(hourSum[i * 24 + h]);
        b.putShort(hourN[i * 24 + h]);
      }
    }
    b.putDouble(i < capacity ? surpriseSum[i] : 0.0);
    return b.array();
  }

  /**
   * The snapshot {@link #snapshot} would give for the player whose {@link #export} is {@code
   * state}, with rating {@code rating}, at {@code now}: bit for bit the same features.
   *
   * @throws IllegalArgumentException when {@code state} is not an exported history
   */
  public static PlayerSnapshot snapshotOf(
      byte[] state, dev.gsm.core.rating.PlayerRating rating, long now) {
    try {
      java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(state);
      if (b.get() != STATE_FORMAT) {
        throw new IllegalArgumentException("not a player history (format byte)");
      }
      int endCount = b.getInt();
      int ne = Math.min(endCount, RECENT);
      long[] ends = new long[RECENT];
      for (int j = 0; j < ne; j++) {
        ends[j] = b.getLong();
      }
      int nr = Math.min(b.getInt(), FORM);
      float[] results = new float[FORM];
      byte[] lopsided = new byte[FORM];
      for (int j = 0; j < nr; j++) {
        results[j] = b.getFloat();
        lopsided[j] = b.get();
      }
      int mask = b.getInt();
      float[] hourSum = new float[24];
      short[] hourN = new short[24];
      for (int h = 0; h < 24; h++) {
        if ((mask & (1 << h)) != 0) {
          hourSum[h] = b.getFloat();
          hourN[h] = b.getShort();
        }
      }
      double surprise = b.getDouble();
      if (b.hasRemaining() || endCount < 0 || (mask >>> 24) != 0) {
        throw new IllegalArgumentException("not a player history (length or fields)");
      }
      long last = endCount == 0 ? Long.MIN_VALUE : ends[(endCount - 1) % RECENT];
      return snapshot(
          rating,
          now,
          last,
          ends,
          0,
          ne,
          form(results, 0, nr),
          lopsidedShare(lopsided, 0, nr),
          hourSum,
          hourN,
          0,
          surprise);
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("not a player history (truncated)", e);
    }
  }
}
