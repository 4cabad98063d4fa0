package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gsm.batch.MatchFixtures;
import dev.gsm.spark.SharedSparkSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest extends SharedSparkSession {

  @TempDir Path dir;

  @Test
  void malformedRecordsGoToRejectsWithReasonsAndTheRunContinues() throws IOException {
    List<Row> rows = new ArrayList<>(MatchFixtures.rows(MatchFixtures.season(20, 5, 2)));
    rows.addAll(MatchFixtures.dirtyRows());
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, rows);
    SeasonInput input =
        MasterDataset.readMatches(
            spark,
            new dev.gsm.schema.DatasetLayout(root),
            MatchFixtures.SEASON,
            java.util.OptionalLong.empty());

    Validation.Validated validated = Validation.validate(input.matches());
    Validation.RejectSummary summary =
        Validation.writeRejects(validated.rejects(), dir.resolve("rejects").toUri().toString());

    assertThat(validated.valid().count()).isEqualTo(20);
    assertThat(summary.count()).isEqualTo(7);
    assertThat(summary.byReason())
        .containsEntry("match_id", 1L)
        .containsEntry("region", 1L)
        .containsEntry("sides[].players[].stats.kills", 1L)
        .containsEntry("sides", 2L)
        .containsEntry("ended_at", 1L)
        .containsEntry("sides[].players[].player_id", 1L)
        .containsEntry("schema_version", 1L)
        .containsEntry("sides[].placement", 1L)
        .containsEntry("sides[].players[]", 1L);

    List<JsonNode> lines = readJsonLines(dir.resolve("rejects"));
    assertThat(lines).hasSize(7);
    JsonNode region =
        lines.stream()
            .filter(l -> "bad-region".equals(l.path("match_id").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(region.path("reasons"))
        .extracting(r -> r.path("field").asText())
        .containsExactly("region", "sides[0].players[0].stats.kills");
    assertThat(new ObjectMapper().readTree(region.path("record").asText()).path("region").asText())
        .isEqualTo("EU West!");
    assertThat(
            lines.stream()
                .filter(l -> l.path("match_id").isMissingNode() || l.path("match_id").isNull()))
        .hasSize(1);
  }

  @Test
  void aValidSeasonHasNoRejects() {
    String root = dir.toUri().toString();
    MatchFixtures.write(spark, root, MatchFixtures.rows(MatchFixtures.season(10, 4, 1)));
    SeasonInput input =
        MasterDataset.readMatches(
            spark,
            new dev.gsm.schema.DatasetLayout(root),
            MatchFixtures.SEASON,
            java.util.OptionalLong.empty());

    Validation.RejectSummary summary =
        Validation.writeRejects(
            Validation.validate(input.matches()).rejects(),
            dir.resolve("rejects").toUri().toString());

    assertThat(summary.count()).isZero();
    assertThat(summary.byReason()).isEmpty();
  }

  static List<JsonNode> readJsonLines(Path directory) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f :
          files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        for (String line : Files.readAllLines(f)) {
          if (!line.isBlank()) {
            out.add(mapper.readTree(line));
          }
        }
      }
    }
    return out;
  }
}
