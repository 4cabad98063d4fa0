package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.spark.SharedSparkSession;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDatasetTest extends SharedSparkSession {

  @TempDir Path dir;

  @Test
  void readsASeasonUpToTheWatermarkAndCountsWhatComesAfter() {
    List<MatchEvent> season = MatchFixtures.season(40, 6, 4);
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(season));
    Instant watermark = season.get(29).endedAt();

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, Optional.of(watermark));

    assertThat(input.rowsRead()).isEqualTo(30);
    assertThat(input.afterWatermark()).isEqualTo(10);
    assertThat(input.matches().count()).isEqualTo(30);
    assertThat(input.watermark()).isEqualTo(watermark);
    assertThat(input.watermarkDefaulted()).isFalse();
    assertThat(input.matches().select("season").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly(MatchFixtures.SEASON);
  }

  @Test
  void withoutAWatermarkTheRunCoversTheDataToItsLastMatch() {
    List<MatchEvent> season = MatchFixtures.season(12, 4, 2);
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(season));

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, Optional.empty());

    assertThat(input.watermark()).isEqualTo(season.get(11).endedAt());
    assertThat(input.watermarkDefaulted()).isTrue();
    assertThat(input.rowsRead()).isEqualTo(12);
    assertThat(input.afterWatermark()).isZero();
  }

  @Test
  void everyInputFileIsListedWithItsIdentityAndTemporaryFilesAreNotRead() throws IOException {
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(12, 4, 3)));
    // A writer's unfinished file and a hidden one: neither is input.
    Path day = dir.resolve("matches/season=" + MatchFixtures.SEASON + "/date=2026-11-01");
    Files.createDirectories(day.resolve("_temporary"));
    Files.writeString(day.resolve("_temporary/part-x.parquet"), "not yet");
    Files.writeString(day.resolve(".part-y.parquet"), "hidden");

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, Optional.empty());

    assertThat(input.files()).isNotEmpty();
    assertThat(input.files())
        .allSatisfy(
            f -> {
              assertThat(f.path())
                  .endsWith(".parquet")
                  .doesNotContain("_temporary")
                  .doesNotContain("/.");
              assertThat(f.partition()).matches("season=2026-S4/date=2026-11-0[1-4]");
              assertThat(f.length()).isEqualTo(Files.size(Path.of(java.net.URI.create(f.path()))));
              assertThat(f.modifiedAtMillis()).isPositive();
            });
    assertThat(input.files()).isSortedAccordingTo(java.util.Comparator.comparing(InputFile::path));
    assertThat(input.rowsRead()).isEqualTo(12);

    SeasonInput again =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, Optional.empty());
    assertThat(again.fingerprint()).isEqualTo(input.fingerprint());
  }

  @Test
  void aSeasonWithoutDataReadsAsEmpty() {
    SeasonInput input =
        MasterDataset.readMatches(
            spark,
            new DatasetLayout(dir.toUri().toString()),
            MatchFixtures.SEASON,
            Optional.empty());

    assertThat(input.files()).isEmpty();
    assertThat(input.rowsRead()).isZero();
    assertThat(input.watermark()).isEqualTo(Instant.EPOCH);
  }
}
