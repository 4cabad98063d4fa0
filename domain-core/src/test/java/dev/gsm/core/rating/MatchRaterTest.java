package dev.gsm.core.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchRaterTest {
  private static final Instant T0 = Instant.parse("2026-10-02T12:00:00Z");
  private final RatingEngine engine = new RatingEngine(RatingParameters.defaults());

  @Test
  void matchEventRatesLikeTheEngineOnTheSameSides() {
    RatingTable viaEvents = new RatingTable(RatingParameters.defaults());
    MatchRater rater = new MatchRater(engine, viaEvents);
    rater.rate(match("m1", T0, List.of(List.of("a", "b"), List.of("c", "d")), new int[] {1, 2}));

    RatingTable direct = new RatingTable(RatingParameters.defaults());
    int a = direct.intern("a");
    int b = direct.intern("b");
    int c = direct.intern("c");
    int d = direct.intern("d");
    engine.rate(direct, new int[][] {{a, b}, {c, d}}, new int[] {1, 2}, T0.getEpochSecond());

    for (String id : List.of("a", "b", "c", "d")) {
      assertThat(viaEvents.get(viaEvents.indexOf(id))).isEqualTo(direct.get(direct.indexOf(id)));
    }
  }

  @Test
  void unrankedAndAbandonedMatchesLeaveRatingsUntouched() {
    RatingTable table = new RatingTable(RatingParameters.defaults());
    MatchRater rater = new MatchRater(engine, table);
    MatchEvent casual = match("m1", T0, List.of(List.of("a"), List.of("b")), new int[] {1, 2});
    MatchEvent unranked = casual.withFlags(false, false);
    MatchEvent abandoned = casual.withFlags(true, true);
    assertThat(rater.rate(unranked)).isFalse();
    assertThat(rater.rate(abandoned)).isFalse();
    assertThat(table.size()).isZero();
    assertThat(rater.rate(casual)).isTrue();
    assertThat(table.games(table.indexOf("a"))).isEqualTo(1);
  }

  @Test
  void freeForAllOfManySidesReusesBuffersAcrossSideCounts() {
    RatingTable table = new RatingTable(RatingParameters.defaults());
    MatchRater rater = new MatchRater(engine, table);
    List<List<String>> eight = new ArrayList<>();
    int[] placements = new int[8];
    for (int i = 0; i < 8; i++) {
      eight.add(List.of("p" + i));
      placements[i] = i + 1;
    }
    rater.rate(match("ffa", T0, eight, placements));
    for (int i = 1; i < 8; i++) { // the placements, in rating order
      assertThat(table.mu(table.indexOf("p" + (i - 1))))
          .isGreaterThan(table.mu(table.indexOf("p" + i)));
    }
    double first = table.mu(table.indexOf("p0"));
    double last = table.mu(table.indexOf("p7"));
    rater.rate(
        match("duel", T0.plusSeconds(60), List.of(List.of("p0"), List.of("p7")), new int[] {2, 1}));
    assertThat(table.games(table.indexOf("p0"))).isEqualTo(2);
    assertThat(table.mu(table.indexOf("p0"))).isLessThan(first);
    assertThat(table.mu(table.indexOf("p7"))).isGreaterThan(last);
  }

  @Test
  void eventTimeOrderBreaksSameSecondTiesByMatchId() {
    MatchEvent b = match("b", T0, List.of(List.of("x"), List.of("y")), new int[] {1, 2});
    MatchEvent a = match("a", T0, List.of(List.of("x"), List.of("y")), new int[] {1, 2});
    MatchEvent earlier =
        match("z", T0.minusSeconds(1), List.of(List.of("x"), List.of("y")), new int[] {1, 2});
    List<MatchEvent> sorted = new ArrayList<>(List.of(b, a, earlier));
    sorted.sort(MatchRater.EVENT_TIME_ORDER);
    assertThat(sorted).extracting(MatchEvent::matchId).containsExactly("z", "a", "b");
  }

  static MatchEvent match(String id, Instant end, List<List<String>> sides, int[] placements) {
    List<Side> out = new ArrayList<>();
    for (int k = 0; k < sides.size(); k++) {
      List<PlayerResult> players =
          sides.get(k).stream().map(p -> new PlayerResult(p, PlayerStats.NONE)).toList();
      out.add(new Side("s" + k, placements[k], players));
    }
    return new MatchEvent(
        1, id, "2026-S4", "duel", "eu-west", "pc", end.minusSeconds(600), end, out, false, true);
  }
}
