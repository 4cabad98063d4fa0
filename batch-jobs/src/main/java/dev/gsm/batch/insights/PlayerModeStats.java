package dev.gsm.batch.insights;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.gsm.batch.views.ViewShape;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code player-mode-stats} view, built by the season batch next to its rating views: per
 * season, player and mode, the accepted matches played (ranked or not, abandoned included) and the
 * sums of every per-match statistic (a missing one counts 0). The insights job derives the
 * behaviour features of the play styles from it, so it sees exactly the matches the rankings saw:
 * same watermark, same rejects, duplicates and bans left out.
 */
public final class PlayerModeStats {

  public static final String VIEW = "player-mode-stats";
  public static final ViewShape SHAPE =
      new ViewShape(4, List.of("player_id"), List.of("player_id", "mode"));

  /** The summed statistics, in the schema's names (all {@code long}). */
  public static final List<String> STATS =
      List.of(
          "score",
          "kills",
          "deaths",
          "assists",
          "damage_dealt",
          "damage_taken",
          "healing",
          "objectives",
          "seconds_played");

  private PlayerModeStats() {}

  /**
   * Per season, player, mode and UTC date ({@code date}, the partition): {@code games}, the summed
   * statistics, {@code first_played_at} and {@code last_played_at}. The one explode of the accepted
   * matches, shared by this view ({@link #of}) and {@code season-activity}; small enough to keep.
   */
  public static Dataset<Row> daily(Dataset<Row> accepted) {
    Dataset<Row> appearances =
        accepted.select(
            col("season"),
            col("mode"),
            col("date"),
            col("ended_at"),
            explode(flatten(col("sides.players"))).as("p"));
    List<Column> sums = new ArrayList<>();
    for (String s : STATS) {
      sums.add(sum(coalesce(col("p.stats." + s).cast("long"), lit(0L))).as(s));
    }
    sums.add(min(col("ended_at")).as("first_played_at"));
    sums.add(max(col("ended_at")).as("last_played_at"));
    return appearances
        .groupBy(col("season"), col("p.player_id").as("player_id"), col("mode"), col("date"))
        .agg(count(lit(1)).as("games"), sums.toArray(Column[]::new));
  }

  /** The view from {@link #daily}: the days of each player and mode summed. */
  public static Dataset<Row> of(Dataset<Row> daily) {
    List<Column> sums = new ArrayList<>();
    for (String s : STATS) {
      sums.add(sum(col(s)).as(s));
    }
    return daily
        .groupBy(col("season"), col("player_id"), col("mode"))
        .agg(
            // a sum of counts is never null: keep the column required, as a count is
            coalesce(sum(col("games")), lit(0L)).as("games"), sums.toArray(Column[]::new));
  }
}
