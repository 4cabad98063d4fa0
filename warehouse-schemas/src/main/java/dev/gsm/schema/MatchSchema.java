package dev.gsm.schema;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The match schema, field by field: the one definition that every form is derived from. The JSON
 * form ({@link MatchJson}), the JSON Schema document, the Parquet file schema, the Spark/Athena DDL
 * ({@link SchemaForms}) and the structural half of {@link MatchValidator} all walk this tree; a
 * test checks that the Java records ({@link MatchEvent} and its parts) have exactly these fields.
 *
 * <p>Names here are the stored (snake_case) names. {@code season} is also the first partition key
 * of the master dataset, so it is left out of the Parquet files and comes back from the path.
 */
public final class MatchSchema {

  /** Column types, with their spelling in each form. */
  public enum Type {
    STRING,
    INT,
    LONG,
    BOOLEAN,
    TIMESTAMP,
    STRUCT,
    LIST
  }

  /**
   * One field. For a {@code STRUCT}, {@code children} are its fields; for a {@code LIST}, {@code
   * children} are the fields of the struct each element is.
   */
  public record Field(
      String name,
      Type type,
      boolean required,
      String doc,
      Optional<Pattern> pattern,
      long min,
      long max,
      List<Field> children,
      boolean partitionKey) {

    public Field {
      children = List.copyOf(children);
    }

    public Optional<Field> child(String childName) {
      return children.stream().filter(f -> f.name.equals(childName)).findFirst();
    }
  }

  public static final int MAX_SIDES = 256;
  public static final int MAX_PLAYERS_PER_SIDE = 64;
  public static final int MAX_ID_LENGTH = 128;

  /** Ids (player, side, match): the serving API validates path parameters with the same rule. */
  public static final String ID_REGEX = "[A-Za-z0-9._:@-]{1,128}";

  /** Codes (mode, region, platform). */
  public static final String CODE_REGEX = "[a-z0-9][a-z0-9_-]{0,31}";

  /** Seasons, e.g. 2026-S1. */
  public static final String SEASON_REGEX = "[0-9]{4}-S[0-9]{1,2}";

  private static final Pattern ID = Pattern.compile(ID_REGEX);
  private static final Pattern CODE = Pattern.compile(CODE_REGEX);
  private static final Pattern SEASON = Pattern.compile(SEASON_REGEX);

  /** Whether {@code s} is a well-formed id (player, match, side): the API checks ids with it. */
  public static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  /** Whether {@code s} is a well-formed code (mode, region, platform). */
  public static boolean isCode(String s) {
    return s != null && CODE.matcher(s).matches();
  }

  public static final List<Field> STATS_FIELDS =
      List.of(
          count("score", Type.LONG, "the game's own score for the player"),
          count("kills", Type.INT, "eliminations by the player"),
          count("deaths", Type.INT, "times the player was eliminated"),
          count("assists", Type.INT, "eliminations the player helped with"),
          count("damage_dealt", Type.LONG, "damage dealt to opponents"),
          count("damage_taken", Type.LONG, "damage received"),
          count("healing", Type.LONG, "healing done to self and team mates"),
          count("objectives", Type.INT, "objectives captured, towers destroyed, bombs planted"),
          count(
              "seconds_played",
              Type.INT,
              "time in the match; shorter than the match for a leaver"));

  public static final List<Field> PLAYER_FIELDS =
      List.of(
          string("player_id", ID, "the player's stable id"),
          new Field(
              "stats",
              Type.STRUCT,
              false,
              "per-player statistics; absent means all zero",
              Optional.empty(),
              0,
              0,
              STATS_FIELDS,
              false));

  public static final List<Field> SIDE_FIELDS =
      List.of(
          string("side_id", ID, "the side's label in the match (team or slot), unique per match"),
          new Field(
              "placement",
              Type.INT,
              true,
              "1 is best; sides with equal placement drew",
              Optional.empty(),
              1,
              MAX_SIDES,
              List.of(),
              false),
          new Field(
              "players",
              Type.LIST,
              true,
              "the side's players: one, or a team",
              Optional.empty(),
              1,
              MAX_PLAYERS_PER_SIDE,
              PLAYER_FIELDS,
              false));

  /** The top-level fields of a match, in the order of {@link MatchEvent}'s components. */
  public static final List<Field> MATCH_FIELDS =
      List.of(
          new Field(
              "schema_version",
              Type.INT,
              true,
              "schema version the event was written with",
              Optional.empty(),
              1,
              MatchEvent.CURRENT_SCHEMA_VERSION,
              List.of(),
              false),
          string("match_id", ID, "unique id of the match; the idempotency key"),
          new Field(
              "season",
              Type.STRING,
              true,
              "season id from the season calendar, e.g. 2026-S4",
              Optional.of(SEASON),
              0,
              0,
              List.of(),
              true),
          string("mode", CODE, "game mode, e.g. duel, 5v5, battle_royale"),
          string("region", CODE, "server region, e.g. eu-west"),
          string("platform", CODE, "client platform, e.g. pc, playstation, mobile"),
          timestamp("started_at", "when the match started (UTC, ISO-8601)"),
          timestamp("ended_at", "when the match ended (UTC, ISO-8601); its date partitions"),
          new Field(
              "sides",
              Type.LIST,
              true,
              "two or more sides",
              Optional.empty(),
              2,
              MAX_SIDES,
              SIDE_FIELDS,
              false),
          flag("abandoned", "the match ended early; recorded, never rated"),
          flag("ranked", "false for a casual match; recorded, never rated"),
          new Field(
              "accepted_at",
              Type.TIMESTAMP,
              false,
              "when the ingest API accepted the match; set by the server",
              Optional.empty(),
              0,
              0,
              List.of(),
              false),
          new Field(
              "log_offset",
              Type.LONG,
              false,
              "position in the match log (acceptance order); set by the server, 0 for history",
              Optional.empty(),
              0,
              Long.MAX_VALUE,
              List.of(),
              false));

  /** Fields only the server sets: the ingest API rejects a match that carries them. */
  public static final List<String> SERVER_FIELDS = List.of("accepted_at", "log_offset");

  /** The partition keys of the master dataset, in path order. */
  public static final List<String> PARTITION_KEYS = List.of("season", "date");

  private MatchSchema() {}

  private static Field string(String name, Pattern pattern, String doc) {
    return new Field(name, Type.STRING, true, doc, Optional.of(pattern), 0, 0, List.of(), false);
  }

  private static Field timestamp(String name, String doc) {
    return new Field(name, Type.TIMESTAMP, true, doc, Optional.empty(), 0, 0, List.of(), false);
  }

  private static Field flag(String name, String doc) {
    return new Field(name, Type.BOOLEAN, false, doc, Optional.empty(), 0, 0, List.of(), false);
  }

  private static Field count(String name, Type type, String doc) {
    long max = type == Type.INT ? Integer.MAX_VALUE : Long.MAX_VALUE;
    return new Field(name, type, false, doc, Optional.empty(), 0, max, List.of(), false);
  }
}
