package dev.gsm.batch.season;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import dev.gsm.batch.views.ViewShape;
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

  static Dataset<Row> of(Dataset<Row> matches) {
    return matches
        .select(col("season"), col("date"), col("ended_at"), explode(col("sides")).as("side"))
        .select(col("season"), col("date"), col("ended_at"), explode(col("side.players")).as("p"))
        .groupBy(col("season"), col("p.player_id").as("player_id"))
        .agg(
            count(lit(1)).as("games"),
            countDistinct(col("date")).as("active_days"),
            min(col("ended_at")).as("first_played_at"),
            max(col("ended_at")).as("last_played_at"));
  }
}
