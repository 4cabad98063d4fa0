package dev.gsm.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.schema.MatchEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundWriterTest {

  private final Configuration conf = new Configuration();

  @TempDir Path dir;

  @Test
  void writesTheSameMatchesInTheSameOrderAsTheWriterItself() {
    String root = dir.resolve("data").toString();
    List<MatchEvent> events = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      events.add(
          MatchDatasetWriterTest.match("m" + i, "2026-08-0" + (1 + i / 2000) + "T12:00:00Z"));
    }
    BackgroundWriter w =
        new BackgroundWriter(
            MatchDatasetWriter.builder(root, "bg").conf(conf).maxRecordsPerFile(1500).build());
    events.forEach(w);
    w.close();

    List<MatchEvent> read = MatchDatasetReader.readSeason(root, "2026-S3", conf);
    assertThat(read).isEqualTo(events);
    // a repeated name is one String, however many matches carry it
    assertThat(read.get(4999).sides().get(1).players().get(0).playerId())
        .isEqualTo("p2")
        .isSameAs(read.get(0).sides().get(1).players().get(0).playerId());
    assertThat(read.get(4999).mode()).isSameAs(read.get(0).mode());
    assertThat(w.summary().records()).isEqualTo(5000);
    assertThat(w.summary().partitions()).hasSize(3);
  }

  @Test
  void aFailureOnTheWriterThreadReachesTheProducer() {
    String root = dir.resolve("data").toString();
    BackgroundWriter w =
        new BackgroundWriter(MatchDatasetWriter.builder(root, "bg").conf(conf).build());
    MatchEvent broken =
        new MatchEvent(
            1, null, "2026-S3", "duel", "eu-west", "pc", null, null, List.of(), false, true);
    assertThatThrownBy(
            () -> {
              w.accept(broken);
              for (int i = 0; i < 100_000; i++) {
                w.accept(MatchDatasetWriterTest.match("m" + i, "2026-08-01T12:00:00Z"));
              }
              w.close();
            })
        .isInstanceOf(RuntimeException.class);
    assertThat(MatchDatasetReader.readSeason(root, "2026-S3", conf)).isEmpty();
  }
}
