package dev.gsm.schema;

import java.time.Instant;
import java.util.List;

/** Valid matches to start test cases from. */
final class Matches {
  private Matches() {}

  static MatchEvent duel() {
    Instant start = Instant.parse("2026-11-21T18:00:00Z");
    return new MatchEvent(
        1,
        "m-1",
        "2026-S4",
        "duel",
        "eu-west",
        "pc",
        start,
        start.plusSeconds(600),
        List.of(
            new Side(
                "a",
                1,
                List.of(
                    new PlayerResult(
                        "p-1", new PlayerStats(1200, 10, 3, 2, 2500, 900, 0, 1, 600)))),
            new Side(
                "b",
                2,
                List.of(
                    new PlayerResult(
                        "p-2", new PlayerStats(800, 3, 10, 1, 900, 2500, 0, 0, 590))))),
        false,
        true);
  }

  static String duelJson() {
    return MatchJson.write(duel());
  }
}
