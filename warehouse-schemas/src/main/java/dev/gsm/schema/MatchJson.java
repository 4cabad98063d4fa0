package dev.gsm.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a match (the HTTP API and the match log). Field names are those of {@link
 * MatchSchema}; instants are ISO-8601 in UTC. Reading goes through {@link MatchValidator} first, so
 * a bad document comes back as the full list of its problems, never as the first exception.
 */
public final class MatchJson {

  /** Shared, thread-safe mapper with the settings every module uses for matches. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** A parse result: the event, or every problem found. */
  public record Parsed(MatchEvent event, List<Violation> violations) {
    public boolean ok() {
      return violations.isEmpty();
    }
  }

  private MatchJson() {}

  public static Parsed parse(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return new Parsed(
          null, List.of(new Violation("", "not valid JSON: " + e.getOriginalMessage())));
    }
    return read(node);
  }

  /** Validates a JSON tree and maps it to a {@link MatchEvent} when it is valid. */
  public static Parsed read(JsonNode node) {
    List<Violation> violations = MatchValidator.validateJson(node);
    if (!violations.isEmpty()) {
      return new Parsed(null, violations);
    }
    MatchEvent event = fromValidNode(node);
    List<Violation> semantic = MatchValidator.validate(event);
    return semantic.isEmpty() ? new Parsed(event, List.of()) : new Parsed(null, semantic);
  }

  public static String write(MatchEvent event) {
    try {
      return MAPPER.writeValueAsString(toNode(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a match event always serialises", e);
    }
  }

  public static ObjectNode toNode(MatchEvent e) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schema_version", e.schemaVersion());
    root.put("match_id", e.matchId());
    root.put("season", e.season());
    root.put("mode", e.mode());
    root.put("region", e.region());
    root.put("platform", e.platform());
    root.put("started_at", e.startedAt().toString());
    root.put("ended_at", e.endedAt().toString());
    ArrayNode sides = root.putArray("sides");
    for (Side side : e.sides()) {
      ObjectNode s = sides.addObject();
      s.put("side_id", side.sideId());
      s.put("placement", side.placement());
      ArrayNode players = s.putArray("players");
      for (PlayerResult p : side.players()) {
        ObjectNode pn = players.addObject();
        pn.put("player_id", p.playerId());
        PlayerStats st = p.stats();
        ObjectNode sn = pn.putObject("stats");
        sn.put("score", st.score());
        sn.put("kills", st.kills());
        sn.put("deaths", st.deaths());
        sn.put("assists", st.assists());
        sn.put("damage_dealt", st.damageDealt());
        sn.put("damage_taken", st.damageTaken());
        sn.put("healing", st.healing());
        sn.put("objectives", st.objectives());
        sn.put("seconds_played", st.secondsPlayed());
      }
    }
    root.put("abandoned", e.abandoned());
    root.put("ranked", e.ranked());
    if (e.acceptedAt() != null) {
      root.put("accepted_at", e.acceptedAt().toString());
    }
    if (e.logOffset() != 0) {
      root.put("log_offset", e.logOffset());
    }
    return root;
  }

  /** Maps a tree that {@link MatchValidator#validateJson} accepted. */
  static MatchEvent fromValidNode(JsonNode n) {
    List<Side> sides = new ArrayList<>();
    for (JsonNode s : n.get("sides")) {
      List<PlayerResult> players = new ArrayList<>();
      for (JsonNode p : s.get("players")) {
        JsonNode st = p.get("stats");
        PlayerStats stats =
            st == null || st.isNull()
                ? PlayerStats.NONE
                : new PlayerStats(
                    st.path("score").asLong(0),
                    st.path("kills").asInt(0),
                    st.path("deaths").asInt(0),
                    st.path("assists").asInt(0),
                    st.path("damage_dealt").asLong(0),
                    st.path("damage_taken").asLong(0),
                    st.path("healing").asLong(0),
                    st.path("objectives").asInt(0),
                    st.path("seconds_played").asInt(0));
        players.add(new PlayerResult(p.get("player_id").asText(), stats));
      }
      sides.add(new Side(s.get("side_id").asText(), s.get("placement").asInt(), players));
    }
    return new MatchEvent(
        n.get("schema_version").asInt(),
        n.get("match_id").asText(),
        n.get("season").asText(),
        n.get("mode").asText(),
        n.get("region").asText(),
        n.get("platform").asText(),
        Instant.parse(n.get("started_at").asText()),
        Instant.parse(n.get("ended_at").asText()),
        sides,
        n.path("abandoned").asBoolean(false),
        n.path("ranked").asBoolean(true),
        n.hasNonNull("accepted_at") ? Instant.parse(n.get("accepted_at").asText()) : null,
        n.path("log_offset").asLong(0));
  }
}
