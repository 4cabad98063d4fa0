package dev.gsm.batch.input;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Keeps one record per match id. Which one is fixed by the records alone, never by partitioning or
 * arrival: the earliest {@code ended_at}, then the smallest canonical JSON of the whole row (a
 * total order: two records with equal JSON are equal). Earliest first also keeps a choice stable
 * across runs: a copy ending after this run's watermark can never displace the copy already used.
 */
public final class Dedup {

  /**
   * The result of {@link #dedupe}.
   *
   * @param matches one row per match id, in the input's columns
   * @param duplicateRows every row of a match id seen more than once (kept and dropped)
   * @param duplicateIds the match ids seen more than once
   */
  public record Deduped(
      Dataset<Row> matches, Dataset<Row> duplicateRows, Dataset<Row> duplicateIds) {}

  /**
   * JSON options that keep every bit of a row: Spark's default timestamp format stops at
   * milliseconds, and two records differing below that would otherwise print alike.
   */
  static final java.util.Map<String, String> EXACT_JSON =
      java.util.Map.of("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

  private static final String CANONICAL = "_gsm_canonical";
  private static final String ORDINAL = "_gsm_ordinal";

  private Dedup() {}

  /**
   * Only the duplicated ids are shuffled with their full rows: the ids seen twice are found with a
   * count (an aggregate on the id column alone), and every other row passes through an anti-join
   * against those ids, broadcast.
   */
  public static Deduped dedupe(Dataset<Row> valid) {
    List<String> columns = Arrays.asList(valid.columns());
    Dataset<Row> duplicateIds =
        valid.groupBy("match_id").count().filter(col("count").gt(1)).select("match_id");
    // Broadcast: a sort-merge join would shuffle every full row to find the few duplicated ids.
    Dataset<Row> singles =
        valid.join(broadcast(duplicateIds), new String[] {"match_id"}, "left_anti");
    Dataset<Row> duplicateRows =
        valid.join(broadcast(duplicateIds), new String[] {"match_id"}, "left_semi");
    Column[] all = columns.stream().map(c -> col(c)).toArray(Column[]::new);
    Dataset<Row> kept =
        duplicateRows
            .withColumn(CANONICAL, to_json(struct(all), EXACT_JSON))
            .withColumn(
                ORDINAL,
                row_number()
                    .over(
                        Window.partitionBy("match_id")
                            .orderBy(col("ended_at").asc_nulls_last(), col(CANONICAL).asc())))
            .filter(col(ORDINAL).equalTo(1))
            .drop(CANONICAL, ORDINAL);
    return new Deduped(singles.unionByName(kept), duplicateRows, duplicateIds);
  }
}
