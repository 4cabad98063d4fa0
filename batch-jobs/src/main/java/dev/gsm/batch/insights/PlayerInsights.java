package dev.gsm.batch.insights;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.gsm.batch.views.ViewShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code insights} view from a rankings run's {@code player-mode-stats} and {@code
 * player-performance}: one row per (season, player_id) of every player with an accepted match.
 *
 * <ul>
 *   <li>play style ({@link PlayStyles}, named by {@link StyleNames});
 *   <li>peak hours (UTC 0-23) and peak days (ISO 1 = Monday .. 7) with confidences ({@link
 *       PeakTimes}: the best significant window of hours on every day, weekdays or weekends, and of
 *       days);
 *   <li>progression: least-squares slope of the display score after each rated game against days
 *       ({@code progression_per_day}) and against the game's number ({@code progression_per_game});
 *       null below two rated games (or all games at one instant).
 * </ul>
 */
public final class PlayerInsights {

  public static final String VIEW = "insights";
  public static final ViewShape SHAPE =
      new ViewShape(4, List.of("player_id"), List.of("season", "player_id"));

  /**
   * How the insights are computed.
   *
   * @param styles k of k-means (clusters, before naming)
   * @param minGames games a player needs to take part in the style fit
   * @param seed k-means seed
   * @param alpha family-wise error of a reported peak window (hours, days separately)
   * @param maxHourWindow longest run of consecutive hours tried
   * @param maxDayWindow longest run of consecutive days tried
   * @param minCellGames games a window (and the rest) needs to be tried
   */
  public record Options(
      int styles,
      int minGames,
      long seed,
      double alpha,
      int maxHourWindow,
      int maxDayWindow,
      int minCellGames)
      implements java.io.Serializable {

    public Options {
      if (styles < 1 || styles > 20) {
        throw new IllegalArgumentException("--styles: between 1 and 20, was " + styles);
      }
      if (minGames < 1) {
        throw new IllegalArgumentException("--min-games: at least 1, was " + minGames);
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("--peak-alpha: in (0, 1), was " + alpha);
      }
    }

    public static Options defaults() {
      return new Options(5, 20, 42L, 0.05, 4, 3, 10);
    }

    public Options withStyles(int k) {
      return new Options(k, minGames, seed, alpha, maxHourWindow, maxDayWindow, minCellGames);
    }

    public Options withMinGames(int n) {
      return new Options(styles, n, seed, alpha, maxHourWindow, maxDayWindow, minCellGames);
    }

    public Options withAlpha(double a) {
      return new Options(styles, minGames, seed, a, maxHourWindow, maxDayWindow, minCellGames);
    }
  }

  /** The view and the fitted styles. */
  public record Result(Dataset<Row> view, PlayStyles.Model styles) {}

