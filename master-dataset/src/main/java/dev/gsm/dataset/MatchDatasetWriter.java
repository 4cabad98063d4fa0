package dev.gsm.dataset;

import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;

/**
 * Appends {@link MatchEvent}s to the master dataset under a data root, in the layout of {@link
 * DatasetLayout}: {@code matches/season=S/date=D/part-<writer>-<seq>.parquet}, where the date is
 * the UTC date of {@code ended_at}.
 *
 * <p>Files are committed atomically: each is written under {@code matches/_tmp/<writer>/} (hidden
 * from Spark, Hive and Athena by its leading underscore) and renamed into its partition only when
 * complete, so a reader sees a whole file or none. A file is committed when it reaches {@link
 * Builder#maxRecordsPerFile}, when its partition is the least recently used of more than {@link
 * Builder#maxOpenPartitions} open ones, or on {@link #close()}. An existing file is never
 * overwritten: the dataset is append-only, and a second writer must use another writer id.
 *
 * <p>Not thread-safe; one writer per thread, each with its own writer id.
 */
public final class MatchDatasetWriter implements Consumer<MatchEvent>, AutoCloseable {

  /** Codecs that Spark, Athena and every Parquet reader decode without extra libraries. */
  public enum Compression {
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    final CompressionCodecName codec;

    Compression(CompressionCodecName codec) {
      this.codec = codec;
    }

    public static Compression parse(String name) {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
  }

  /** What a writer has committed so far. */
  public record Summary(long records, List<String> files, SortedSet<String> partitions) {}

  private static final String MATCH_ID = "match_id";

  private static final Pattern WRITER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final DatasetLayout layout;
  private final Configuration conf;
  private final FileSystem fs;
  private final String writerId;
  private final Compression compression;
  private final long maxRecordsPerFile;
  private final int maxOpenPartitions;
  private final Path tmpDir;
  private final LinkedHashMap<String, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
  private final List<String> committed = new ArrayList<>();
  private final SortedSet<String> partitions = new TreeSet<>();
  private long sequence;
  private long records;
  private boolean closed;

  private MatchDatasetWriter(Builder b) {
    this.layout = new DatasetLayout(b.root);
    this.conf = b.conf;
    this.writerId = b.writerId;
    this.compression = b.compression;
    this.maxRecordsPerFile = b.maxRecordsPerFile;
    this.maxOpenPartitions = b.maxOpenPartitions;
    this.tmpDir = new Path(layout.matches() + "/_tmp/" + writerId);
    this.fs = DatasetFs.fileSystem(tmpDir, conf);
  }

  public static Builder builder(String root, String writerId) {
    return new Builder(root, writerId);
  }

  /** Options of a writer; every one has a default that suits a nightly append. */
  public static final class Builder {
    private final String root;
    private final String writerId;
    private Configuration conf = new Configuration();
    private Compression compression = Compression.SNAPPY;
    private long maxRecordsPerFile = 2_000_000;
    private int maxOpenPartitions = 4;

    private Builder(String root, String writerId) {
      this.root = Objects.requireNonNull(root, "root");
      this.writerId = Objects.requireNonNull(writerId, "writerId");
      if (!WRITER_ID.matcher(writerId).matches()) {
        throw new IllegalArgumentException(
            "writer id must match " + WRITER_ID.pattern() + ", was '" + writerId + "'");
      }
    }

    public Builder conf(Configuration conf) {
      this.conf = Objects.requireNonNull(conf, "conf");
      return this;
    }

    public Builder compression(Compression compression) {
      this.compression = Objects.requireNonNull(compression, "compression");
      return this;
    }

    public Builder maxRecordsPerFile(long n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxRecordsPerFile must be positive, was " + n);
      }
      this.maxRecordsPerFile = n;
      return this;
    }

    /** Partitions kept open at once; a late match to a closed partition starts a new file. */
    public Builder maxOpenPartitions(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxOpenPartitions must be positive, was " + n);
      }
      this.maxOpenPartitions = n;
      return this;
    }

