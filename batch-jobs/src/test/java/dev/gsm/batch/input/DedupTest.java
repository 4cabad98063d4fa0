package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.MatchEvent;
import dev.gsm.spark.SharedSparkSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DedupTest extends SharedSparkSession {

  @Test
  void duplicateMatchIdKeepsOneRecordWhateverThePartitioning() {
    Dataset<Row> input =
        spark.createDataFrame(MatchFixtures.withDuplicates(), MatchSchemas.match());

    List<List<Row>> results = new ArrayList<>();
    for (int partitions : new int[] {1, 2, 8}) {
      Dedup.Deduped d = Dedup.dedupe(input.repartition(partitions));
      List<Row> kept = new ArrayList<>(d.matches().collectAsList());
      kept.sort(Comparator.comparing((Row r) -> r.<String>getAs("match_id")));
      results.add(kept);
      assertThat(kept).hasSize(30);
      assertThat(d.duplicateIds().count()).isEqualTo(2);
      assertThat(d.duplicateRows().count()).isEqualTo(5);
    }
    assertThat(results.get(1)).isEqualTo(results.get(0));
    assertThat(results.get(2)).isEqualTo(results.get(0));
  }

  @Test
  void ofCopiesWithDifferentContentTheEarliestEndThenTheSmallestRecordIsKept() {
    Dataset<Row> input =
        spark.createDataFrame(MatchFixtures.withDuplicates(), MatchSchemas.match());

    Row seven =
        Dedup.dedupe(input).matches().filter("match_id = 'm-000007'").collectAsList().get(0);

    MatchEvent kept = MatchRows.toEvent(seven).event();
    MatchEvent original = MatchFixtures.season(30, 6, 3).get(7);
    assertThat(kept.endedAt()).isEqualTo(original.endedAt());
    // Same end (the original has p-1 against p-4): the smaller canonical JSON, "p-0" first, wins.
    assertThat(kept.sides().get(0).players().get(0).playerId()).isEqualTo("p-0");
  }
}
