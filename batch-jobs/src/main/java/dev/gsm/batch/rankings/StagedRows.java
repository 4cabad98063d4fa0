package dev.gsm.batch.rankings;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Rows made on the driver, written to Parquet a chunk at a time instead of being held: a list of
 * Rows plus the local relation {@code createDataFrame} builds from it held every board's rows and
 * history two more times on the driver (what ran 3M matches out of memory). Read back with the
 * exact schema (non-nullable columns stay non-nullable), so the views' bytes do not change.
 */
final class StagedRows {

  private final SparkSession spark;
  private final String dir;
  private final StructType schema;
  private final int rowsPerChunk;
  private List<Row> chunk = new ArrayList<>();
  private boolean written;

  /**
   * @param rowsPerChunk rows per Parquet chunk: each is one short Spark job whose task carries the
   *     chunk, so about 10-20 MB of rows
   */
  StagedRows(SparkSession spark, String dir, StructType schema, int rowsPerChunk) {
    this.spark = spark;
    this.dir = dir;
    this.schema = schema;
    this.rowsPerChunk = rowsPerChunk;
  }

  void add(Row row) {
    chunk.add(row);
    if (chunk.size() >= rowsPerChunk) {
      flush();
    }
  }

  private void flush() {
    spark
        .createDataFrame(chunk, schema)
        .coalesce(1)
        .write()
        .mode(written ? "append" : "overwrite")
        .parquet(dir);
    written = true;
    chunk = new ArrayList<>();
  }

  /** Every row added, lazily read from the staged files. */
  Dataset<Row> finish() {
    if (!written || !chunk.isEmpty()) {
      flush();
    }
    // Parquet reads every column as nullable; the views keep the driver's schema.
    return spark.createDataFrame(spark.read().schema(schema).parquet(dir).javaRDD(), schema);
  }
}
