package dev.gsm.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one place Spark sessions are configured, for the jobs and for the tests: every session reads
 * and writes instants in UTC as {@code java.time} values, and writes timestamps as Parquet's
 * TIMESTAMP(MICROS) like the master dataset (Spark's default INT96 is deprecated and zone-bound).
 */
public final class SparkSessions {

  public static final String DEFAULT_MASTER = "local[*]";

  private SparkSessions() {}

  /**
   * A session for a job. {@code master} wins when given; otherwise the one spark-submit set ({@code
   * spark.master}), else {@link #DEFAULT_MASTER}. {@code conf} is passed through as is (s3a
   * credentials and endpoints, tuning).
   */
  public static SparkSession create(String appName, String master, Map<String, String> conf) {
    SparkConf existing = new SparkConf();
    String effectiveMaster = master != null ? master : existing.get("spark.master", DEFAULT_MASTER);
    SparkSession.Builder builder = SparkSession.builder().appName(appName).master(effectiveMaster);
    common(builder);
    boolean local = effectiveMaster.startsWith("local");
    if (local) {
      // A laptop or CI box may not resolve its own host name; a local driver needs loopback only.
      builder
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1");
      // Spark's default of 200 shuffle partitions costs seconds per shuffle on a few cores.
      if (!conf.containsKey("spark.sql.shuffle.partitions")) {
        builder.config(
            "spark.sql.shuffle.partitions",
            Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
      }
    }
    conf.forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    if (local) {
      // On a cluster the platform's logging configuration decides; locally INFO drowns the output.
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /**
   * A small local session for tests and slices: {@code threads} cores, few shuffle partitions, no
   * UI, loopback only.
   */
  public static SparkSession local(String appName, int threads, int shufflePartitions) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName(appName)
            .master("local[" + threads + "]")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions))
            .config("spark.default.parallelism", Integer.toString(threads));
    common(builder);
    return builder.getOrCreate();
  }

  private static void common(SparkSession.Builder builder) {
    builder
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
  }
}
