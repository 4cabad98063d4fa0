package dev.gsm.orchestration.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.schema.DatasetLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds and checks a version of the {@code leaderboards} view under a data root, without Spark.
 * Reads the layout batch-jobs' {@code ViewStore} writes:
 *
 * <pre>
 * views/_current/season=&lt;S&gt;                       the season's current run (one version id)
 * views/leaderboards/current                      the older per-view pointer, read as a fallback
 * views/leaderboards/version=&lt;V&gt;/_manifest.json   written last: without it the version does not exist
 * views/leaderboards/version=&lt;V&gt;/part-*.parquet
 * </pre>
 *
 * A version is published only when its manifest exists, names this view, version and season, has a
 * log-offset watermark, and lists files that are all there with the listed lengths and SHA-256.
 */
public final class ViewVersions {

  public static final String LEADERBOARDS = "leaderboards";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The insights job, which builds its view from a rankings run under a pointer of its own. */
  static final String INSIGHTS_JOB = "insights";

  private final DatasetLayout layout;
  private final Configuration conf;

  public ViewVersions(DatasetLayout layout, Configuration conf) {
    this.layout = layout;
    this.conf = conf;
  }

  /** The current version of a season: the run pointer, else the view's own pointer. */
  public Optional<String> current(String season) {
    Optional<String> run = readPointer(new Path(layout.currentRun(season)));
    return run.isPresent() ? run : readPointer(new Path(layout.view(LEADERBOARDS), "current"));
  }

  /**
   * The season's current run, checked, by its run pointer only (not the per-view fallback, which
   * names no season); empty when the season never ran.
   */
  public Optional<ViewVersion> currentRun(String season) {
    return readPointer(new Path(layout.currentRun(season)))
        .map(v -> check(LEADERBOARDS, season, v));
  }

  /** Resolves {@code version} (or the season's current one when empty) and checks it. */
  public ViewVersion resolve(String season, Optional<String> version) {
    String v =
        version
            .or(() -> current(season))
            .orElseThrow(
                () ->
                    new PublishRefused(
                        "season " + season + " has no current run under " + layout.root()));
    if (!ViewVersion.VERSION_ID.matcher(v).matches()) {
      throw new PublishRefused("not a version id: " + v);
    }
    return check(LEADERBOARDS, season, v);
  }

  /**
   * The same run's version of another view ({@code rank-history}, {@code insights}), checked like
   * the leaderboards; empty when that view has no committed version of this run (an older batch
   * that did not write it yet).
   */
  public Optional<ViewVersion> sibling(String view, ViewVersion leaderboards) {
    Path manifest = new Path(layout.viewVersion(view, leaderboards.version()), "_manifest.json");
    try {
      if (!DatasetFs.fileSystem(manifest, conf).exists(manifest)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + manifest, e);
    }
    return Optional.of(check(view, leaderboards.season(), leaderboards.version()));
  }

  /**
   * The insights job's current version for the season of {@code leaderboards}, when it was built
   * from exactly that rankings run (every input of its manifest lies in that run's version): the
   * insights the served batch version rests on. Empty when the job has not run on it (yet).
   */
  public Optional<ViewVersion> insightsOf(ViewVersion leaderboards) {
    Optional<String> id =
        readPointer(new Path(layout.currentRunOf(INSIGHTS_JOB, leaderboards.season())));
    if (id.isEmpty()) {
      return Optional.empty();
    }
    ViewVersion insights = check(INSIGHTS_JOB, leaderboards.season(), id.get());
    Path manifest = new Path(layout.viewVersion(INSIGHTS_JOB, id.get()), "_manifest.json");
    JsonNode inputs;
    try (InputStream in = DatasetFs.fileSystem(manifest, conf).open(manifest)) {
      inputs = JSON.readTree(in).path("inputs");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifest, e);
    }
    String run = "version=" + leaderboards.version();
    boolean fromThatRun = inputs.size() > 0;
    for (JsonNode input : inputs) {
      fromThatRun &= run.equals(input.path("partition").asText());
    }
    return fromThatRun ? Optional.of(insights) : Optional.empty();
  }

  ViewVersion check(String view, String season, String version) {
    Path dir = new Path(layout.viewVersion(view, version));
    Path manifestPath = new Path(dir, "_manifest.json");
    FileSystem fs = DatasetFs.fileSystem(dir, conf);
    JsonNode m;
    try (InputStream in = fs.open(manifestPath)) {
      m = JSON.readTree(in);
    } catch (FileNotFoundException e) {
      throw new PublishRefused(
          "version "
              + version
              + " of "
              + view
              + " has no manifest ("
              + manifestPath
              + "): it was never committed, and an uncommitted version is never published",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + manifestPath, e);
    }
    expect(m, "view", view, manifestPath);
    expect(m, "version", version, manifestPath);
    expect(m, "season", season, manifestPath);
    if (!m.path("watermark_offset").canConvertToLong()) {
      throw new PublishRefused(
          manifestPath + " has no watermark_offset: the view predates log-offset watermarks");
    }
    List<String> files = new ArrayList<>();
    for (JsonNode f : m.path("files")) {
      Path file = new Path(dir, f.path("name").asText());
      try {
        FileStatus st = fs.getFileStatus(file);
        if (st.getLen() != f.path("length").asLong()) {
          throw new PublishRefused(
              file + " is " + st.getLen() + " bytes, the manifest says " + f.path("length"));
        }
        String sha = sha256(fs, file);
        if (!sha.equals(f.path("sha256").asText())) {
          throw new PublishRefused(file + " does not have the SHA-256 its manifest lists");
        }
      } catch (FileNotFoundException e) {
        throw new PublishRefused(file + " is listed by the manifest but missing", e);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot check " + file, e);
      }
      files.add(file.toString());
    }
    if (files.isEmpty()) {
      throw new PublishRefused(manifestPath + " lists no data files");
    }
    files.sort(String::compareTo);
    return new ViewVersion(
        season, version, m.get("watermark_offset").asLong(), m.path("rows").asLong(), files);
  }

  private static void expect(JsonNode m, String field, String value, Path where) {
    if (!value.equals(m.path(field).asText())) {
      throw new PublishRefused(
          where + ": " + field + " is '" + m.path(field).asText() + "', expected '" + value + "'");
    }
  }

  private Optional<String> readPointer(Path pointer) {
    FileSystem fs = DatasetFs.fileSystem(pointer, conf);
    try (InputStream in = fs.open(pointer)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
    } catch (FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer, e);
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
}
