package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.spark.SharedSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterDatasetTest extends SharedSparkSession {

  @TempDir Path dir;

  @Test
  void readsExactlyTheMatchesUpToTheWatermarkOffsetAndCountsTheRest() {
    List<MatchEvent> season = MatchFixtures.logged(MatchFixtures.season(40, 6, 4));
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(season));

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.of(30));

    assertThat(input.rowsRead()).isEqualTo(30);
    assertThat(input.afterWatermark()).isEqualTo(10);
    assertThat(input.matches().count()).isEqualTo(30);
    assertThat(input.watermarkOffset()).isEqualTo(30);
    assertThat(input.watermarkSource()).isEqualTo(MasterDataset.WatermarkSource.OPTION);
    assertThat(input.latestEndedAt()).isEqualTo(season.get(29).endedAt());
    assertThat(input.matches().select("season").distinct().collectAsList())
        .extracting(r -> r.getString(0))
        .containsExactly(MatchFixtures.SEASON);
  }

  @Test
  void theArchiversCheckpointIsTheWatermarkWhenPresent() throws IOException {
    List<MatchEvent> season = MatchFixtures.logged(MatchFixtures.season(20, 4, 2));
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(season));
    // The archiver wrote offset 17 and beyond, but its checkpoint only vouches for 12.
    Files.writeString(dir.resolve("matches/_archived_through.json"), "{\"log_offset\": 12}");

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.empty());

    assertThat(input.watermarkOffset()).isEqualTo(12);
    assertThat(input.watermarkSource()).isEqualTo(MasterDataset.WatermarkSource.ARCHIVER);
    assertThat(input.rowsRead()).isEqualTo(12);
    assertThat(input.afterWatermark()).isEqualTo(8);
  }

  @Test
  void withoutACheckpointTheRunCoversEverythingAndPureHistoryHasWatermarkZero() {
    List<MatchEvent> history = MatchFixtures.season(12, 4, 2);
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(history));

    SeasonInput input =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.empty());

    assertThat(input.watermarkOffset()).isZero();
    assertThat(input.watermarkSource()).isEqualTo(MasterDataset.WatermarkSource.DATA);
    assertThat(input.rowsRead()).isEqualTo(12);
    assertThat(input.afterWatermark()).isZero();
    assertThat(input.latestEndedAt()).isEqualTo(history.get(11).endedAt());

    MatchFixtures.write(
        spark, root, MatchFixtures.rows(MatchFixtures.logged(MatchFixtures.season(3, 4, 1))));
    SeasonInput mixed =
        MasterDataset.readMatches(
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.empty());
    assertThat(mixed.watermarkOffset()).isEqualTo(3);
    assertThat(mixed.rowsRead()).isEqualTo(15);
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
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.empty());

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
            spark, new DatasetLayout(root), MatchFixtures.SEASON, OptionalLong.empty());
    assertThat(again.fingerprint()).isEqualTo(input.fingerprint());
  }

  @Test
  void aSeasonWithoutDataReadsAsEmpty() {
    SeasonInput input =
        MasterDataset.readMatches(
            spark,
            new DatasetLayout(dir.toUri().toString()),
            MatchFixtures.SEASON,
            OptionalLong.empty());

    assertThat(input.files()).isEmpty();
    assertThat(input.rowsRead()).isZero();
    assertThat(input.watermarkOffset()).isZero();
    assertThat(input.latestEndedAt()).isNull();
  }
}
