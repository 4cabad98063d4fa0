package dev.gsm.batch.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.insights.PlayerModeStats;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.spark.SharedSparkSession;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SeasonActivityTest extends SharedSparkSession {

  private static MatchEvent inMode(MatchEvent e, String mode) {
    return new MatchEvent(
        e.schemaVersion(),
        e.matchId(),
        e.season(),
        mode,
        e.region(),
        e.platform(),
        e.startedAt(),
        e.endedAt(),
        e.sides(),
        e.abandoned(),
        e.ranked(),
        e.acceptedAt(),
        e.logOffset());
  }

  private static MatchEvent on(int day, int n, String winner, String loser, String mode) {
    return inMode(
        MatchFixtures.duel(
            "m-" + day + "-" + n,
            MatchFixtures.DAY_ONE.plus(Duration.ofDays(day)).plusSeconds(n * 60L),
            winner,
            loser),
        mode);
  }

  @Test
  void activeDaysAreTheDistinctDatesOverEveryModeIncludingDaysBeyondTheFirstWordOfTheBitset() {
    List<MatchEvent> events = new ArrayList<>();
    // p-1 plays two modes on day 0 (one active day, not two), again on days 1, 70 and 95: the
    // last two are past bit 63 of the season's first day. p-2 plays twice on day 70 only.
    events.add(on(0, 1, "p-1", "p-3", "duel"));
    events.add(on(0, 2, "p-1", "p-4", "5v5"));
    events.add(on(1, 1, "p-3", "p-1", "duel"));
    events.add(on(70, 1, "p-1", "p-2", "duel"));
    events.add(on(70, 2, "p-2", "p-4", "duel"));
    events.add(on(95, 1, "p-4", "p-1", "5v5"));
    Dataset<Row> accepted =
        spark.createDataFrame(MatchFixtures.rows(events), MatchFixtures.WRITE_SCHEMA);

    Map<String, Set<LocalDate>> dates = new TreeMap<>();
    Map<String, Integer> games = new TreeMap<>();
    Map<String, Integer> modeGames = new TreeMap<>();
    for (MatchEvent e : events) {
      for (var side : e.sides()) {
        for (var p : side.players()) {
          dates
              .computeIfAbsent(p.playerId(), k -> new TreeSet<>())
              .add(DatasetLayout.partitionDate(e.endedAt()));
          games.merge(p.playerId(), 1, Integer::sum);
          modeGames.merge(p.playerId() + "/" + e.mode(), 1, Integer::sum);
        }
      }
    }

    Dataset<Row> perMode =
        PlayerModeStats.perMode(
            accepted,
            PlayerModeStats.DaySpan.of(
                DatasetLayout.partitionDate(MatchFixtures.DAY_ONE),
                DatasetLayout.partitionDate(MatchFixtures.DAY_ONE.plus(Duration.ofDays(95)))));
    Map<String, Row> activity = new TreeMap<>();
    for (Row r : SeasonActivity.of(perMode).collectAsList()) {
      activity.put(r.getAs("player_id"), r);
    }
    assertThat(activity.keySet()).isEqualTo(dates.keySet());
    for (String player : dates.keySet()) {
      Row r = activity.get(player);
      assertThat(r.<Long>getAs("active_days")).as(player).isEqualTo(dates.get(player).size());
      assertThat(r.<Long>getAs("games")).as(player).isEqualTo(games.get(player).longValue());
    }
    assertThat(activity.get("p-1").<Long>getAs("active_days")).isEqualTo(4);

    Map<String, Long> stats = new TreeMap<>();
    for (Row r : PlayerModeStats.of(perMode).collectAsList()) {
      stats.put(r.getAs("player_id") + "/" + r.getAs("mode"), r.getAs("games"));
    }
    Map<String, Long> expected = new TreeMap<>();
    modeGames.forEach((k, v) -> expected.put(k, v.longValue()));
    assertThat(stats).isEqualTo(expected);
  }
}
