package dev.gsm.batch;

import dev.gsm.batch.input.MatchRows;
import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Master-dataset fixtures written with Spark itself, until the master-dataset writer lands: rows in
 * the schema of warehouse-schemas, partitioned by season and date like the real dataset.
 */
public final class MatchFixtures {

  public static final String SEASON = "2026-S4";
  public static final Instant DAY_ONE = Instant.parse("2026-11-01T10:00:00Z");

  /** The schema with every field nullable, so that dirty rows can be written too. */
  public static final StructType WRITE_SCHEMA = MatchSchemas.nullable(MatchSchemas.match());

  private MatchFixtures() {}

  /** A valid duel between two players, won by {@code winner}, ending at {@code endedAt}. */
  public static MatchEvent duel(String matchId, Instant endedAt, String winner, String loser) {
    return new MatchEvent(
        1,
        matchId,
        SEASON,
        "duel",
        "eu-west",
        "pc",
        endedAt.minus(Duration.ofMinutes(10)),
        endedAt,
        List.of(
            new Side(
                "a",
                1,
                List.of(
                    new PlayerResult(winner, new PlayerStats(100, 5, 1, 0, 900, 300, 0, 1, 600)))),
            new Side(
                "b",
                2,
                List.of(
                    new PlayerResult(loser, new PlayerStats(40, 1, 5, 0, 300, 900, 0, 0, 600))))),
        false,
        true);
  }

  /**
   * {@code count} valid duels among {@code players} players over {@code days} days, one every
   * {@code days * 24h / count}; deterministic.
   */
  public static List<MatchEvent> season(int count, int players, int days) {
    List<MatchEvent> out = new ArrayList<>(count);
    long step = Duration.ofDays(days).toSeconds() / count;
    for (int i = 0; i < count; i++) {
      int a = (i * 7) % players;
      int b = (a + 1 + (i % (players - 1))) % players;
      if (a == b) {
        b = (b + 1) % players;
      }
      String winner = "p-" + (i % 3 == 0 ? b : a);
      String loser = "p-" + (i % 3 == 0 ? a : b);
      out.add(duel(String.format("m-%06d", i), DAY_ONE.plusSeconds(i * step), winner, loser));
    }
    return out;
  }

  /** The matches as the match log accepted them, offsets 1, 2, 3, ... in list order. */
  public static List<MatchEvent> logged(List<MatchEvent> season) {
    return logged(season, 1);
  }

  /** The matches as the match log accepted them, offsets {@code first}, ... in list order. */
  public static List<MatchEvent> logged(List<MatchEvent> season, long first) {
    List<MatchEvent> out = new ArrayList<>();
    for (int i = 0; i < season.size(); i++) {
      MatchEvent e = season.get(i);
      out.add(e.accepted(e.endedAt().plusSeconds(1), first + i));
    }
    return out;
  }

  public static List<Row> rows(List<MatchEvent> events) {
    return events.stream().map(MatchRows::toRow).toList();
  }

  /**
   * A row in the master-dataset schema, given field by field (nulls allowed), partition columns
   * from {@code endedAt} or DAY_ONE when it is null.
   */
  public static Row raw(
      Integer schemaVersion,
      String matchId,
      String mode,
      String region,
      String platform,
      Instant startedAt,
      Instant endedAt,
      List<Row> sides) {
    Instant partitionTime = endedAt == null ? DAY_ONE : endedAt;
    return RowFactory.create(
        schemaVersion,
        matchId,
        mode,
        region,
        platform,
        startedAt,
        endedAt,
        sides,
        false,
        true,
        null,
        null,
        SEASON,
        dev.gsm.schema.DatasetLayout.partitionDate(partitionTime));
  }

  public static Row side(String sideId, Integer placement, Row... players) {
    return RowFactory.create(
        sideId, placement, players == null ? null : java.util.Arrays.asList(players));
  }

  public static Row player(String playerId, long kills) {
    return RowFactory.create(
        playerId, RowFactory.create(10L, (int) kills, 0, 0, 0L, 0L, 0L, 0, 60));
  }

  /** Appends the rows to {@code <root>/matches/season=…/date=…/} as Parquet. */
  public static void write(SparkSession spark, String root, List<Row> rows) {
    spark
        .createDataFrame(rows, WRITE_SCHEMA)
        .write()
        .mode(SaveMode.Append)
        .partitionBy("season", "date")
        .parquet(root + "/matches");
  }

  /** Seven rows the validator rejects, each for other reasons. */
  public static List<Row> dirtyRows() {
    Instant end = DAY_ONE.plusSeconds(3600);
    Instant start = end.minusSeconds(600);
    List<Row> rows = new ArrayList<>();
    // no match id
    rows.add(
        raw(
            1,
            null,
            "duel",
            "eu-west",
            "pc",
            start,
            end,
            List.of(side("a", 1, player("p-1", 1)), side("b", 2, player("p-2", 1)))));
    // a region that breaks the pattern and negative kills
    rows.add(
        raw(
            1,
            "bad-region",
            "duel",
            "EU West!",
            "pc",
            start,
            end,
            List.of(side("a", 1, player("p-1", -3)), side("b", 2, player("p-2", 1)))));
    // one side only
    rows.add(
        raw(
            1,
            "one-side",
            "duel",
            "eu-west",
            "pc",
            start,
            end,
            List.of(side("a", 1, player("p-1", 1)))));
    // ends before it starts
    rows.add(
        raw(
            1,
            "backwards",
            "duel",
            "eu-west",
            "pc",
            end,
            start,
            List.of(side("a", 1, player("p-1", 1)), side("b", 2, player("p-2", 1)))));
    // the same player on both sides, and no sides list at all on the next one
    rows.add(
        raw(
            1,
            "twice",
            "duel",
            "eu-west",
            "pc",
            start,
            end,
            List.of(side("a", 1, player("p-1", 1)), side("b", 2, player("p-1", 1)))));
    rows.add(raw(1, "no-sides", "duel", "eu-west", "pc", start, end, null));
    // null placement and a null player
    rows.add(
        raw(
            null,
            "holes",
            "duel",
            "eu-west",
            "pc",
            start,
            end,
            Arrays.asList(
                side("a", null, player("p-1", 1)), side("b", 2, player("p-2", 1), null))));
    return rows;
  }

  /** 30 matches; m-000003 twice identical, m-000007 three times with different contents. */
  public static List<Row> withDuplicates() {
    List<MatchEvent> season = season(30, 6, 3);
    List<Row> rows = new ArrayList<>(rows(season));
    rows.add(MatchRows.toRow(season.get(3)));
    MatchEvent seven = season.get(7);
    // A copy reported later (a retry with a later end) and one with the same end, other players.
    rows.add(MatchRows.toRow(duel(seven.matchId(), seven.endedAt().plusSeconds(5), "p-9", "p-8")));
    rows.add(MatchRows.toRow(duel(seven.matchId(), seven.endedAt(), "p-0", "p-5")));
    return rows;
  }
}
