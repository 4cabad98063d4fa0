package dev.gsm.orchestration.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.schema.DatasetLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The insights a publish carries are the ones the insights job built from the published run. */
class ViewVersionsInsightsTest {

  static final String SEASON = "2026-S3";
  static final String RUN = "20261121T020000Z-aaaaaaaa";
  static final String OLDER_RUN = "20261120T020000Z-bbbbbbbb";
  static final String INSIGHTS = "20261121T030000Z-cccccccc";

  @TempDir Path root;

  ViewVersion leaderboards() {
    return new ViewVersion(SEASON, RUN, 0, 1, List.of());
  }

  ViewVersions versions() {
    return new ViewVersions(new DatasetLayout(root.toString()), new Configuration());
  }

  void writeInsights(String sourceRun) throws Exception {
    Path dir = root.resolve("views/insights/version=" + INSIGHTS);
    Files.createDirectories(dir);
    byte[] data = "rows".getBytes(StandardCharsets.UTF_8);
    Files.write(dir.resolve("part-0.parquet"), data);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    Files.writeString(
        dir.resolve("_manifest.json"),
        """
        {"view": "insights", "version": "%s", "season": "%s", "watermark_offset": 0, "rows": 1,
         "inputs": [{"path": "x", "partition": "version=%s"},
                    {"path": "y", "partition": "version=%s"}],
         "files": [{"name": "part-0.parquet", "length": %d, "sha256": "%s"}]}
        """
            .formatted(INSIGHTS, SEASON, sourceRun, sourceRun, data.length, sha));
    Path pointer = root.resolve("views/_current/insights/season=" + SEASON);
    Files.createDirectories(pointer.getParent());
    Files.writeString(pointer, INSIGHTS + "\n");
  }

  @Test
  void theInsightsJobsVersionOfThePublishedRunIsFound() throws Exception {
    writeInsights(RUN);
    ViewVersion found = versions().insightsOf(leaderboards()).orElseThrow();
    assertThat(found.version()).isEqualTo(INSIGHTS);
    assertThat(found.files()).singleElement().asString().endsWith("part-0.parquet");
  }

  @Test
  void insightsOfAnotherRunAreNotPublishedWithThisOne() throws Exception {
    writeInsights(OLDER_RUN);
    assertThat(versions().insightsOf(leaderboards())).isEmpty();
  }

  @Test
  void noInsightsRunMeansNone() {
    assertThat(versions().insightsOf(leaderboards())).isEmpty();
  }
}
