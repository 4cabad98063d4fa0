package dev.gsm.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base class of the tests that need Spark: one local session per test JVM, shared by every class
 * (starting one costs seconds), with two cores, four shuffle partitions, no UI and loopback only,
 * so that test runs stay light on a shared machine. Spark stops it when the JVM exits.
 */
public abstract class SharedSparkSession {

  protected static SparkSession spark;

  @BeforeAll
  static void shareSession() {
    spark = Holder.SESSION;
  }

  private static final class Holder {
    static final SparkSession SESSION = SparkSessions.local("gsm-tests", 2, 4);
  }
}
