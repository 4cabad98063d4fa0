package dev.gsm.batch.input;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.EtagSource;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a season of the master dataset ({@code matches/season=S/date=D/*.parquet}). */
public final class MasterDataset {

  private MasterDataset() {}

  /**
   * The first step of a batch run (docs/LAMBDA.md). Lists the season's data files once and reads
   * exactly those (a file that lands while the run is going is not half-read: it waits for the next
   * run, and the manifest says precisely what was read). {@code season} and {@code date} come from
   * the paths.
   *
   * <p>The watermark is a log offset L: {@code watermarkOffset} when given, else the archiver's
   * checkpoint ({@link DatasetLayout#archivedThrough()}), else (no archiver has run) the largest
   * {@code log_offset} present, 0 for pure history. The run covers exactly the rows with {@code
   * log_offset <= L} (a missing offset reads as 0, like history); the others are counted.
   */
  public static SeasonInput readMatches(
      SparkSession spark, DatasetLayout layout, String season, OptionalLong watermarkOffset) {
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

    Column offset = coalesce(col("log_offset"), lit(0L));
    WatermarkSource source;
    long w;
    OptionalLong checkpoint =
        watermarkOffset.isPresent() ? OptionalLong.empty() : archivedThrough(conf, layout);
    if (watermarkOffset.isPresent()) {
      source = WatermarkSource.OPTION;
      w = watermarkOffset.getAsLong();
    } else if (checkpoint.isPresent()) {
      source = WatermarkSource.ARCHIVER;
      w = checkpoint.getAsLong();
    } else {
      // No checkpoint: W is the largest offset, so every row is covered. One pass.
      Row stats = all.agg(count(lit(1)), max(offset), max(col("ended_at"))).head();
      w = stats.isNullAt(1) ? 0L : stats.getLong(1);
      Instant latest = stats.isNullAt(2) ? null : stats.<Instant>getAs(2);
      return new SeasonInput(
          season,
          all,
          w,
          WatermarkSource.DATA,
          latest,
          stats.getLong(0),
          0,
          files,
          fingerprint(files, w));
    }
    // One pass over two narrow columns: Parquet skips every other column.
    Column covered = offset.leq(lit(w));
    Row counts =
        all.agg(
                count(lit(1)),
                count(when(covered.unary_$bang(), lit(1))),
                max(when(covered, col("ended_at"))))
            .head();
    long total = counts.getLong(0);
    long after = counts.getLong(1);
    Instant latest = counts.isNullAt(2) ? null : counts.<Instant>getAs(2);
    Dataset<Row> upTo = all.filter(covered);
    return new SeasonInput(
        season, upTo, w, source, latest, total - after, after, files, fingerprint(files, w));
  }

  /** Where a run's watermark came from. */
  public enum WatermarkSource {
    /** {@code --watermark-offset} */
    OPTION,
    /** the archiver's checkpoint {@code matches/_archived_through.json} */
    ARCHIVER,
    /** no checkpoint: the largest offset in the data (0 for pure history) */
    DATA
  }

  /** The archiver's checkpoint {@code {"log_offset": L}}, if an archiver has ever run. */
  public static OptionalLong archivedThrough(Configuration conf, DatasetLayout layout) {
    Path path = new Path(layout.archivedThrough());
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        return OptionalLong.empty();
      }
      try (InputStream in = fs.open(path)) {
        JsonNode node = new ObjectMapper().readTree(in);
        JsonNode l = node == null ? null : node.get("log_offset");
        if (l == null || !l.canConvertToLong() || l.asLong() < 0) {
          throw new IllegalStateException(
              path + " holds no log_offset (a non-negative integer): " + node);
        }
        return OptionalLong.of(l.asLong());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
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

  public static String fingerprint(List<InputFile> files, long watermarkOffset) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("watermark_offset\t" + watermarkOffset + "\n").getBytes(StandardCharsets.UTF_8));
      for (InputFile f : files) {
        sha.update((f.fingerprintLine() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
