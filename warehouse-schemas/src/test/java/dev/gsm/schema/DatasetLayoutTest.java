package dev.gsm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetLayoutTest {

  @Test
  void groundTruthLivesBesideTheMatchesNotInThem() {
    DatasetLayout layout = new DatasetLayout("s3a://bucket/gsm/");
    assertThat(layout.groundTruth("2026-S3"))
        .isEqualTo("s3a://bucket/gsm/ground-truth/season=2026-S3");
    assertThat(layout.groundTruth("2026-S3")).doesNotStartWith(layout.matches());
  }

  @Test
  void fileNamesSortByWriterThenSequence() {
    assertThat(DatasetLayout.fileName("gen-42", 7)).isEqualTo("part-gen-42-00000007.parquet");
    assertThat(DatasetLayout.fileName("gen-42", 7))
        .isLessThan(DatasetLayout.fileName("gen-42", 10));
  }
}
