package dev.gsm.batch.views;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gsm.schema.DatasetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Versioned batch views under {@code views/<name>/}, on any Hadoop file system ({@code file://},
 * {@code s3a://}):
 *
 * <pre>
 * views/&lt;name&gt;/version=&lt;V&gt;/part-*.parquet   the data, immutable once committed
 * views/&lt;name&gt;/version=&lt;V&gt;/_manifest.json    written last: a version without it does not exist
 * views/&lt;name&gt;/current                       the current version's id, replaced atomically
 * </pre>
 *
 * A run writes its data ({@link #writeData}), then {@link #commit}s: the manifest, then the
 * pointer. A run that dies before its manifest leaves an orphan directory that nothing reads (and
 * the next write of that version replaces); one that dies before moving the pointer leaves a
 * complete version that is simply not current. Older versions stay readable by id.
 *
 * <p>The pointer is replaced atomically on both kinds of store: locally by writing a temporary file
 * and renaming it over the old one (POSIX rename), on an object store by one PUT of a small object
 * (S3 has no atomic rename, but a PUT replaces an object atomically: readers see the old or the new
 * body, never a mix).
 */
public final class ViewStore {

  public static final String POINTER = "current";

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .build();

  private static final Set<String> OBJECT_STORES =
      Set.of("s3a", "s3", "s3n", "gs", "abfs", "abfss");

  private final DatasetLayout layout;
  private final Configuration conf;

  public ViewStore(DatasetLayout layout, Configuration conf) {
    this.layout = layout;
    this.conf = conf;
  }

  public static ViewStore of(SparkSession spark, DatasetLayout layout) {
    return new ViewStore(layout, spark.sparkContext().hadoopConfiguration());
  }

  /** What {@link #writeData} wrote: everything the manifest needs to say about the data. */
  public record WrittenVersion(
      String view, String version, String path, List<OutputFile> files, long rows) {}

  /**
   * Writes the rows of a version as Parquet, laid out by {@code shape} so that the same rows give
   * the same bytes. Refuses to touch a committed version (versions are immutable); replaces the
   * leftovers of a run that died before committing this version.
   */
  public WrittenVersion writeData(String view, String version, Dataset<Row> rows, ViewShape shape) {
    requireValid(view, version);
    String dir = layout.viewVersion(view, version);
    if (exists(new Path(dir, ViewManifest.FILE_NAME))) {
      throw new IllegalStateException(
          "version " + version + " of view " + view + " is committed and immutable: " + dir);
    }
    Column[] bucket = shape.bucketBy().stream().map(functions::col).toArray(Column[]::new);
    Column[] sort = shape.sortBy().stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> laidOut =
        bucket.length == 0
            ? rows.repartition(shape.files())
            : rows.repartition(shape.files(), bucket);
    laidOut.sortWithinPartitions(sort).write().mode("overwrite").parquet(dir);
    long count = rows.sparkSession().read().parquet(dir).count();
    return new WrittenVersion(view, version, dir, dataFiles(new Path(dir)), count);
  }

  /**
   * Where a run of version {@code version} stages intermediate data (views/_staging/version=V):
   * beside the views, so executors of a cluster can read it; never listed as a view.
   */
  public String staging(String version) {
    if (!VersionId.isValid(version)) {
      throw new IllegalArgumentException("not a version id: " + version);
    }
    return layout.viewVersion("_staging", version);
  }

  /** Deletes what a run staged (nothing if it staged nothing). */
  public void deleteStaging(String version) {
    Path dir = new Path(staging(version));
    try {
      fs(dir).delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** Writes the manifest, then makes the version current. */
  public void commit(ViewManifest manifest) {
    writeManifest(manifest);
    movePointer(manifest.view(), manifest.version());
  }

  public void writeManifest(ViewManifest manifest) {
    requireValid(manifest.view(), manifest.version());
    Path path =
        new Path(layout.viewVersion(manifest.view(), manifest.version()), ViewManifest.FILE_NAME);
    try {
      writeObject(path, JSON.writeValueAsBytes(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Makes a committed version the current one. */
  public void movePointer(String view, String version) {
    requireValid(view, version);
    if (manifest(view, version).isEmpty()) {
      throw new IllegalStateException(
          "version " + version + " of view " + view + " has no manifest: it cannot become current");
    }
    Path pointer = new Path(layout.view(view), POINTER);
    byte[] body = (version + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      replaceAtomically(pointer, body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + pointer, e);
    }
  }

  /**
   * Commits the views of one run together: every manifest first, then one pointer for the season
   * ({@link DatasetLayout#currentRun}) holding the version id they share. A crash before the
   * pointer leaves the previous run current for every view; there is no moment at which one view of
   * a season is new and another old.
   */
  public void commitRun(String season, List<ViewManifest> manifests) {
    commitRun(new Path(layout.currentRun(season)), season, manifests);
  }

  /**
   * {@link #commitRun} for a job that derives its views from the season's run (insights): its own
   * pointer, {@link DatasetLayout#currentRunOf}.
   */
  public void commitRunOf(String job, String season, List<ViewManifest> manifests) {
    commitRun(new Path(layout.currentRunOf(job, season)), season, manifests);
  }

  private void commitRun(Path pointer, String season, List<ViewManifest> manifests) {
    String version = manifests.get(0).version();
    for (ViewManifest m : manifests) {
      if (!m.version().equals(version) || !m.season().equals(season)) {
        throw new IllegalArgumentException("the views of one run share a version and a season");
      }
      writeManifest(m);
    }
    try {
      replaceAtomically(pointer, (version + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + pointer, e);
    }
  }

  /** The version id of a job's current run of a season ({@link #commitRunOf}), if any. */
  public Optional<String> currentRunOf(String job, String season) {
    return readPointer(new Path(layout.currentRunOf(job, season)));
  }

  /** The version id of a season's current run, if one was ever committed. */
  public Optional<String> currentRun(String season) {
    return readPointer(new Path(layout.currentRun(season)));
  }

  /** A view of a season's current run. */
  public Dataset<Row> readCurrent(SparkSession spark, String view, String season) {
    String version =
        currentRun(season)
            .orElseThrow(
                () -> new IllegalStateException("season " + season + " has no current run"));
    return read(spark, view, version);
  }

  /** The current version, if any was ever committed. */
  public Optional<String> current(String view) {
    return readPointer(new Path(layout.view(view), POINTER));
  }

  private Optional<String> readPointer(Path pointer) {
    try {
      FileSystem fs = fs(pointer);
      if (!fs.exists(pointer)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(pointer)) {
        String version = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!VersionId.isValid(version)) {
          throw new IllegalStateException(
              "pointer " + pointer + " holds no version id: " + version);
        }
        return Optional.of(version);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
    }
  }

  /** The committed versions of a view (those with a manifest), oldest first. */
  public List<String> versions(String view) {
    Path dir = new Path(layout.view(view));
    try {
      FileSystem fs = fs(dir);
      if (!fs.exists(dir)) {
        return List.of();
      }
      List<String> versions = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isDirectory()
            && name.startsWith("version=")
            && fs.exists(new Path(s.getPath(), ViewManifest.FILE_NAME))) {
          versions.add(name.substring("version=".length()));
        }
      }
      versions.sort(Comparator.naturalOrder());
      return versions;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  public Optional<ViewManifest> manifest(String view, String version) {
    Path path = new Path(layout.viewVersion(view, version), ViewManifest.FILE_NAME);
    try {
      FileSystem fs = fs(path);
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(path)) {
        return Optional.of(JSON.readValue(in, ViewManifest.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The current version of a view. */
  public Dataset<Row> read(SparkSession spark, String view) {
    String version =
        current(view)
            .orElseThrow(
                () -> new IllegalStateException("view " + view + " has no current version"));
    return read(spark, view, version);
  }

  /** A committed version of a view, current or not. */
  public Dataset<Row> read(SparkSession spark, String view, String version) {
    if (manifest(view, version).isEmpty()) {
      throw new IllegalStateException(
          "version " + version + " of view " + view + " was never committed");
    }
    return spark.read().parquet(layout.viewVersion(view, version));
  }

  private List<OutputFile> dataFiles(Path dir) {
    try {
      FileSystem fs = fs(dir);
      List<OutputFile> files = new ArrayList<>();
      for (FileStatus s : fs.listStatus(dir)) {
        String name = s.getPath().getName();
        if (s.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
          files.add(new OutputFile(name, s.getLen(), sha256(fs, s.getPath())));
        }
      }
      files.sort(Comparator.comparing(OutputFile::name));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String sha256(FileSystem fs, Path path) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(fs.open(path), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private void replaceAtomically(Path target, byte[] body) throws IOException {
    FileSystem fs = fs(target);
    String scheme = fs.getUri().getScheme();
    Path temp =
        new Path(target.getParent(), "." + target.getName() + "-" + UUID.randomUUID() + ".tmp");
    if ("file".equals(scheme)) {
      writeObject(temp, body);
      Files.move(
          java.nio.file.Path.of(fs.makeQualified(temp).toUri()),
          java.nio.file.Path.of(fs.makeQualified(target).toUri()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } else if (OBJECT_STORES.contains(scheme)) {
      writeObject(target, body);
    } else {
      // HDFS and the like: rename with OVERWRITE is atomic there.
      writeObject(temp, body);
      FileContext.getFileContext(target.toUri(), conf)
          .rename(temp, target, Options.Rename.OVERWRITE);
    }
  }

  /** One whole small file; on an object store, one PUT. No checksum side files locally. */
  private void writeObject(Path path, byte[] body) throws IOException {
    FileSystem fs = fs(path);
    FileSystem raw = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    try (FSDataOutputStream out = raw.create(fs.makeQualified(path), true)) {
      out.write(body);
    }
  }

  private boolean exists(Path path) {
    try {
      return fs(path).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  private FileSystem fs(Path path) throws IOException {
    return path.getFileSystem(conf);
  }

  private static void requireValid(String view, String version) {
    if (view == null || !view.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("not a view name (lower case, digits, dashes): " + view);
    }
    if (!VersionId.isValid(version)) {
      throw new IllegalArgumentException("not a version id: " + version);
    }
  }
}
