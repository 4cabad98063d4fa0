package dev.gsm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.schema.MatchSchema.Field;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The records and the field tree are two spellings of one schema: they must not drift. */
class MatchSchemaTest {

  @Test
  void matchRecordHasExactlyTheSchemaFieldsInOrder() {
    assertThat(componentNames(MatchEvent.class)).isEqualTo(names(MatchSchema.MATCH_FIELDS));
    assertThat(componentNames(Side.class)).isEqualTo(names(MatchSchema.SIDE_FIELDS));
    assertThat(componentNames(PlayerResult.class)).isEqualTo(names(MatchSchema.PLAYER_FIELDS));
    assertThat(componentNames(PlayerStats.class)).isEqualTo(names(MatchSchema.STATS_FIELDS));
  }

  @Test
  void jsonFormWritesEveryStatsFieldOfTheSchema() {
    var stats = MatchJson.toNode(Matches.duel()).get("sides").get(0).get("players").get(0);
    List<String> written = iterable(stats.get("stats").fieldNames());
    assertThat(written).isEqualTo(names(MatchSchema.STATS_FIELDS));
  }

  @Test
  void generatedCopiesInTheRepositoryAreCurrent() throws Exception {
    Path dir = Path.of("generated");
    for (var form : GeneratedForms.all().entrySet()) {
      Path file = dir.resolve(form.getKey());
      assertThat(file).as("run `bin/gsm schema --write` to refresh " + file).exists();
      assertThat(Files.readString(file))
          .as("run `bin/gsm schema --write` to refresh " + file)
          .isEqualTo(form.getValue());
    }
  }

  @Test
  void parquetSchemaLeavesThePartitionKeyToThePath() {
    assertThat(SchemaForms.parquetMessageType())
        .doesNotContain(" season")
        .contains("required binary match_id (STRING);")
        .contains("required int64 ended_at (TIMESTAMP(MICROS,true));")
        .contains("required group sides (LIST) {");
    assertThat(SchemaForms.sparkDdl()).endsWith("season STRING, date DATE");
  }

  private static List<String> componentNames(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(RecordComponent::getName)
        .map(MatchSchemaTest::snake)
        .toList();
  }

  private static List<String> names(List<Field> fields) {
    return fields.stream().map(Field::name).toList();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