  static final StructType PEAKS =
      new StructType()
          .add("peak_hours", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("peak_hours_confidence", DataTypes.DoubleType, false)
          .add("peak_days", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("peak_days_confidence", DataTypes.DoubleType, false);

  private PlayerInsights() {}

  /**
   * @param modeStats the run's {@code player-mode-stats}
   * @param performance the run's {@code player-performance}
   * @param regions (player_id, region): each player's primary region (the run's global
   *     leaderboard), for the per-region baselines of the peak times
   */
  public static Result of(
      Dataset<Row> modeStats, Dataset<Row> performance, Dataset<Row> regions, Options o) {
    Dataset<Row> features = PlayStyles.features(modeStats);
    PlayStyles.Model model = PlayStyles.fit(features, o.styles(), o.minGames(), o.seed());
    Dataset<Row> styled = PlayStyles.assign(features, model);

    Dataset<Row> withRegion =
        performance.join(regions.select("player_id", "region"), new String[] {"player_id"}, "left");
    Map<String, PeakTimes.Baseline> baselines = baselines(withRegion);
    UserDefinedFunction peaks =
        udf((UDF1<Row, Row>) r -> peaks(r, baselines, o), PEAKS).withName("gsm_peak_times");
    Dataset<Row> perf =
        withRegion.select(
            col("season"),
            col("player_id"),
            col("rated_games"),
            peaks
                .apply(
                    struct(
                        col("hour_games"),
                        col("hour_surprise"),
                        col("hour_squares"),
                        col("day_games"),
                        col("day_surprise"),
                        col("day_squares"),
                        col("region")))
                .as("peaks"),
            slope(col("sum_t"), col("sum_tt"), col("sum_ty")).as("progression_per_day"),
            slopePerGame().as("progression_per_game"));
    Column none = lit(new int[0]);
    Dataset<Row> view =
        styled
            .join(perf, new String[] {"season", "player_id"}, "left")
            .select(
                col("season"),
                col("player_id"),
                col("games").cast("int").as("games"),
                when(col("rated_games").isNull(), lit(0))
                    .otherwise(col("rated_games"))
                    .as("rated_games"),
                col("play_style"),
                col("play_style_confidence"),
                col("play_style_traits"),
                when(col("peaks").isNull(), none)
                    .otherwise(col("peaks.peak_hours"))
                    .as("peak_hours"),
                when(col("peaks").isNull(), lit(0.0))
                    .otherwise(col("peaks.peak_hours_confidence"))
                    .as("peak_hours_confidence"),
                when(col("peaks").isNull(), none).otherwise(col("peaks.peak_days")).as("peak_days"),
                when(col("peaks").isNull(), lit(0.0))
                    .otherwise(col("peaks.peak_days_confidence"))
                    .as("peak_days_confidence"),
                col("progression_per_day"),
                col("progression_per_game"));
    return new Result(view, model);
  }

  /**
   * Everybody's mean surprise per hour and day cell, per primary region (key null: every player).
   * Per region because what the rating misses at an hour depends on the local clock: who plays
   * then, whom one meets. Summed as fixed-point longs (2^-24 units): exact, so the baselines, and
   * every z built on them, are the same bits however the rows are partitioned.
   */
  static Map<String, PeakTimes.Baseline> baselines(Dataset<Row> performance) {
    List<Column> aggs = new ArrayList<>();
    cellSums(aggs, "hour_games", "hour_surprise", PeakTimes.HOUR_CELLS);
    cellSums(aggs, "day_games", "day_surprise", PeakTimes.DAY_CELLS);
    Column first = aggs.get(0);
    Column[] rest = aggs.subList(1, aggs.size()).toArray(Column[]::new);
    Map<String, PeakTimes.Baseline> out = new HashMap<>();
    out.put(null, baseline(performance.agg(first, rest).head(), 0));
    for (Row r : performance.groupBy("region").agg(first, rest).collectAsList()) {
      if (!r.isNullAt(0)) {
        out.put(r.getString(0), baseline(r, 1));
      }
    }
    return out;
  }

  private static void cellSums(List<Column> aggs, String games, String sums, int n) {
    for (int c = 0; c < n; c++) {
      aggs.add(functions.sum(col(games).getItem(c).cast("long")));
      aggs.add(
          functions.sum(
              functions
                  .round(col(sums).getItem(c).cast("double").multiply(lit(FIXED)))
                  .cast("long")));
    }
  }

  private static PeakTimes.Baseline baseline(Row r, int from) {
    double[] hours = means(r, from, PeakTimes.HOUR_CELLS);
    double[] days = means(r, from + 2 * PeakTimes.HOUR_CELLS, PeakTimes.DAY_CELLS);
    return new PeakTimes.Baseline(hours, days);
  }

  private static double[] means(Row r, int from, int n) {
    double[] mean = new double[n];
    for (int c = 0; c < n; c++) {
      long g = r.isNullAt(from + 2 * c) ? 0 : r.getLong(from + 2 * c);
      long s = r.isNullAt(from + 2 * c + 1) ? 0 : r.getLong(from + 2 * c + 1);
      mean[c] = g == 0 ? 0.0 : s / FIXED / g;
    }
    return mean;
  }

  private static final double FIXED = 1 << 24;

  static Row peaks(Row r, Map<String, PeakTimes.Baseline> baselines, Options o) {
    PeakTimes.Baseline baseline =
        baselines.getOrDefault(r.isNullAt(6) ? null : r.getString(6), baselines.get(null));
    PeakTimes.Found f =
        PeakTimes.find(
            ints(r.getList(0)),
            floats(r.getList(1)),
            floats(r.getList(2)),
            ints(r.getList(3)),
            floats(r.getList(4)),
            floats(r.getList(5)),
            baseline,
            o);
    return RowFactory.create(
        boxed(f.hours()), f.hoursConfidence(), boxed(f.days()), f.daysConfidence());
  }

  private static Integer[] boxed(int[] a) {
    Integer[] out = new Integer[a.length];
    for (int k = 0; k < a.length; k++) {
      out[k] = a[k];
    }
    return out;
  }

  /** OLS slope of y on x from n = rated_games and the sums; null when undefined. */
  private static Column slope(Column sx, Column sxx, Column sxy) {
    Column n = col("rated_games").cast("double");
    Column sy = col("sum_y");
    Column denominator = n.multiply(sxx).minus(sx.multiply(sx));
    return when(
        n.geq(2).and(denominator.gt(n.multiply(n).multiply(lit(1e-9)))),
        n.multiply(sxy).minus(sx.multiply(sy)).divide(denominator));
  }

  /** x = 1..n: sum x = n(n+1)/2, sum x^2 = n(n+1)(2n+1)/6. */
  private static Column slopePerGame() {
    Column n = col("rated_games").cast("double");
    Column sx = n.multiply(n.plus(1)).divide(2);
    Column sxx = n.multiply(n.plus(1)).multiply(n.multiply(2).plus(1)).divide(6);
    return slope(sx, sxx, col("sum_gy"));
  }

  private static int[] ints(List<Integer> l) {
    int[] a = new int[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }

  private static float[] floats(List<Float> l) {
    float[] a = new float[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = l.get(i);
    }
    return a;
  }
}
