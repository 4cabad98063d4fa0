package dev.gsm.batch.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.schema.DatasetLayout;
import dev.gsm.spark.SharedSparkSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ViewStoreTest extends SharedSparkSession {

  static final StructType SCHEMA =
      new StructType().add("player_id", DataTypes.StringType).add("games", DataTypes.LongType);
  static final ViewShape SHAPE = new ViewShape(2, List.of("player_id"), List.of("player_id"));
  static final String V1 = VersionId.of(Instant.parse("2026-11-20T02:00:00Z"), "aaaaaaaa00");
  static final String V2 = VersionId.of(Instant.parse("2026-11-21T02:00:00Z"), "bbbbbbbb00");

  @TempDir Path dir;
  ViewStore store;

  @BeforeEach
  void setUp() {
    store = ViewStore.of(spark, new DatasetLayout(dir.toUri().toString()));
  }

  static Dataset<Row> rows(int n, long games) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(RowFactory.create(String.format("p-%04d", i), games + i));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  void publish(String version, Dataset<Row> rows) {
    ViewStore.WrittenVersion w = store.writeData("ranks", version, rows, SHAPE);
    store.commit(manifest(w));
  }

  static ViewManifest manifest(ViewStore.WrittenVersion w) {
    return new ViewManifest(
        w.view(),
        w.version(),
        "test",
        "2026-S4",
        42L,
        "option",
        Instant.parse("2026-11-21T00:00:00Z"),
        List.of(),
        "00",
        Map.of(),
        Map.of(),
        "",
        w.files(),
        w.rows(),
        Map.of(),
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void aCommittedVersionBecomesCurrentAndOlderVersionsStayReadable() {
    publish(V1, rows(10, 1));
    publish(V2, rows(12, 100));

    assertThat(store.current("ranks")).contains(V2);
    assertThat(store.versions("ranks")).containsExactly(V1, V2);
    assertThat(store.read(spark, "ranks").count()).isEqualTo(12);
    assertThat(store.read(spark, "ranks", V1).count()).isEqualTo(10);
    ViewManifest m = store.manifest("ranks", V2).orElseThrow();
    assertThat(m.rows()).isEqualTo(12);
    assertThat(m.files()).hasSize(2).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
  }

  @Test
  void runThatDiesBeforeItsManifestLeavesThePreviousVersionCurrent() {
    publish(V1, rows(10, 1));

    store.writeData("ranks", V2, rows(12, 100), SHAPE);
    // ...and the run dies here, before its manifest.

    assertThat(store.current("ranks")).contains(V1);
    assertThat(store.versions("ranks")).containsExactly(V1);
    assertThat(store.read(spark, "ranks").count()).isEqualTo(10);
    assertThatThrownBy(() -> store.read(spark, "ranks", V2))
        .hasMessageContaining("never committed");
    assertThatThrownBy(() -> store.movePointer("ranks", V2)).hasMessageContaining("no manifest");

    // The next attempt at the same version replaces the leftovers and commits.
    publish(V2, rows(12, 100));
    assertThat(store.current("ranks")).contains(V2);
  }

  @Test
  void aCommittedVersionIsNeverOverwritten() {
    publish(V1, rows(10, 1));

    assertThatThrownBy(() -> store.writeData("ranks", V1, rows(3, 0), SHAPE))
        .hasMessageContaining("immutable");
    assertThat(store.read(spark, "ranks", V1).count()).isEqualTo(10);
  }

  @Test
  void thePointerIsReplacedInOneStepAndLeavesNoTemporaryFiles() throws Exception {
    publish(V1, rows(3, 1));
    publish(V2, rows(4, 1));

    Path viewDir = dir.resolve("views/ranks");
    assertThat(Files.readString(viewDir.resolve("current"))).isEqualTo(V2 + "\n");
    try (var files = Files.list(viewDir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("current", "version=" + V1, "version=" + V2);
    }
  }

  @Test
  void theSameRowsGiveTheSameBytesWhateverThePartitioning() {
    Dataset<Row> rows = rows(500, 7);
    List<List<OutputFile>> outputs = new ArrayList<>();
    int i = 0;
    for (int partitions : new int[] {1, 2, 8}) {
      String version =
          VersionId.of(Instant.parse("2026-11-21T02:00:00Z").plusSeconds(i++), "cccccccc");
      ViewStore.WrittenVersion w =
          store.writeData("ranks", version, rows.repartition(partitions), SHAPE);
      outputs.add(
          w.files().stream()
              .map(
                  f ->
                      new OutputFile(
                          f.name().replaceAll("-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", ""),
                          f.length(),
                          f.sha256()))
              .toList());
    }
    assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    assertThat(outputs.get(2)).isEqualTo(outputs.get(0));
  }

  @Test
  void versionIdsSortInRunOrder() {
    String earlier = VersionId.of(Instant.parse("2026-11-21T01:59:59Z"), "ffffffff");
    String later = VersionId.of(Instant.parse("2026-11-21T02:00:00Z"), "00000000");

    assertThat(earlier).isEqualTo("20261121T015959Z-ffffffff");
    assertThat(earlier).isLessThan(later);
    assertThat(VersionId.isValid(later)).isTrue();
    assertThat(VersionId.isValid("../../etc")).isFalse();
  }
}
