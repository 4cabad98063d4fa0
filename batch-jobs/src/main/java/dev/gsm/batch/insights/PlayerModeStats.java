package dev.gsm.batch.insights;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.gsm.batch.views.ViewShape;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
   * The UTC dates ({@code date}) of a season's accepted matches, as the bit positions of {@link
   * #perMode}'s {@code day_bits_*} words: {@code first} is bit 0, a missing date the bit after
   * {@code last}.
   */
  public record DaySpan(LocalDate first, LocalDate last) {

    /** Longs of 64 days each, enough for every day of the span and the missing date's bit. */
    int words() {
      return (int) ((ChronoUnit.DAYS.between(first, last) + 1) / 64) + 1;
    }

    /** The span of the dates seen, nulls when there was no match (then any one day will do). */
    public static DaySpan of(LocalDate first, LocalDate last) {
      return first == null || last == null
          ? new DaySpan(LocalDate.EPOCH, LocalDate.EPOCH)
          : new DaySpan(first, last);
    }
  }

  /**
   * Per season, player and mode: {@code games}, the summed statistics, {@code first_played_at},
   * {@code last_played_at} and the player's active dates in that mode as a bitset over {@code days}
   * ({@code day_bits_0..}). The one explode of the accepted matches, shared by this view ({@link
   * #of}) and {@code season-activity}. A per-date aggregate barely aggregated (a player rarely
   * plays one mode twice a day): grouped by (player, mode), its rows are those of the view.
   */
  public static Dataset<Row> perMode(Dataset<Row> accepted, DaySpan days) {
    Dataset<Row> appearances =
        accepted.select(
            col("season"),
            col("mode"),
            coalesce(
                    datediff(col("date"), lit(Date.valueOf(days.first()))),
                    lit((int) ChronoUnit.DAYS.between(days.first(), days.last()) + 1))
                .as("day"),
            col("ended_at"),
            explode(flatten(col("sides.players"))).as("p"));
    List<Column> sums = new ArrayList<>();
    for (String s : STATS) {
      sums.add(sum(coalesce(col("p.stats." + s).cast("long"), lit(0L))).as(s));
    }
    sums.add(min(col("ended_at")).as("first_played_at"));
    sums.add(max(col("ended_at")).as("last_played_at"));
    for (int w = 0; w < days.words(); w++) {
      Column day = col("day");
      Column inWord = day.geq(64 * w).and(day.lt(64 * (w + 1)));
      sums.add(
          bit_or(when(inWord, expr("shiftleft(1L, day - " + 64 * w + ")")).otherwise(lit(0L)))
              .as("day_bits_" + w));
    }
    return appearances
        .groupBy(col("season"), col("p.player_id").as("player_id"), col("mode"))
        .agg(count(lit(1)).as("games"), sums.toArray(Column[]::new));
  }

  /** The view from {@link #perMode}. */
  public static Dataset<Row> of(Dataset<Row> perMode) {
    List<Column> columns = new ArrayList<>(List.of(col("season"), col("player_id"), col("mode")));
    columns.add(col("games"));
    STATS.forEach(s -> columns.add(col(s)));
    return perMode.select(columns.toArray(Column[]::new));
  }
}
