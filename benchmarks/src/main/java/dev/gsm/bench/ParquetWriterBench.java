package dev.gsm.bench;

import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.dataset.MatchParquet;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Not a test: measures the master-dataset writer (RecordConsumer straight from {@code MatchEvent})
 * against the same rows built as Parquet example {@code Group}s, on generated matches held in
 * memory so that only writing is timed. Run: {@code java -cp ... dev.gsm.bench.ParquetWriterBench
 * [matches] [rounds]}.
 */
public final class ParquetWriterBench {

  private ParquetWriterBench() {}

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<MatchEvent> events = new ArrayList<>(n);
    new SeasonGenerator(
            GeneratorOptions.defaults().withPlayers(Math.max(1000, n / 10)).withMatches(n))
        .run(events::add);
    long appearances = events.stream().mapToLong(MatchEvent::playerCount).sum();
    System.out.printf(Locale.ROOT, "%d matches, %d player appearances%n", n, appearances);
    Configuration conf = new Configuration();
    for (int r = 0; r < rounds; r++) {
      java.nio.file.Path dir = Files.createTempDirectory("gsm-bench");
      long t0 = System.nanoTime();
      try (MatchDatasetWriter w =
          MatchDatasetWriter.builder(dir.toString(), "bench").conf(conf).build()) {
        events.forEach(w::write);
      }
      report("RecordConsumer (MatchDatasetWriter)", n, t0, dir);
      java.nio.file.Path dir2 = Files.createTempDirectory("gsm-bench");
      t0 = System.nanoTime();
      writeGroups(events, dir2, conf);
      report("example Group objects            ", n, t0, dir2);
    }
  }

  private static void report(String what, int n, long t0, java.nio.file.Path dir)
      throws IOException {
    double s = (System.nanoTime() - t0) / 1e9;
    long bytes;
    try (var files = Files.walk(dir)) {
      bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
    System.out.printf(
        Locale.ROOT, "%s %.2f s  %.0f matches/s  %.1f MB%n", what, s, n / s, bytes / 1e6);
  }

  /** One file per partition date, like the real writer, but through Group objects. */
  private static void writeGroups(
      List<MatchEvent> events, java.nio.file.Path dir, Configuration conf) throws IOException {
    SimpleGroupFactory f = new SimpleGroupFactory(MatchParquet.SCHEMA);
    String date = null;
    ParquetWriter<Group> w = null;
    int seq = 0;
    for (MatchEvent e : events) {
      String d = e.endedAt().toString().substring(0, 10);
      if (!d.equals(date)) {
        if (w != null) {
          w.close();
        }
        date = d;
        w =
            ExampleParquetWriter.builder(
                    new Path(dir.resolve("part-" + seq++ + ".parquet").toUri()))
                .withType(MatchParquet.SCHEMA)
                .withConf(conf)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
      }
      Group g = f.newGroup();
      g.add("schema_version", e.schemaVersion());
      g.add("match_id", e.matchId());
      g.add("mode", e.mode());
      g.add("region", e.region());
      g.add("platform", e.platform());
      g.add("started_at", micros(e.startedAt()));
      g.add("ended_at", micros(e.endedAt()));
      Group sides = g.addGroup("sides");
      for (Side s : e.sides()) {
        Group se = sides.addGroup("list").addGroup("element");
        se.add("side_id", s.sideId());
        se.add("placement", s.placement());
        Group players = se.addGroup("players");
        for (PlayerResult p : s.players()) {
          Group pe = players.addGroup("list").addGroup("element");
          pe.add("player_id", p.playerId());
          PlayerStats st = p.stats();
          Group sg = pe.addGroup("stats");
          sg.add("score", st.score());
          sg.add("kills", st.kills());
          sg.add("deaths", st.deaths());
          sg.add("assists", st.assists());
          sg.add("damage_dealt", st.damageDealt());
          sg.add("damage_taken", st.damageTaken());
          sg.add("healing", st.healing());
          sg.add("objectives", st.objectives());
          sg.add("seconds_played", st.secondsPlayed());
        }
      }
      g.add("abandoned", e.abandoned());
      g.add("ranked", e.ranked());
      w.write(g);
    }
    if (w != null) {
      w.close();
    }
  }

  private static long micros(java.time.Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
