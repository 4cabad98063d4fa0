package dev.gsm.batch.rankings;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import dev.gsm.batch.views.ViewShape;
import dev.gsm.core.rating.Leagues;
import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RankKey;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The seasonal ranking step: the rated matches, streamed to the driver in event-time order in
 * {@link MatchColumns}' compact form, go through one {@link BoardPass} per rating (global, and one
 * per mode: a 1v1 skill is not a 5v5 skill), boards on parallel threads. The global rating is then
 * filtered by each player's primary region and platform of the season (most rated matches there,
 * ties to the smaller code) for the region and platform boards, in Spark.
 *
 * <p>Views: {@code leaderboards} (one row per board and player) and {@code rank-history} (one row
 * per board and player, arrays per day from the player's first day; global and mode boards).
 */
public final class SeasonRankings {

  public static final String LEADERBOARDS = "leaderboards";
  public static final String RANK_HISTORY = "rank-history";
  public static final String GLOBAL = "global";

  /** Per player, the global pass's surprises by hour and day and his score trajectory. */
  public static final String PLAYER_PERFORMANCE = "player-performance";

  public static final ViewShape LEADERBOARDS_SHAPE =
      new ViewShape(4, List.of("board"), List.of("board", "rank"));
  public static final ViewShape RANK_HISTORY_SHAPE =
      new ViewShape(4, List.of("board"), List.of("board", "player_id"));
  public static final ViewShape PLAYER_PERFORMANCE_SHAPE =
      new ViewShape(4, List.of("player_id"), List.of("player_id"));

  /** The columns the driver pass produces (region and platform are added in Spark). */
  static final StructType BOARD_ROW =
      new StructType()
          .add("season", DataTypes.StringType, false)
          .add("board", DataTypes.StringType, false)
          .add("player_id", DataTypes.StringType, false)
          .add("rank", DataTypes.LongType, false)
          .add("display_score", DataTypes.DoubleType, false)
          .add("mu", DataTypes.DoubleType, false)
          .add("sigma", DataTypes.DoubleType, false)
          .add("rank_key", DataTypes.LongType, false)
          .add("games", DataTypes.IntegerType, false)
          .add("wins", DataTypes.IntegerType, false)
          .add("losses", DataTypes.IntegerType, false)
          .add("draws", DataTypes.IntegerType, false)
          .add("active_days", DataTypes.IntegerType, false)
          .add("recent_form", DataTypes.StringType, false)
          .add("avg_match_quality", DataTypes.DoubleType, false)
          .add("first_played_at", DataTypes.TimestampType, false)
          .add("last_played_at", DataTypes.TimestampType, false);

  static final StructType HISTORY_ROW =
      new StructType()
          .add("season", DataTypes.StringType, false)
          .add("board", DataTypes.StringType, false)
          .add("player_id", DataTypes.StringType, false)
          .add("first_day", DataTypes.DateType, false)
          .add("ranks", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("display_scores", DataTypes.createArrayType(DataTypes.FloatType, false), false);

  /**
   * The {@code player-performance} view (see {@link PerformanceLog}): cells of {@code hour_*} are
   * UTC hours 0-23 of the match start on Monday-Friday then on Saturday-Sunday (48), cells of
   * {@code day_*} ISO days Monday..Sunday (7); {@code surprise} sums result minus expected score,
   * {@code squares} sums its square; the {@code sum_*} columns are the sums of the least-squares
   * fits of the display score after each game (y) against days since {@code origin} (t) and against
   * the game's number g = 1..rated_games.
   */
  static final StructType PERFORMANCE_ROW =
      new StructType()
          .add("season", DataTypes.StringType, false)
          .add("player_id", DataTypes.StringType, false)
          .add("rated_games", DataTypes.IntegerType, false)
          .add("origin", DataTypes.TimestampType, false)
          .add("hour_games", intArray(), false)
          .add("hour_surprise", floatArray(), false)
          .add("hour_squares", floatArray(), false)
          .add("day_games", intArray(), false)
          .add("day_surprise", floatArray(), false)
          .add("day_squares", floatArray(), false)
          .add("sum_t", DataTypes.DoubleType, false)
          .add("sum_tt", DataTypes.DoubleType, false)
          .add("sum_y", DataTypes.DoubleType, false)
          .add("sum_ty", DataTypes.DoubleType, false)
          .add("sum_gy", DataTypes.DoubleType, false);

  private static org.apache.spark.sql.types.ArrayType intArray() {
    return DataTypes.createArrayType(DataTypes.IntegerType, false);
  }

  private static org.apache.spark.sql.types.ArrayType floatArray() {
    return DataTypes.createArrayType(DataTypes.FloatType, false);
  }

  /**
   * What the ranking step produced.
   *
   * @param leaderboards every board, schema of {@code leaderboards}
   * @param history schema of {@code rank-history}
   * @param ratedMatches matches rated on the global board
   * @param players players with a rated match
   * @param performance schema of {@code player-performance}: the global board's players
   * @param carriedPlayers players who started from last season's soft-reset rating
   * @param release unpersists what the results cache (players' primary region and platform, the
   *     rated rows joined with it): called once the views are written
   */
  public record Result(
      Dataset<Row> leaderboards,
      Dataset<Row> history,
      Dataset<Row> performance,
      long ratedMatches,
      long players,
      long carriedPlayers,
      Map<String, Long> millis,
      Runnable release) {}

  private SeasonRankings() {}

  /**
   * @param accepted validated, deduplicated matches without banned players
   * @param previous last season's final global and mode ratings by board, empty for a first season
   * @param staging a directory for the driver's rows (Parquet, read back by the results), deleted
   *     by the caller once the views are written
   * @param releaseInput called once nothing reads {@code accepted} any more, before the rating
   *     pass: the caller frees its cache for the driver's heap
   */
  public static Result rank(
      SparkSession spark,
      String season,
      Dataset<Row> accepted,
      RatingParameters params,
      Leagues leagues,
      Map<String, Map<String, PlayerRating>> previous,
      String staging,
      Runnable releaseInput) {
    Map<String, Long> millis = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    // Small (one row per player): materialized now so that the accepted matches can go.
    Dataset<Row> primary =
        primaryRegionAndPlatform(accepted).persist(StorageLevel.MEMORY_AND_DISK());
    primary.count();
    MatchColumns c = MatchColumns.load(MatchColumns.project(accepted).toLocalIterator());
    releaseInput.run();
    long t1 = System.nanoTime();
    millis.put("loadColumns", (t1 - t0) / 1_000_000);

    RatingEngine engine = new RatingEngine(params);
    List<String> boards = new ArrayList<>();
    boards.add(GLOBAL);
    c.modes().stream().sorted().forEach(m -> boards.add("mode:" + m));
    long carried = 0;
    long dayBase = c.matches == 0 ? 0 : Math.floorDiv(c.time[0], 86_400L);
    PerformanceLog performance = new PerformanceLog(dayBase * 86_400L, c.players());
    int[] idOrder = idOrder(c.playerIds);
    List<BoardPass> passes = new ArrayList<>();
    for (String board : boards) {
      Map<String, PlayerRating> reset = new LinkedHashMap<>();
      previous.getOrDefault(board, Map.of()).forEach((id, r) -> reset.put(id, engine.softReset(r)));
      boolean global = board.equals(GLOBAL);
      carried += global ? reset.size() : 0;
      passes.add(
          new BoardPass(
              board,
              params,
              c.extent(global ? -1 : c.modes.indexOf(board.substring(5))),
              c.players(),
              reset,
              global ? performance : null,
              idOrder));
    }
    int lastDay =
        c.matches == 0 ? 0 : (int) (Math.floorDiv(c.time[c.matches - 1], 86_400L) - dayBase);
    int threads = Math.max(1, Math.min(passes.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (BoardPass pass : passes) {
        int modeFilter = pass.board.equals(GLOBAL) ? -1 : c.modes.indexOf(pass.board.substring(5));
        done.add(
            pool.submit(
                () -> {
                  pass.begin();
                  for (int m = 0; m < c.matches; m++) {
                    if (modeFilter < 0 || c.mode[m] == modeFilter) {
                      pass.rate(
                          c, m, (int) (Math.floorDiv(c.time[m], 86_400L) - dayBase), c.playerIds);
                    }
                  }
                  pass.finish(lastDay);
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("rating pass failed: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
    long t2 = System.nanoTime();
    millis.put("rateBoards", (t2 - t1) / 1_000_000);

    // Staged in Parquet chunks as they are made: held as Rows, then as the local relation of
    // createDataFrame, they took three copies of the boards' history on the driver.
    StagedRows boardRows = new StagedRows(spark, staging + "/boards", BOARD_ROW, 100_000);
    StagedRows historyRows = new StagedRows(spark, staging + "/history", HISTORY_ROW, 20_000);
    StagedRows performanceRows =
        new StagedRows(spark, staging + "/performance", PERFORMANCE_ROW, 20_000);
    performanceRows(season, passes.get(0), dayBase, performanceRows);
    for (int b = 0; b < passes.size(); b++) {
      BoardPass pass = passes.get(b);
      boardRows(season, pass, boardRows);
      historyRows(season, pass, dayBase, lastDay, historyRows);
      passes.set(b, null); // its table and day snapshots can go
    }
    Dataset<Row> rated = withLeagues(boardRows.finish(), leagues, GLOBAL_AND_MODES);
    // Small (one row per board and player) and read by three branches: compute it once.
    Dataset<Row> withPrimary =
        rated.join(primary, "player_id").persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> global = withPrimary.filter(col("board").equalTo(GLOBAL));
    Dataset<Row> all =
        withPrimary
            .unionByName(filtered(global, "region", leagues))
            .unionByName(filtered(global, "platform", leagues));
    Dataset<Row> history = historyRows.finish();
    millis.put("buildRows", (System.nanoTime() - t2) / 1_000_000);
    return new Result(
        all,
        history,
        performanceRows.finish(),
        c.matches,
        c.players(),
        carried,
        millis,
        () -> {
          withPrimary.unpersist();
          primary.unpersist();
        });
  }

  private static final WindowSpec GLOBAL_AND_MODES = Window.partitionBy("board");

  /** For each player index, the position of his id among all ids in String order. */
  static int[] idOrder(List<String> ids) {
    int[] byId = new int[ids.size()];
    for (int g = 0; g < byId.length; g++) {
      byId[g] = g;
    }
    RankSort.sort(byId, (a, b) -> ids.get(a).compareTo(ids.get(b)));
    int[] order = new int[byId.length];
    for (int r = 0; r < byId.length; r++) {
      order[byId[r]] = r;
    }
    return order;
  }

  private static void boardRows(String season, BoardPass pass, StagedRows out) {
    int[] order = pass.ranked();
    for (int r = 0; r < order.length; r++) {
      int i = order[r];
      PlayerRating p = pass.table.get(i);
      int games = pass.seasonGames(i);
      double score = pass.table.displayScore(i);
      out.add(
          RowFactory.create(
              season,
              pass.board,
              pass.table.playerId(i),
              (long) r + 1,
              score,
              p.mu(),
              p.sigma(),
              RankKey.of(score, games),
              games,
              p.wins(),
              p.losses(),
              p.draws(),
              pass.activeDays[i],
              pass.form(i),
              pass.qualitySum[i] / games,
              Instant.ofEpochSecond(pass.firstPlayed[i]),
              Instant.ofEpochSecond(pass.lastPlayed[i])));
    }
  }

  private static void performanceRows(
      String season, BoardPass global, long dayBase, StagedRows out) {
    PerformanceLog log = global.performance;
    Instant origin = Instant.ofEpochSecond(dayBase * 86_400L);
    for (int i = 0; i < global.table.size(); i++) {
      int n = log.games(i);
      if (n == 0) {
        continue;
      }
      out.add(
          RowFactory.create(
              season,
              global.table.playerId(i),
              n,
              origin,
              PerformanceLog.row(log.hourGames, i, PerformanceLog.HOURS),
              PerformanceLog.row(log.hourSurprise, i, PerformanceLog.HOURS),
              PerformanceLog.row(log.hourSquares, i, PerformanceLog.HOURS),
              PerformanceLog.row(log.dayGames, i, PerformanceLog.DAYS),
              PerformanceLog.row(log.daySurprise, i, PerformanceLog.DAYS),
              PerformanceLog.row(log.daySquares, i, PerformanceLog.DAYS),
              log.sumT[i],
              log.sumTT[i],
              log.sumY[i],
              log.sumTY[i],
              log.sumGY[i]));
    }
  }

  private static void historyRows(
      String season, BoardPass pass, long dayBase, int lastDay, StagedRows out) {
    for (int i = 0; i < pass.table.size(); i++) {
      int first = pass.firstDay[i];
      if (pass.seasonGames(i) == 0 || first < 0) {
        continue;
      }
      int n = lastDay - first + 1;
      // primitive arrays: Spark converts them as it does boxed ones, without 2n objects first
      int[] ranks = new int[n];
      float[] scores = new float[n];
      for (int d = 0; d < n; d++) {
        ranks[d] = pass.dayRanks.get(first + d)[i];
        scores[d] = pass.dayScores.get(first + d)[i];
      }
      out.add(
          RowFactory.create(
              season,
              pass.board,
              pass.table.playerId(i),
              LocalDate.ofEpochDay(dayBase + first),
              ranks,
              scores));
    }
  }

  /**
   * Adds percentile and league from rank and board size, through UDFs that call the domain's {@link
   * Leagues}: the serving API computes live rows with the same code.
   */
  private static Dataset<Row> withLeagues(Dataset<Row> rows, Leagues leagues, WindowSpec board) {
    UserDefinedFunction percentile =
        udf((UDF2<Long, Long, Double>) Leagues::percentile, DataTypes.DoubleType).asNonNullable();
    UserDefinedFunction league =
        udf((UDF1<Double, String>) leagues::leagueOf, DataTypes.StringType).asNonNullable();
    Column n = count(lit(1)).over(board);
    return rows.withColumn("percentile", percentile.apply(col("rank"), n))
        .withColumn("league", league.apply(col("percentile")));
  }

  /**
   * Each player's primary region and platform (most rated matches, ties to the smaller code) and
   * the rated matches per region and per platform ({@code region_matches}, {@code
   * platform_matches}): what the speed layer goes on counting between batches, so that a live match
   * moves a player to another region's board exactly when a recompute would.
   */
  static Dataset<Row> primaryRegionAndPlatform(Dataset<Row> accepted) {
    Dataset<Row> appearances =
        MatchColumns.rated(accepted)
            .select(
                col("region"),
                col("platform"),
                explode(flatten(col("sides.players")).getField("player_id")).as("player_id"));
    Dataset<Row> region = primary(appearances, "region");
    Dataset<Row> platform = primary(appearances, "platform");
    return region.join(platform, "player_id");
  }

  private static Dataset<Row> primary(Dataset<Row> appearances, String column) {
    // per player, (-matches, code) ascending: the first is the primary; the map lists them all
    return appearances
        .groupBy(col("player_id"), col(column))
        .agg(count(lit(1)).cast(DataTypes.IntegerType).as("n"))
        .groupBy(col("player_id"))
        .agg(
            array_sort(collect_list(struct(negate(col("n")).as("neg"), col(column).as("code"))))
                .as("_c"))
        .selectExpr(
            "player_id",
            "_c[0].code AS primary_" + column,
            "map_from_arrays(_c.code, transform(_c.neg, x -> -x)) AS " + column + "_matches");
  }

  /** The global rating restricted to the players whose primary {@code column} is each value. */
  private static Dataset<Row> filtered(Dataset<Row> global, String column, Leagues leagues) {
    String primary = "primary_" + column;
    WindowSpec byValue = Window.partitionBy(primary).orderBy(col("rank"));
    Dataset<Row> ranked =
        global
            .drop("percentile", "league")
            .withColumn("board", concat(lit(column + ":"), col(primary)))
            .withColumn("rank", row_number().over(byValue).cast(DataTypes.LongType));
    Dataset<Row> out = withLeagues(ranked, leagues, Window.partitionBy("board"));
    return out.select(
        java.util.Arrays.stream(global.columns())
            .map(org.apache.spark.sql.functions::col)
            .toArray(Column[]::new));
  }
}
