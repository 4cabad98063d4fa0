package dev.gsm.batch.rankings;

import java.util.Arrays;

/**
 * What the global board's pass saw of each player beyond his final rating, for the insights job:
 * how his results compared with what the engine expected before each match ({@code surprise =
 * result score - expected score}, both on {@link dev.gsm.core.features.MatchFeatures#resultScore}'s
 * scale), summed per UTC hour of the match start on weekdays and on weekends (48 cells: Monday to
 * Friday hours 0-23, then Saturday and Sunday hours 0-23) and per ISO day of week (7 cells), and
 * the sums of a least-squares fit of his display score after each game against time and against the
 * game's number. Surprises count once the player's rating has settled ({@link #SETTLED_GAMES}).
 * Primitive arrays indexed like the board's {@link dev.gsm.core.rating.RatingTable}: 55 cells of
 * (games, sum, sum of squares) and five sums, about 700 bytes a player. Only the pass's thread
 * writes it.
 */
final class PerformanceLog {

  /** Hour cells: 24 for Monday-Friday, then 24 for Saturday-Sunday (UTC). */
  static final int HOURS = 48;

  static final int DAYS = 7;

  /**
   * Rated games (this season and carried) before a player's surprises count: until then his rating
   * is still far from his skill, and the games he happened to play early (at whatever hours) would
   * carry that error into the hour cells.
   */
  static final int SETTLED_GAMES = 20;

  private final long origin;
  int[] games = new int[1024];
  int[] hourGames = new int[1024 * HOURS];
  float[] hourSurprise = new float[1024 * HOURS];
  float[] hourSquares = new float[1024 * HOURS];
  int[] dayGames = new int[1024 * DAYS];
  float[] daySurprise = new float[1024 * DAYS];
  float[] daySquares = new float[1024 * DAYS];
  // sums over the player's games g = 1..n of t (days since origin), t^2, y (display score after
  // the game), t*y and g*y; sum g and sum g^2 follow from n.
  double[] sumT = new double[1024];
  double[] sumTT = new double[1024];
  double[] sumY = new double[1024];
  double[] sumTY = new double[1024];
  double[] sumGY = new double[1024];

  /**
   * @param originEpochSecond the time origin of the fit's days (the season's first match day)
   */
  PerformanceLog(long originEpochSecond) {
    this.origin = originEpochSecond;
  }

  /** Sized for {@code players} at once: growing 48 cells a player by doubling copies gigabytes. */
  PerformanceLog(long originEpochSecond, int players) {
    this(originEpochSecond);
    grow(players);
  }

  /**
   * One rated appearance of player {@code i}.
   *
   * @param hourOfWeek (ISO day - 1) * 24 + UTC hour of the match start
   * @param surprise result score minus the engine's expected score before the match; NaN: not
   *     counted in the cells (the player's rating was not settled yet)
   * @param endEpochSecond end of the match
   * @param scoreAfter the player's display score after the match was rated
   */
  void record(int i, int hourOfWeek, double surprise, long endEpochSecond, double scoreAfter) {
    grow(i + 1);
    int g = ++games[i];
    if (!Double.isNaN(surprise)) {
      int day = hourOfWeek / 24; // 0 = Monday
      int h = i * HOURS + (day >= 5 ? 24 : 0) + hourOfWeek % 24;
      int d = i * DAYS + day;
      float s = (float) surprise;
      hourGames[h]++;
      hourSurprise[h] += s;
      hourSquares[h] += s * s;
      dayGames[d]++;
      daySurprise[d] += s;
      daySquares[d] += s * s;
    }
    double t = (endEpochSecond - origin) / 86_400.0;
    sumT[i] += t;
    sumTT[i] += t * t;
    sumY[i] += scoreAfter;
    sumTY[i] += t * scoreAfter;
    sumGY[i] += g * scoreAfter;
  }

  /** The {@code cells} values of player {@code i} in {@code a}, boxed for a Spark row. */
  static Integer[] row(int[] a, int i, int cells) {
    Integer[] out = new Integer[cells];
    for (int k = 0; k < cells; k++) {
      out[k] = i * cells + k < a.length ? a[i * cells + k] : 0;
    }
    return out;
  }

  static Float[] row(float[] a, int i, int cells) {
    Float[] out = new Float[cells];
    for (int k = 0; k < cells; k++) {
      out[k] = i * cells + k < a.length ? a[i * cells + k] : 0f;
    }
    return out;
  }

  int games(int i) {
    return i < games.length ? games[i] : 0;
  }

  private void grow(int size) {
    if (size <= games.length) {
      return;
    }
    int cap = Math.max(size, 2 * games.length);
    games = Arrays.copyOf(games, cap);
    hourGames = Arrays.copyOf(hourGames, cap * HOURS);
    hourSurprise = Arrays.copyOf(hourSurprise, cap * HOURS);
    hourSquares = Arrays.copyOf(hourSquares, cap * HOURS);
    dayGames = Arrays.copyOf(dayGames, cap * DAYS);
    daySurprise = Arrays.copyOf(daySurprise, cap * DAYS);
    daySquares = Arrays.copyOf(daySquares, cap * DAYS);
    sumT = Arrays.copyOf(sumT, cap);
    sumTT = Arrays.copyOf(sumTT, cap);
    sumY = Arrays.copyOf(sumY, cap);
    sumTY = Arrays.copyOf(sumTY, cap);
    sumGY = Arrays.copyOf(sumGY, cap);
  }
}
