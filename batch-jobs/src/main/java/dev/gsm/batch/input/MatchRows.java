package dev.gsm.batch.input;

import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import dev.gsm.schema.Violation;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Converts master-dataset rows ({@link MatchSchemas#match()}) to {@link MatchEvent}s and back.
 *
 * <p>Reading never throws on a bad row. Files give every column as nullable, and the typed records
 * cannot hold what Parquet can (a null placement, a null element in a list), so the conversion
 * reports those itself as {@link Violation}s, in the validator's words and field paths, and maps
 * the rest for {@link dev.gsm.schema.MatchValidator} to judge. Optional fields take the defaults of
 * the JSON form: absent stats are zero, {@code abandoned} false, {@code ranked} true.
 */
public final class MatchRows {

  /** The event (null when nothing usable could be mapped) and the problems found on the way. */
  public record Converted(MatchEvent event, List<Violation> violations) {}

  private MatchRows() {}

  public static Converted toEvent(Row r) {
    List<Violation> out = new ArrayList<>();
    Integer schemaVersion = r.getAs("schema_version");
    if (schemaVersion == null) {
      out.add(new Violation("schema_version", "is required"));
    }
    List<Side> sides = sides(r, out);
    Boolean abandoned = r.getAs("abandoned");
    Boolean ranked = r.getAs("ranked");
    Long logOffset = r.getAs("log_offset");
    MatchEvent event =
        new MatchEvent(
            schemaVersion == null ? MatchEvent.CURRENT_SCHEMA_VERSION : schemaVersion,
            r.getAs("match_id"),
            r.getAs("season"),
            r.getAs("mode"),
            r.getAs("region"),
            r.getAs("platform"),
            instant(r.getAs("started_at")),
            instant(r.getAs("ended_at")),
            sides,
            abandoned != null && abandoned,
            ranked == null || ranked,
            instant(r.getAs("accepted_at")),
            logOffset == null ? 0L : logOffset);
    return new Converted(event, out);
  }

  private static List<Side> sides(Row r, List<Violation> out) {
    if (r.isNullAt(r.fieldIndex("sides"))) {
      return null;
    }
    List<Row> rows = r.getList(r.fieldIndex("sides"));
    List<Side> sides = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row s = rows.get(i);
      String path = "sides[" + i + "]";
      if (s == null) {
        out.add(new Violation(path, "is empty"));
        continue;
      }
      Integer placement = s.getAs("placement");
      if (placement == null) {
        out.add(new Violation(path + ".placement", "is required"));
      }
      sides.add(
          new Side(
              s.getAs("side_id"),
              placement == null ? 1 : placement,
              players(s, path + ".players", out)));
    }
    return sides;
  }

  private static List<PlayerResult> players(Row side, String path, List<Violation> out) {
    if (side.isNullAt(side.fieldIndex("players"))) {
      return null;
    }
    List<Row> rows = side.getList(side.fieldIndex("players"));
    List<PlayerResult> players = new ArrayList<>(rows.size());
    for (int j = 0; j < rows.size(); j++) {
      Row p = rows.get(j);
      if (p == null) {
        out.add(new Violation(path + "[" + j + "]", "is empty"));
        continue;
      }
      Row st = p.getAs("stats");
      PlayerStats stats =
          st == null
              ? PlayerStats.NONE
              : new PlayerStats(
                  longOrZero(st, "score"),
                  intOrZero(st, "kills"),
                  intOrZero(st, "deaths"),
                  intOrZero(st, "assists"),
                  longOrZero(st, "damage_dealt"),
                  longOrZero(st, "damage_taken"),
                  longOrZero(st, "healing"),
                  intOrZero(st, "objectives"),
                  intOrZero(st, "seconds_played"));
      players.add(new PlayerResult(p.getAs("player_id"), stats));
    }
    return players;
  }

  private static long longOrZero(Row r, String field) {
    Long v = r.getAs(field);
    return v == null ? 0 : v;
  }

  private static int intOrZero(Row r, String field) {
    Integer v = r.getAs(field);
    return v == null ? 0 : v;
  }

  /** Sessions from {@link dev.gsm.batch.spark.SparkSessions} give Instants; others Timestamps. */
  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Timestamp t) {
      return t.toInstant();
    }
    return null;
  }

  /** The master-dataset row of a valid event, with its partition columns. */
  public static Row toRow(MatchEvent e) {
    List<Row> sides = new ArrayList<>();
    for (Side side : e.sides()) {
      List<Row> players = new ArrayList<>();
      for (PlayerResult p : side.players()) {
        PlayerStats s = p.stats();
        players.add(
            RowFactory.create(
                p.playerId(),
                RowFactory.create(
                    s.score(),
                    s.kills(),
                    s.deaths(),
                    s.assists(),
                    s.damageDealt(),
                    s.damageTaken(),
                    s.healing(),
                    s.objectives(),
                    s.secondsPlayed())));
      }
      sides.add(RowFactory.create(side.sideId(), side.placement(), players));
    }
    return RowFactory.create(
        e.schemaVersion(),
        e.matchId(),
        e.mode(),
        e.region(),
        e.platform(),
        e.startedAt(),
        e.endedAt(),
        sides,
        e.abandoned(),
        e.ranked(),
        e.acceptedAt(),
        e.logOffset(),
        e.season(),
        DatasetLayout.partitionDate(e.endedAt()));
  }
}
