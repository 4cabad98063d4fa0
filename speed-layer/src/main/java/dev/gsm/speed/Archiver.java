package dev.gsm.speed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchJson;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every accepted match to the master dataset, in log order, through the {@value #GROUP}
 * consumer group: a batch of contiguous offsets {@code L+1 .. M} is written with {@link
 * MatchDatasetWriter} (each file committed atomically), then the checkpoint {@link
 * DatasetLayout#archivedThrough()} is replaced atomically by {@code {"log_offset": M}}, and only
 * then are the entries acknowledged. So every offset {@code <= L} is in the dataset, once.
 *
 * <p>The writer id of a batch is {@code log-<L+1>}, a function of the checkpoint. Files of that
 * writer id that exist when a batch starts were left by a crash between a commit and the
 * checkpoint: they hold only offsets {@code > L}, which no batch run reads (a run covers {@code <=
 * L}), so they are deleted and written again, and the dataset holds every match exactly once.
 */
public final class Archiver {
  public static final String GROUP = "archiver";
  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

  private final MatchLog log;
  private final RedisCommands<String, String> redis;
  private final DatasetLayout layout;
  private final Configuration conf;
  private final SpeedMetrics metrics;
  private final String consumer;
  private final int batchSize;
  private final Duration block;
  private boolean recovered;

  public Archiver(
      MatchLog log,
      RedisCommands<String, String> redis,
      String dataRoot,
      Configuration conf,
      SpeedMetrics metrics,
      String consumer,
      int batchSize,
      Duration block) {
    this.log = log;
    this.redis = redis;
    this.layout = new DatasetLayout(dataRoot);
    this.conf = conf;
    this.metrics = metrics;
    this.consumer = consumer;
    this.batchSize = batchSize;
    this.block = block;
  }

  /** The checkpoint L: every offset {@code <= L} is durably in the master dataset. */
  public long checkpoint() {
    Path p = new Path(layout.archivedThrough());
    FileSystem fs = DatasetFs.fileSystem(p, conf);
    try {
      if (!fs.exists(p)) {
        return 0;
      }
      try (var in = fs.open(p)) {
        JsonNode n = MatchJson.MAPPER.readTree(in);
        return n.path("log_offset").asLong(0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /** One round: pending entries first after a (re)start, then new ones. Returns entries read. */
  public int step() {
    List<LogEntry> entries;
    if (!recovered) {
      log.ensureGroup(GROUP);
      log.claimAbandoned(GROUP, consumer, Duration.ZERO);
      entries = log.readPending(GROUP, consumer, batchSize);
      if (entries.isEmpty()) {
        recovered = true;
        entries = log.readNew(GROUP, consumer, batchSize, block);
      }
    } else {
      entries = log.readNew(GROUP, consumer, batchSize, block);
    }
    if (entries.isEmpty()) {
      return 0;
    }
    archive(entries);
    log.ack(GROUP, entries);
    return entries.size();
  }

  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        step();
      } catch (RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        LOG.error("archiver step failed; retrying", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Writes the entries after the checkpoint (gaps filled from the log) and moves it. */
  void archive(List<LogEntry> delivered) {
    long l = checkpoint();
    TreeMap<Long, LogEntry> byOffset = new TreeMap<>();
    for (LogEntry e : delivered) {
      if (e.offset() > l) {
        byOffset.putIfAbsent(e.offset(), e);
      }
    }
    if (byOffset.isEmpty()) {
      return;
    }
    long last = byOffset.lastKey();
    List<LogEntry> todo = new ArrayList<>(byOffset.values());
    if (todo.size() != last - l) {
      todo = log.range(l + 1, last, (int) (last - l));
      if (todo.size() != last - l) {
        throw new IllegalStateException("log entries " + (l + 1) + ".." + last + " are missing");
      }
    }
    String writerId = "log-" + (l + 1);
    deleteUncheckpointed(writerId);
    List<String> rejects = new ArrayList<>();
    MatchDatasetWriter writer =
        MatchDatasetWriter.builder(layout.root(), writerId).conf(conf).build();
    try {
      for (LogEntry e : todo) {
        MatchJson.Parsed parsed = MatchJson.parse(e.json() == null ? "" : e.json());
        if (parsed.ok()) {
          writer.write(parsed.event());
        } else {
          rejects.add(rejectLine(e, parsed));
        }
      }
      writer.close();
    } catch (RuntimeException ex) {
      writer.abort();
      throw ex;
    }
    if (!rejects.isEmpty()) {
      DatasetFs.writeText(
          layout.rejects("archiver", writerId) + "/rejects.jsonl",
          String.join("\n", rejects) + "\n",
          conf);
    }
    DatasetFs.writeText(layout.archivedThrough(), "{\"log_offset\": " + last + "}\n", conf);
    redis.set(log.layout().archivedThrough(), Long.toString(last));
    metrics.archived.increment(todo.size());
  }

  private void deleteUncheckpointed(String writerId) {
    Path pattern =
        new Path(layout.matches() + "/season=*/date=*/" + DatasetLayout.fileName(writerId, 0))
            .getParent();
    Path glob = new Path(pattern, "part-" + writerId + "-*.parquet");
    FileSystem fs = DatasetFs.fileSystem(glob, conf);
    try {
      FileStatus[] left = fs.globStatus(glob);
      if (left != null) {
        for (FileStatus st : left) {
          LOG.warn("deleting {}: written after the checkpoint by a crashed batch", st.getPath());
          fs.delete(st.getPath(), false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + glob, e);
    }
  }

  private static String rejectLine(LogEntry e, MatchJson.Parsed parsed) {
    var node = MatchJson.MAPPER.createObjectNode();
    node.put("log_offset", e.offset());
    node.put("reasons", parsed.violations().toString());
    node.put("record", e.json());
    return node.toString();
  }
}
