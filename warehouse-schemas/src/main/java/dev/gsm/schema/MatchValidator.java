package dev.gsm.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gsm.schema.MatchSchema.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names every problem of a match record, never only the first. Two entry points share the
 * constraints of {@link MatchSchema}: {@link #validateJson} checks a JSON document (types, required
 * and unknown fields, patterns, ranges) for the HTTP API; {@link #validate(MatchEvent)} checks a
 * typed record (nulls, patterns, ranges, and the rules that span fields) for the batch jobs, which
 * read typed rows from Parquet.
 */
public final class MatchValidator {

  /** A match longer than this is a clock or reporting error, not a marathon. */
  public static final Duration MAX_MATCH_DURATION = Duration.ofHours(24);

  /** A game server's clock may run this far ahead of ours before its matches count as future. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** Leavers report less time than the match; nobody reports more than the match plus this. */
  private static final Duration SECONDS_PLAYED_SLACK = Duration.ofMinutes(1);

  public static final int MAX_PLAYERS_PER_MATCH = 1024;

  private static final Map<String, Field> TOP = index(MatchSchema.MATCH_FIELDS);
  private static final Map<String, Field> SIDE = index(MatchSchema.SIDE_FIELDS);
  private static final Map<String, Field> PLAYER = index(MatchSchema.PLAYER_FIELDS);

  private MatchValidator() {}

  /** Structural check of a JSON document, then (when it maps) the rules that span fields. */
  public static List<Violation> validateJson(JsonNode node) {
    List<Violation> out = new ArrayList<>();
    if (node == null || !node.isObject()) {
      out.add(new Violation("", "a match must be a JSON object"));
      return out;
    }
    checkObject(node, MatchSchema.MATCH_FIELDS, "", out);
    return out;
  }

  /** Checks a typed record: what the JSON form guarantees, plus every cross-field rule. */
  public static List<Violation> validate(MatchEvent e) {
    return validate(e, null);
  }

  /**
   * As {@link #validate(MatchEvent)}, and also rejects a match that ends after {@code now} plus
   * {@link #MAX_CLOCK_SKEW}. Pass {@code null} to skip that check (replays of history).
   */
  public static List<Violation> validate(MatchEvent e, Instant now) {
    List<Violation> out = new ArrayList<>();
    if (e == null) {
      out.add(new Violation("", "the record is empty"));
      return out;
    }
    int version = e.schemaVersion();
    if (version < 1 || version > MatchEvent.CURRENT_SCHEMA_VERSION) {
      out.add(
          new Violation(
              "schema_version",
              "must be between 1 and " + MatchEvent.CURRENT_SCHEMA_VERSION + ", was " + version));
    }
    checkString(TOP.get("match_id"), e.matchId(), "match_id", out);
    checkString(TOP.get("season"), e.season(), "season", out);
    checkString(TOP.get("mode"), e.mode(), "mode", out);
    checkString(TOP.get("region"), e.region(), "region", out);
    checkString(TOP.get("platform"), e.platform(), "platform", out);
    if (e.startedAt() == null) {
      out.add(new Violation("started_at", "is required"));
    }
    if (e.endedAt() == null) {
      out.add(new Violation("ended_at", "is required"));
    }
    Duration length = null;
    if (e.startedAt() != null && e.endedAt() != null) {
      length = Duration.between(e.startedAt(), e.endedAt());
      if (length.isNegative()) {
        out.add(new Violation("ended_at", "is before started_at"));
      } else if (length.compareTo(MAX_MATCH_DURATION) > 0) {
        out.add(new Violation("ended_at", "the match lasts longer than " + MAX_MATCH_DURATION));
      }
      if (now != null && e.endedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
        out.add(new Violation("ended_at", "is in the future (server time " + now + ")"));
      }
    }
    checkSides(e, length, out);
    if (e.logOffset() < 0) {
      out.add(new Violation("log_offset", "must not be negative, was " + e.logOffset()));
    }
    return out;
  }

  private static void checkSides(MatchEvent e, Duration length, List<Violation> out) {
    List<Side> sides = e.sides();
    if (sides == null) {
      out.add(new Violation("sides", "is required"));
      return;
    }
    if (sides.size() < 2 || sides.size() > MatchSchema.MAX_SIDES) {
      out.add(
          new Violation(
              "sides",
              "a match has 2 to "
                  + MatchSchema.MAX_SIDES
                  + " sides, this one has "
                  + sides.size()));
    }
    Set<String> sideIds = new HashSet<>();
    Map<String, String> seenPlayers = new HashMap<>();
    int bestPlacement = Integer.MAX_VALUE;
    int players = 0;
    for (int i = 0; i < sides.size(); i++) {
      String path = "sides[" + i + "]";
      Side side = sides.get(i);
      if (side == null) {
        out.add(new Violation(path, "is empty"));
        continue;
      }
      if (checkString(SIDE.get("side_id"), side.sideId(), path + ".side_id", out)
          && !sideIds.add(side.sideId())) {
        out.add(new Violation(path + ".side_id", "'" + side.sideId() + "' is used by two sides"));
      }
      if (side.placement() < 1 || side.placement() > sides.size()) {
        out.add(
            new Violation(
                path + ".placement",
                "must be between 1 and the number of sides (" + sides.size() + ")"));
      } else {
        bestPlacement = Math.min(bestPlacement, side.placement());
      }
      List<PlayerResult> roster = side.players();
      if (roster == null || roster.isEmpty() || roster.size() > MatchSchema.MAX_PLAYERS_PER_SIDE) {
        out.add(
            new Violation(
                path + ".players",
                "a side has 1 to " + MatchSchema.MAX_PLAYERS_PER_SIDE + " players"));
        continue;
      }
      players += roster.size();
      for (int j = 0; j < roster.size(); j++) {
        checkPlayer(roster.get(j), path + ".players[" + j + "]", length, seenPlayers, out);
      }
    }
    if (bestPlacement != Integer.MAX_VALUE && bestPlacement != 1) {
      out.add(new Violation("sides", "no side has placement 1"));
    }
    if (players > MAX_PLAYERS_PER_MATCH) {
      out.add(
          new Violation(
              "sides",
              "a match has at most " + MAX_PLAYERS_PER_MATCH + " players, not " + players));
    }
  }

  private static void checkPlayer(
      PlayerResult player,
      String path,
      Duration length,
      Map<String, String> seenPlayers,
      List<Violation> out) {
    if (player == null) {
      out.add(new Violation(path, "is empty"));
      return;
    }
    if (checkString(PLAYER.get("player_id"), player.playerId(), path + ".player_id", out)) {
      String earlier = seenPlayers.putIfAbsent(player.playerId(), path);
      if (earlier != null) {
        out.add(
            new Violation(
                path + ".player_id",
                "player '" + player.playerId() + "' already plays at " + earlier));
      }
    }
    PlayerStats s = player.stats();
    if (s == null) {
      return;
    }
    String sp = path + ".stats.";
    nonNegative(s.score(), sp + "score", out);
    nonNegative(s.kills(), sp + "kills", out);
    nonNegative(s.deaths(), sp + "deaths", out);
    nonNegative(s.assists(), sp + "assists", out);
    nonNegative(s.damageDealt(), sp + "damage_dealt", out);
    nonNegative(s.damageTaken(), sp + "damage_taken", out);
    nonNegative(s.healing(), sp + "healing", out);
    nonNegative(s.objectives(), sp + "objectives", out);
    nonNegative(s.secondsPlayed(), sp + "seconds_played", out);
    if (length != null
        && !length.isNegative()
        && s.secondsPlayed() > length.plus(SECONDS_PLAYED_SLACK).toSeconds()) {
      out.add(
          new Violation(
              sp + "seconds_played",
              s.secondsPlayed() + " s is longer than the match (" + length.toSeconds() + " s)"));
    }
  }

  private static void nonNegative(long value, String path, List<Violation> out) {
    if (value < 0) {
      out.add(new Violation(path, "must not be negative, was " + value));
    }
  }

  /** Returns whether the value is present and well-formed. */
  private static boolean checkString(Field f, String value, String path, List<Violation> out) {
    if (value == null) {
      out.add(new Violation(path, "is required"));
      return false;
    }
    if (f.pattern().isPresent() && !f.pattern().get().matcher(value).matches()) {
      out.add(new Violation(path, patternMessage(f, value)));
      return false;
    }
    return true;
  }

  private static String patternMessage(Field f, String value) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return "'" + shown + "' does not match " + f.pattern().get().pattern();
  }

  private static void checkObject(
      JsonNode node, List<Field> fields, String prefix, List<Violation> out) {
    Map<String, Field> known = index(fields);
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.containsKey(name)) {
        out.add(new Violation(prefix + name, "unknown field"));
      }
    }
    for (Field f : fields) {
      JsonNode v = node.get(f.name());
      String path = prefix + f.name();
      if (v == null || v.isNull()) {
        if (f.required()) {
          out.add(new Violation(path, "is required"));
        }
        continue;
      }
      checkValue(f, v, path, out);
    }
  }

  private static void checkValue(Field f, JsonNode v, String path, List<Violation> out) {
    switch (f.type()) {
      case STRING -> {
        if (!v.isTextual()) {
          out.add(new Violation(path, "must be a string"));
        } else if (f.pattern().isPresent() && !f.pattern().get().matcher(v.asText()).matches()) {
          out.add(new Violation(path, patternMessage(f, v.asText())));
        }
      }
      case INT, LONG -> {
        boolean fits =
            f.type() == MatchSchema.Type.INT ? v.canConvertToInt() : v.canConvertToLong();
        if (!v.isIntegralNumber() || !fits) {
          out.add(new Violation(path, "must be a whole number"));
        } else if (v.asLong() < f.min() || v.asLong() > f.max()) {
          out.add(
              new Violation(
                  path, "must be between " + f.min() + " and " + f.max() + ", was " + v.asLong()));
        }
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          out.add(new Violation(path, "must be true or false"));
        }
      }
      case TIMESTAMP -> {
        if (!v.isTextual()) {
          out.add(new Violation(path, "must be an ISO-8601 instant such as 2026-11-21T18:30:00Z"));
        } else {
          try {
            Instant.parse(v.asText());
          } catch (DateTimeParseException ex) {
            out.add(
                new Violation(
                    path,
                    "'"
                        + v.asText()
                        + "' is not an ISO-8601 instant such as 2026-11-21T18:30:00Z"));
          }
        }
      }
      case STRUCT -> {
        if (!v.isObject()) {
          out.add(new Violation(path, "must be an object"));
        } else {
          checkObject(v, f.children(), path + ".", out);
        }
      }
      case LIST -> {
        if (!v.isArray()) {
          out.add(new Violation(path, "must be an array"));
          return;
        }
        if (v.size() < f.min() || v.size() > f.max()) {
          out.add(
              new Violation(
                  path, "must have " + f.min() + " to " + f.max() + " entries, has " + v.size()));
        }
        for (int i = 0; i < v.size(); i++) {
          JsonNode element = v.get(i);
          String at = path + "[" + i + "]";
          if (element == null || !element.isObject()) {
            out.add(new Violation(at, "must be an object"));
          } else {
            checkObject(element, f.children(), at + ".", out);
          }
        }
      }
    }
  }

  private static Map<String, Field> index(List<Field> fields) {
    Map<String, Field> map = new HashMap<>();
    for (Field f : fields) {
      map.put(f.name(), f);
    }
    return map;
  }
}