    public MatchDatasetWriter build() {
      return new MatchDatasetWriter(this);
    }
  }

  @Override
  public void accept(MatchEvent e) {
    write(e);
  }

  public void write(MatchEvent e) {
    if (closed) {
      throw new IllegalStateException("writer " + writerId + " is closed");
    }
    String partition = layout.partitionOf(e);
    OpenFile file = open.get(partition);
    if (file == null) {
      file = openFile(partition);
      open.put(partition, file);
      evictIfNeeded();
    }
    try {
      file.writer.write(e);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot write to " + file.tmp, ex);
    }
    file.records++;
    records++;
    if (file.records >= maxRecordsPerFile) {
      open.remove(partition);
      commit(file);
    }
  }

  /** Commits every open file. The summary stays readable afterwards. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    List<OpenFile> files = new ArrayList<>(open.values());
    open.clear();
    for (OpenFile f : files) {
      commit(f);
    }
    deleteQuietly(tmpDir);
  }

  /** Drops every file not yet committed; what was committed stays (the dataset is append-only). */
  public void abort() {
    closed = true;
    for (OpenFile f : open.values()) {
      try {
        f.writer.close();
      } catch (IOException | RuntimeException ignored) {
        // the file is deleted next; a failure to close it changes nothing for readers
      }
    }
    open.clear();
    deleteQuietly(tmpDir);
  }

  public Summary summary() {
    return new Summary(records, List.copyOf(committed), new TreeSet<>(partitions));
  }

  public String writerId() {
    return writerId;
  }

  private OpenFile openFile(String partition) {
    String name = DatasetLayout.fileName(writerId, sequence++);
    Path tmp = new Path(tmpDir, name);
    Path target = new Path(partition, name);
    try {
      if (fs.exists(target)) {
        throw new IllegalStateException(
            target + " already exists: the master dataset is append-only, use another writer id");
      }
      ParquetWriter<MatchEvent> writer =
          new ParquetBuilder(new FsOutputFile(fs, tmp))
              .withConf(conf)
              .withCompressionCodec(compression.codec)
              .withWriteMode(ParquetFileWriter.Mode.CREATE)
              // every match id is new: a dictionary would only fill up and fall back
              .withDictionaryEncoding(MATCH_ID, false)
              .build();
      return new OpenFile(partition, tmp, target, writer);
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot create " + tmp, ex);
    }
  }

  private void evictIfNeeded() {
    Iterator<Map.Entry<String, OpenFile>> it = open.entrySet().iterator();
    while (open.size() > maxOpenPartitions && it.hasNext()) {
      OpenFile eldest = it.next().getValue();
      it.remove();
      commit(eldest);
    }
  }

  private void commit(OpenFile f) {
    try {
      f.writer.close();
      fs.mkdirs(f.target.getParent());
      if (fs.exists(f.target)) {
        throw new IllegalStateException(
            f.target + " already exists: the master dataset is append-only");
      }
      if (!fs.rename(f.tmp, f.target)) {
        throw new IOException("rename " + f.tmp + " -> " + f.target + " failed");
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot commit " + f.target, ex);
    }
    committed.add(f.target.toString());
    partitions.add(f.partition);
  }

  private void deleteQuietly(Path p) {
    try {
      fs.delete(p, true);
      Path parent = p.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException ignored) {
      // a leftover hidden temp directory is invisible to readers
    }
  }

  private static final class OpenFile {
    final String partition;
    final Path tmp;
    final Path target;
    final ParquetWriter<MatchEvent> writer;
    long records;

    OpenFile(String partition, Path tmp, Path target, ParquetWriter<MatchEvent> writer) {
      this.partition = partition;
      this.tmp = tmp;
      this.target = target;
      this.writer = writer;
    }
  }

  private static final class ParquetBuilder
      extends ParquetWriter.Builder<MatchEvent, ParquetBuilder> {
    ParquetBuilder(OutputFile file) {
      super(file);
    }

    @Override
    protected ParquetBuilder self() {
      return this;
    }

    // the Hadoop-free overload is new in 1.14 and not abstract; this one is what every version
    // calls
    @SuppressWarnings("deprecation")
    @Override
    protected WriteSupport<MatchEvent> getWriteSupport(Configuration conf) {
      return new MatchWriteSupport();
    }
  }
}
