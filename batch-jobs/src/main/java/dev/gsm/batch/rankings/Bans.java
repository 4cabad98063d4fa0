package dev.gsm.batch.rankings;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.PlayerBan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Bans of a season, facts under {@code bans/season=S/} (Parquet in {@link PlayerBan}'s form). A
 * banned player's matches are dropped from the whole rebuild: every opponent and team-mate is rated
 * as if those matches had never been played.
 */
public final class Bans {

  public static final StructType SCHEMA = StructType.fromDDL(PlayerBan.SPARK_DDL);

  /** What {@link #dropMatchesOfBanned} did. */
  public record Filtered(Dataset<Row> matches, long bannedPlayers) {}

  private Bans() {}

  /** Appends bans as one new file (a new directory per call: existing files are never touched). */
  public static void record(
      SparkSession spark, DatasetLayout layout, String season, List<PlayerBan> bans) {
    List<Row> rows = new ArrayList<>();
    for (PlayerBan b : bans) {
      rows.add(RowFactory.create(b.playerId(), b.bannedAt(), b.reason(), b.banId()));
    }
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .mode(SaveMode.ErrorIfExists)
        .parquet(layout.bans(season) + "/batch=" + UUID.randomUUID());
  }

  /** The distinct banned player ids of a season (empty when none were ever recorded). */
  public static Dataset<Row> bannedPlayers(
      SparkSession spark, DatasetLayout layout, String season) {
    Path dir = new Path(layout.bans(season));
    try {
      FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(dir)) {
        return spark.createDataFrame(List.of(), SCHEMA).select("player_id");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return spark
        .read()
        .schema(SCHEMA)
        .option("recursiveFileLookup", "true")
        .parquet(layout.bans(season))
        .select("player_id")
        .distinct();
  }

  /**
   * Drops every match in which a banned player appears. Only the (match id, player id) pairs are
   * shuffled to find them; the full rows pass through an anti-join against them, broadcast.
   */
  public static Filtered dropMatchesOfBanned(Dataset<Row> matches, Dataset<Row> banned) {
    long count = banned.count();
    if (count == 0) {
      return new Filtered(matches, 0);
    }
    Dataset<Row> tainted =
        matches
            .select(col("match_id"), explode(col("sides")).as("s"))
            .select(col("match_id"), explode(col("s.players.player_id")).as("player_id"))
            .join(banned, "player_id")
            .select("match_id")
            .distinct();
    return new Filtered(
        matches.join(broadcast(tainted), new String[] {"match_id"}, "left_anti"), count);
  }
}
