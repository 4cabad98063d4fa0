package dev.gsm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchValidatorTest {

  @Test
  void validDuelHasNoViolations() {
    assertThat(MatchValidator.validate(Matches.duel())).isEmpty();
    assertThat(MatchJson.parse(Matches.duelJson()).ok()).isTrue();
  }

  @Test
  void jsonRoundTripKeepsEveryField() {
    MatchEvent duel = Matches.duel();
    MatchJson.Parsed parsed = MatchJson.parse(MatchJson.write(duel));
    assertThat(parsed.violations()).isEmpty();
    assertThat(parsed.event()).isEqualTo(duel);
  }

  @Test
  void serverSetFieldsSurviveTheJsonForm() {
    MatchEvent accepted = Matches.duel().accepted(Instant.parse("2026-11-21T18:10:01Z"), 42);
    MatchJson.Parsed parsed = MatchJson.parse(MatchJson.write(accepted));
    assertThat(parsed.event()).isEqualTo(accepted);
    assertThat(MatchJson.toNode(Matches.duel()).has("log_offset")).isFalse();
    assertThat(MatchSchema.SERVER_FIELDS).containsExactly("accepted_at", "log_offset");
  }

  @Test
  void copiesWithOtherPartsKeepTheServerSetFields() {
    MatchEvent accepted = Matches.duel().accepted(Instant.parse("2026-11-21T18:10:01Z"), 42);
    MatchEvent changed =
        accepted
            .withSides(List.of(accepted.sides().get(1), accepted.sides().get(0)))
            .withMatchId("m-2")
            .withTimes(accepted.startedAt(), accepted.endedAt().plusSeconds(1))
            .withFlags(true, false);
    assertThat(changed.acceptedAt()).isEqualTo(accepted.acceptedAt());
    assertThat(changed.logOffset()).isEqualTo(42);
    assertThat(changed.sides().get(0).sideId()).isEqualTo("b");
    assertThat(changed.matchId()).isEqualTo("m-2");
    assertThat(changed.abandoned()).isTrue();
    assertThat(changed.ranked()).isFalse();
  }

  @Test
  void missingOptionalFieldsTakeTheirDefaults() {
    ObjectNode node = MatchJson.toNode(Matches.duel());
    node.remove("ranked");
    node.remove("abandoned");
    ((ObjectNode) node.get("sides").get(0).get("players").get(0)).remove("stats");
    MatchEvent event = MatchJson.read(node).event();
    assertThat(event.ranked()).isTrue();
    assertThat(event.abandoned()).isFalse();
    assertThat(event.sides().get(0).players().get(0).stats()).isEqualTo(PlayerStats.NONE);
  }

  @Test
  void everyStructuralProblemIsNamedNotOnlyTheFirst() {
    ObjectNode node = MatchJson.toNode(Matches.duel());
    node.remove("match_id");
    node.put("mode", "Duel Mode!");
    node.put("started_at", "yesterday");
    node.put("colour", "red");
    ObjectNode player = (ObjectNode) node.get("sides").get(1).get("players").get(0);
    ((ObjectNode) player.get("stats")).put("kills", "many");
    ((ObjectNode) node.get("sides").get(0)).put("placement", 0);

    List<Violation> violations = MatchJson.read(node).violations();

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "match_id",
            "mode",
            "started_at",
            "colour",
            "sides[1].players[0].stats.kills",
            "sides[0].placement");
    assertThat(violations)
        .filteredOn(v -> v.field().equals("match_id"))
        .extracting(Violation::message)
        .containsExactly("is required");
    assertThat(violations)
        .filteredOn(v -> v.field().equals("colour"))
        .extracting(Violation::message)
        .containsExactly("unknown field");
  }

  @Test
  void crossFieldRulesAreAllReported() {
    MatchEvent d = Matches.duel();
    Side a = d.sides().get(0);
    Side b =
        new Side(
            "a",
            3,
            List.of(
                new PlayerResult(
                    "p-1", new PlayerStats(0, -1, 0, 0, 0, 0, 0, 0, 99_999)))); // same id, same
    MatchEvent bad = d.withTimes(d.endedAt(), d.startedAt()).withSides(List.of(a, b));

    List<Violation> violations = MatchValidator.validate(bad);

    assertThat(violations)
        .extracting(Violation::toString)
        .containsExactlyInAnyOrder(
            "ended_at: is before started_at",
            "sides[1].side_id: 'a' is used by two sides",
            "sides[1].placement: must be between 1 and the number of sides (2)",
            "sides[1].players[0].player_id: player 'p-1' already plays at sides[0].players[0]",
            "sides[1].players[0].stats.kills: must not be negative, was -1");
  }

  @Test
  void singleSideAndNoWinnerAreRejected() {
    MatchEvent d = Matches.duel();
    MatchEvent oneSide = d.withSides(List.of(d.sides().get(0)));
    assertThat(MatchValidator.validate(oneSide))
        .extracting(Violation::field)
        .containsExactly("sides");
    MatchEvent noWinner =
        d.withSides(
            List.of(
                new Side("a", 2, d.sides().get(0).players()),
                new Side("b", 2, d.sides().get(1).players())));
    assertThat(MatchValidator.validate(noWinner))
        .extracting(Violation::message)
        .containsExactly("no side has placement 1");
  }

  @Test
  void equalPlacementsAreADrawNotAnError() {
    MatchEvent d = Matches.duel();
    MatchEvent draw =
        d.withSides(
            List.of(
                new Side("a", 1, d.sides().get(0).players()),
                new Side("b", 1, d.sides().get(1).players())));
    assertThat(MatchValidator.validate(draw)).isEmpty();
  }

  @Test
  void matchFromTheFutureIsRejectedOnlyWhenAClockIsGiven() {
    MatchEvent d = Matches.duel();
    Instant now = d.endedAt().minusSeconds(3600);
    assertThat(MatchValidator.validate(d, now))
        .extracting(Violation::field)
        .containsExactly("ended_at");
    assertThat(MatchValidator.validate(d, null)).isEmpty();
  }

  @Test
  void typedRecordWithNullsNamesEachMissingField() {
    MatchEvent empty =
        new MatchEvent(1, null, null, "duel", null, "pc", null, null, null, false, true);
    assertThat(MatchValidator.validate(empty))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "match_id", "season", "region", "started_at", "ended_at", "sides");
  }

  @Test
  void notJsonAndNotAnObjectAreClearErrors() {
    assertThat(MatchJson.parse("{\"match_id\": ").violations())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("not valid JSON"));
    assertThat(MatchJson.parse("[1,2]").violations())
        .extracting(Violation::message)
        .containsExactly("a match must be a JSON object");
  }

  @Test
  void tooManySidesIsRejectedStructurally() {
    ObjectNode node = MatchJson.toNode(Matches.duel());
    ArrayNode sides = (ArrayNode) node.get("sides");
    for (int i = 0; i < MatchSchema.MAX_SIDES; i++) {
      ObjectNode s = sides.addObject();
      s.put("side_id", "x" + i);
      s.put("placement", 2);
      s.putArray("players").addObject().put("player_id", "q" + i);
    }
    assertThat(MatchJson.read(node).violations()).extracting(Violation::field).contains("sides");
  }
}
