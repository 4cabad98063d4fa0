package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import dev.gsm.spark.SharedSparkSession;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MatchRowsTest extends SharedSparkSession {

  @Test
  void aMatchSurvivesTheTripThroughSparkRowsUnchanged() {
    MatchEvent duel = MatchFixtures.duel("m-1", MatchFixtures.DAY_ONE, "p-1", "p-2");

    List<Row> back =
        spark.createDataFrame(List.of(MatchRows.toRow(duel)), MatchSchemas.match()).collectAsList();

    MatchRows.Converted converted = MatchRows.toEvent(back.get(0));
    assertThat(converted.violations()).isEmpty();
    assertThat(converted.event()).isEqualTo(duel);
    assertThat(MatchValidator.validate(converted.event())).isEmpty();
  }

  @Test
  void nullsTheRecordsCannotHoldAreReportedInsteadOfThrown() {
    Row dirty =
        MatchFixtures.raw(
            null,
            "m-2",
            "duel",
            "eu-west",
            "pc",
            MatchFixtures.DAY_ONE.minusSeconds(60),
            MatchFixtures.DAY_ONE,
            java.util.Arrays.asList(
                MatchFixtures.side("a", null, MatchFixtures.player("p-1", 1)),
                null,
                MatchFixtures.side("c", 2, MatchFixtures.player("p-3", 1), null)));

    Row read =
        spark.createDataFrame(List.of(dirty), MatchFixtures.WRITE_SCHEMA).collectAsList().get(0);

    assertThat(MatchRows.toEvent(read).violations())
        .extracting(v -> v.field() + ": " + v.message())
        .containsExactly(
            "schema_version: is required",
            "sides[0].placement: is required",
            "sides[1]: is empty",
            "sides[2].players[1]: is empty");
  }
}
