package dev.gsm.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatchDatasetWriterTest {

  private static final String SEASON = "2026-S3";
  private final Configuration conf = new Configuration();

  @TempDir Path dir;

  static MatchEvent match(String id, String endedAt) {
    Instant end = Instant.parse(endedAt);
    return new MatchEvent(
        1,
        id,
        SEASON,
        "duel",
        "eu-west",
        "pc",
        end.minusSeconds(600),
        end,
        List.of(
            new Side(
                "a",
                1,
                List.of(new PlayerResult("p1", new PlayerStats(10, 1, 0, 0, 5, 1, 0, 0, 600)))),
            new Side("b", 2, List.of(new PlayerResult("p2", PlayerStats.NONE)))),
        false,
        true);
  }

  private String root() {
    return dir.resolve("data").toString();
  }

  private List<Path> visibleParquetFiles() throws IOException {
    Path matches = dir.resolve("data/matches");
    if (!Files.exists(matches)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(matches)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                for (Path part : dir.resolve("data").relativize(p)) {
                  if (!DatasetFs.visible(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .sorted()
          .toList();
    }
  }

  @Test
  void everyFieldSurvivesTheRoundTrip() {
    Instant start = Instant.parse("2026-08-01T18:30:00.123456Z");
    MatchEvent full =
        new MatchEvent(
            1,
            "m-full.1:x@y",
            SEASON,
            "battle_royale",
            "ap-south",
            "mobile",
            start,
            start.plusSeconds(1234).plusNanos(5_000),
            List.of(
                new Side(
                    "s01",
                    1,
                    List.of(
                        new PlayerResult(
                            "p-1",
                            new PlayerStats(
                                9_000_000_000L, 12, 3, 4, 7_000_000_000L, 1234, 567, 8, 1234)),
                        new PlayerResult("p-2", new PlayerStats(1, 2, 3, 4, 5, 6, 7, 8, 9)))),
                new Side("s02", 2, List.of(new PlayerResult("p-3", null))),
                new Side("s03", 2, List.of(new PlayerResult("p-4", PlayerStats.NONE)))),
            true,
            false,
            start.plusSeconds(1300).plusNanos(7_000),
            9_876_543_210L);
    MatchEvent plain = match("m-plain", "2026-08-01T20:00:00Z");

    try (MatchDatasetWriter w = MatchDatasetWriter.builder(root(), "t1").conf(conf).build()) {
      w.write(full);
      w.write(plain);
    }

    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf)).containsExactly(full, plain);
    assertThat(MatchDatasetReader.seasons(root(), conf)).containsExactly(SEASON);
  }

  @Test
  void writerCommitsFilesAtomically() throws IOException {
    MatchDatasetWriter w = MatchDatasetWriter.builder(root(), "t1").conf(conf).build();
    for (int i = 0; i < 1000; i++) {
      w.write(match("m" + i, "2026-08-01T20:00:00Z"));
    }
    assertThat(visibleParquetFiles()).as("no visible file before close").isEmpty();
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf)).isEmpty();
    assertThat(dir.resolve("data/matches/_tmp/t1")).isDirectory();

    w.close();

    assertThat(visibleParquetFiles()).hasSize(1);
    assertThat(dir.resolve("data/matches/_tmp")).doesNotExist();
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf)).hasSize(1000);
  }

  @Test
  void abortedWriterLeavesNothingVisible() throws IOException {
    MatchDatasetWriter w = MatchDatasetWriter.builder(root(), "t1").conf(conf).build();
    w.write(match("m1", "2026-08-01T20:00:00Z"));
    w.abort();
    assertThat(visibleParquetFiles()).isEmpty();
    assertThat(dir.resolve("data/matches/_tmp")).doesNotExist();
  }

  @Test
  void filesFollowTheSparkPartitionLayoutWithoutTheSeasonColumn() throws IOException {
    try (MatchDatasetWriter w =
        MatchDatasetWriter.builder(root(), "gen-7")
            .conf(conf)
            .compression(MatchDatasetWriter.Compression.ZSTD)
            .build()) {
      w.write(match("m1", "2026-08-01T23:59:59Z"));
      w.write(match("m2", "2026-08-02T00:00:00Z"));
      assertThat(w.writerId()).isEqualTo("gen-7");
    }

    assertThat(visibleParquetFiles())
        .map(p -> dir.resolve("data").relativize(p).toString())
        .containsExactly(
            "matches/season=2026-S3/date=2026-08-01/part-gen-7-00000000.parquet",
            "matches/season=2026-S3/date=2026-08-02/part-gen-7-00000001.parquet");
    assertThat(Files.list(dir.resolve("data/matches/season=2026-S3/date=2026-08-01")))
        .as("no .crc or other side files")
        .hasSize(1);

    org.apache.hadoop.fs.Path file =
        new org.apache.hadoop.fs.Path(visibleParquetFiles().get(0).toUri());
    try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
      MessageType schema = r.getFileMetaData().getSchema();
      assertThat(schema).isEqualTo(MatchParquet.SCHEMA);
      assertThat(schema.containsField("season")).isFalse();
      assertThat(schema.getType("ended_at").getLogicalTypeAnnotation())
          .isEqualTo(
              LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
      assertThat(schema.getType("sides").getLogicalTypeAnnotation())
          .isEqualTo(LogicalTypeAnnotation.listType());
      assertThat(r.getRowGroups().get(0).getColumns().get(0).getCodec().name()).isEqualTo("ZSTD");
    }
  }

  @Test
  void aFullFileIsCommittedAndTheNextOneStarts() {
    MatchDatasetWriter w =
        MatchDatasetWriter.builder(root(), "t1").conf(conf).maxRecordsPerFile(3).build();
    for (int i = 0; i < 7; i++) {
      w.write(match("m" + i, "2026-08-01T20:00:00Z"));
    }
    assertThat(w.summary().files()).hasSize(2);
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf)).hasSize(6);
    w.close();
    assertThat(w.summary().files()).hasSize(3);
    assertThat(w.summary().records()).isEqualTo(7);
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf))
        .extracting(MatchEvent::matchId)
        .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
  }

  @Test
  void lateMatchForAnEvictedPartitionGoesToANewFileInThatPartition() {
    try (MatchDatasetWriter w =
        MatchDatasetWriter.builder(root(), "t1").conf(conf).maxOpenPartitions(2).build()) {
      for (int d = 1; d <= 4; d++) {
        w.write(match("m" + d, "2026-08-0" + d + "T12:00:00Z"));
      }
      w.write(match("late", "2026-08-01T13:00:00Z"));
    }
    List<MatchEvent> read = MatchDatasetReader.readSeason(root(), SEASON, conf);
    assertThat(read)
        .extracting(MatchEvent::matchId)
        .containsExactly("m1", "late", "m2", "m3", "m4");
    assertThat(MatchDatasetReader.files(root(), SEASON, conf)).hasSize(5);
  }

  @Test
  void anExistingFileIsNeverOverwritten() {
    try (MatchDatasetWriter w = MatchDatasetWriter.builder(root(), "t1").conf(conf).build()) {
      w.write(match("m1", "2026-08-01T20:00:00Z"));
    }
    MatchDatasetWriter again = MatchDatasetWriter.builder(root(), "t1").conf(conf).build();
    assertThatThrownBy(() -> again.write(match("m2", "2026-08-01T20:00:00Z")))
        .hasMessageContaining("append-only");
    again.abort();
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf))
        .extracting(MatchEvent::matchId)
        .containsExactly("m1");
  }

  @Test
  void readerSkipsFilesThatQueryEnginesIgnore() throws IOException {
    try (MatchDatasetWriter w = MatchDatasetWriter.builder(root(), "t1").conf(conf).build()) {
      w.write(match("m1", "2026-08-01T20:00:00Z"));
    }
    Path partition = dir.resolve("data/matches/season=2026-S3/date=2026-08-01");
    Files.writeString(partition.resolve("_SUCCESS"), "");
    Files.writeString(partition.resolve(".part-x.parquet"), "half a file");
    Files.createDirectories(dir.resolve("data/matches/season=2026-S3/_tmp"));
    assertThat(MatchDatasetReader.readSeason(root(), SEASON, conf)).hasSize(1);
  }

  @Test
  void writerIdMustBeSafeInAFileName() {
    assertThatThrownBy(() -> MatchDatasetWriter.builder(root(), "a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("writer id");
  }
}
