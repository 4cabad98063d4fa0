package dev.gsm.serving.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingRowsTest {
  private final ObjectMapper mapper =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private static List<RankingRow> rows() {
    List<RankingRow> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(
          new RankingRow(
              i + 1,
              "p" + i,
              1234.5678 - i / 3.0,
              25.1 + i / 7.0,
              3.0 / (i + 1),
              100.0 - i * 0.001,
              i < 10 ? "master" : "gold",
              i,
              new RankingRow.Record(i, 2 * i, i % 3)));
    }
    return rows;
  }

  private String page(List<RankingRow> rows) throws Exception {
    return mapper.writeValueAsString(
        new LeaderboardPage("2026-S4", "global", null, 5000, 0, 100, rows, "next", null));
  }

  @Test
  void aPageWritesTheSameJsonWithItsRowsWrittenOnceAndReused() throws Exception {
    List<RankingRow> plain = rows();
    RankingRows cached = RankingRows.of(plain);
    String expected = page(plain);
    assertThat(page(cached)).isEqualTo(expected);
    assertThat(page(cached)).isEqualTo(expected); // the second time from the written bytes
    assertThat(mapper.readTree(page(cached)).at("/rows/99/record/losses").asInt()).isEqualTo(198);
  }

  @Test
  void rowsAreAListOfTheirRows() {
    List<RankingRow> plain = rows();
    RankingRows cached = RankingRows.of(plain);
    assertThat(cached).isEqualTo(plain).hasSize(100);
    assertThat(RankingRows.of(cached)).isSameAs(cached);
  }
}
