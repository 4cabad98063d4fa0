package dev.gsm.dataset;

import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * Reads the master dataset back as {@link MatchEvent}s, season by season. Only files a query engine
 * would see are read (no {@code _}/{@code .} names), in partition-date then file-name order; the
 * season of each event comes from its {@code season=} directory, as in Spark.
 *
 * <p>Meant for tests, tools and single-machine jobs; the Spark jobs read the same files with {@code
 * SchemaForms.sparkDdl()}.
 *
 * <p>Player ids, side ids, modes, regions and platforms are shared: a reader hands out one {@code
 * String} per distinct value (a season repeats each player id in every one of his matches; a
 * million-match season held in memory, as {@code gsm train} does, is a gigabyte smaller).
 */
public final class MatchDatasetReader implements Iterator<MatchEvent>, AutoCloseable {

  private final Configuration conf;
  private final String season;
  private final Iterator<Path> files;
  private ParquetReader<Group> current;
  private MatchEvent next;
  private final Map<String, String> names = new HashMap<>();

  private MatchDatasetReader(Configuration conf, String season, List<Path> files) {
    this.conf = conf;
    this.season = season;
    this.files = files.iterator();
  }

  /** Iterates every match of a season under the data root. Close it when done. */
  public static MatchDatasetReader open(String root, String season, Configuration conf) {
    return new MatchDatasetReader(conf, season, files(root, season, conf));
  }

  /** Every match of a season, in memory: for tests and small tools. */
  public static List<MatchEvent> readSeason(String root, String season, Configuration conf) {
    List<MatchEvent> out = new ArrayList<>();
    try (MatchDatasetReader r = open(root, season, conf)) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  /** Streams every match of a season to {@code sink}. */
  public static long forEach(
      String root, String season, Configuration conf, Consumer<MatchEvent> sink) {
    long n = 0;
    try (MatchDatasetReader r = open(root, season, conf)) {
      while (r.hasNext()) {
        sink.accept(r.next());
        n++;
      }
    }
    return n;
  }

  /** The seasons present under the data root, sorted. */
  public static List<String> seasons(String root, Configuration conf) {
    DatasetLayout layout = new DatasetLayout(root);
    Path matches = new Path(layout.matches());
    FileSystem fs = DatasetFs.fileSystem(matches, conf);
    List<String> out = new ArrayList<>();
    try {
      for (FileStatus st : DatasetFs.listVisible(fs, matches)) {
        String name = st.getPath().getName();
        if (st.isDirectory() && name.startsWith("season=")) {
          out.add(name.substring("season=".length()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + matches, e);
    }
    return out;
  }

  /** The visible data files of a season, by date partition then name. */
  public static List<Path> files(String root, String season, Configuration conf) {
    Path dir = new Path(new DatasetLayout(root).season(season));
    FileSystem fs = DatasetFs.fileSystem(dir, conf);
    List<Path> out = new ArrayList<>();
    try {
      for (FileStatus date : DatasetFs.listVisible(fs, dir)) {
        if (!date.isDirectory() || !date.getPath().getName().startsWith("date=")) {
          continue;
        }
        for (FileStatus f : DatasetFs.listVisible(fs, date.getPath())) {
          if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
            out.add(f.getPath());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  @Override
  public boolean hasNext() {
    try {
      while (next == null) {
        if (current != null) {
          Group g = current.read();
          if (g != null) {
            next = toEvent(g, season, this::name);
            return true;
          }
          current.close();
          current = null;
        }
        if (!files.hasNext()) {
          return false;
        }
        Path file = files.next();
        current = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build();
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read season " + season, e);
    }
  }

  @Override
  public MatchEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    MatchEvent e = next;
    next = null;
    return e;
  }

  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      current = null;
    }
  }

  /** The one instance of a repeated value. */
  private String name(String s) {
    String known = names.putIfAbsent(s, s);
    return known != null ? known : s;
  }

  static MatchEvent toEvent(Group g, String season, UnaryOperator<String> name) {
    List<Side> sides = new ArrayList<>();
    for (Group s : elements(g.getGroup("sides", 0))) {
      List<PlayerResult> players = new ArrayList<>();
      for (Group p : elements(s.getGroup("players", 0))) {
        PlayerStats stats =
            p.getFieldRepetitionCount("stats") == 0 ? null : stats(p.getGroup("stats", 0));
        players.add(new PlayerResult(name.apply(p.getString("player_id", 0)), stats));
      }
      sides.add(
          new Side(name.apply(s.getString("side_id", 0)), s.getInteger("placement", 0), players));
    }
    return new MatchEvent(
        g.getInteger("schema_version", 0),
        g.getString("match_id", 0),
        season,
        name.apply(g.getString("mode", 0)),
        name.apply(g.getString("region", 0)),
        name.apply(g.getString("platform", 0)),
        MatchParquet.fromMicros(g.getLong("started_at", 0)),
        MatchParquet.fromMicros(g.getLong("ended_at", 0)),
        sides,
        g.getFieldRepetitionCount("abandoned") > 0 && g.getBoolean("abandoned", 0),
        g.getFieldRepetitionCount("ranked") == 0 || g.getBoolean("ranked", 0),
        optional(g, "accepted_at") ? MatchParquet.fromMicros(g.getLong("accepted_at", 0)) : null,
        optional(g, "log_offset") ? g.getLong("log_offset", 0) : 0L);
  }

  /** Whether an optional field is present; files written before the field existed lack it. */
  private static boolean optional(Group g, String field) {
    return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
  }

  private static List<Group> elements(Group list) {
    int n = list.getFieldRepetitionCount("list");
    List<Group> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(list.getGroup("list", i).getGroup("element", 0));
    }
    return out;
  }

  private static PlayerStats stats(Group s) {
    return new PlayerStats(
        optLong(s, "score"),
        (int) optLong(s, "kills"),
        (int) optLong(s, "deaths"),
        (int) optLong(s, "assists"),
        optLong(s, "damage_dealt"),
        optLong(s, "damage_taken"),
        optLong(s, "healing"),
        (int) optLong(s, "objectives"),
        (int) optLong(s, "seconds_played"));
  }

  private static long optLong(Group g, String field) {
    if (g.getFieldRepetitionCount(field) == 0) {
      return 0;
    }
    return switch (g.getType().getType(field).asPrimitiveType().getPrimitiveTypeName()) {
      case INT32 -> g.getInteger(field, 0);
      case INT64 -> g.getLong(field, 0);
      default -> throw new IllegalStateException("unexpected type of " + field);
    };
  }
}
