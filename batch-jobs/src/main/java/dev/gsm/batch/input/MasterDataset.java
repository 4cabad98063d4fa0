package dev.gsm.batch.input;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.DatasetLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a season of the master dataset ({@code matches/season=S/date=D/*.parquet}). */
public final class MasterDataset {

  private MasterDataset() {}

  /**
   * The first step of a batch run. Lists the season's data files once and reads exactly those (a
   * file that lands while the run is going is not half-read: it waits for the next run, and the
   * manifest says precisely what was read). {@code season} and {@code date} come from the paths.
   * Rows ending after the watermark are counted and left out.
   */
  public static SeasonInput readMatches(
      SparkSession spark, DatasetLayout layout, String season, Optional<Instant> watermark) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<InputFile> files = listDataFiles(conf, new Path(layout.season(season)));
    Dataset<Row> all =
        files.isEmpty()
            ? spark.createDataFrame(List.of(), MatchSchemas.match())
            : spark
                .read()
                .schema(MatchSchemas.match())
                .option("basePath", layout.matches())
                .parquet(files.stream().map(InputFile::path).toArray(String[]::new));

    // Both passes read the ended_at column alone: Parquet skips every other column.
    Instant w =
        watermark.orElseGet(
            () -> {
              Row last = all.agg(max(col("ended_at"))).head();
              return last.isNullAt(0) ? Instant.EPOCH : last.<Instant>getAs(0);
            });
    Row counts = all.agg(count(lit(1)), count(when(col("ended_at").gt(lit(w)), lit(1)))).head();
    long total = counts.getLong(0);
    long after = counts.getLong(1);
    Dataset<Row> upTo = all.filter(col("ended_at").isNull().or(col("ended_at").leq(lit(w))));
    return new SeasonInput(
        season, upTo, w, watermark.isEmpty(), total - after, after, files, fingerprint(files, w));
  }

  /**
   * Data files under {@code dir}, sorted by path. Names starting with {@code _} or {@code .} are
   * skipped at every level, as Spark does: they are writers' temporary files and markers.
   */
  public static List<InputFile> listDataFiles(Configuration conf, Path dir) {
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return List.of();
      }
      String base = fs.makeQualified(dir).getParent().toString();
      List<InputFile> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String path = status.getPath().toString();
        String relative = path.substring(base.length() + 1);
        if (!status.isFile() || hidden(relative) || !relative.endsWith(".parquet")) {
          continue;
        }
        String partition = relative.substring(0, relative.lastIndexOf('/'));
        files.add(
            new InputFile(
                path, partition, status.getLen(), status.getModificationTime(), etag(status)));
      }
      files.sort(Comparator.comparing(InputFile::path));
      return List.copyOf(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static boolean hidden(String relativePath) {
    for (String part : relativePath.split("/")) {
      if (part.startsWith("_") || part.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String etag(FileStatus status) {
    if (status instanceof EtagSource source) {
      String etag = source.getEtag();
      return etag == null || etag.isEmpty() ? null : etag;
    }
    return null;
  }

  static String fingerprint(List<InputFile> files, Instant watermark) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("watermark\t" + watermark + "\n").getBytes(StandardCharsets.UTF_8));
      for (InputFile f : files) {
        sha.update((f.fingerprintLine() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
