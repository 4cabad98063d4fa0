package dev.gsm.batch.season;

import static org.apache.spark.sql.functions.bit_count;
import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.gsm.batch.insights.PlayerModeStats;
import dev.gsm.batch.views.ViewShape;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code season-activity} view: per player of the season, the games played, the active days
 * (distinct UTC dates with a match) and the first and last match end. It needs no rating, so it is
 * built before the rating engine exists; the leaderboards will carry the same figures.
 */
final class SeasonActivity {

  static final String VIEW = "season-activity";
  static final ViewShape SHAPE = ViewShape.singleFile("player_id");

  private SeasonActivity() {}

  /**
   * From {@link PlayerModeStats#perMode}: a player's modes summed, his active dates the union of
   * his modes' date bitsets.
   */
  static Dataset<Row> of(Dataset<Row> perMode) {
    List<Column> words = new ArrayList<>();
    for (String c : perMode.columns()) {
      if (c.startsWith("day_bits_")) {
        words.add(bit_count(bit_or(col(c))));
      }
    }
    Column activeDays = words.stream().reduce(lit(0), Column::plus);
    return perMode
        .groupBy(col("season"), col("player_id"))
        .agg(
            // sums of counts are never null: keep the columns required, as counts are
            coalesce(sum(col("games")), lit(0L)).as("games"),
            coalesce(activeDays.cast("long"), lit(0L)).as("active_days"),
            min(col("first_played_at")).as("first_played_at"),
            max(col("last_played_at")).as("last_played_at"));
  }
}
