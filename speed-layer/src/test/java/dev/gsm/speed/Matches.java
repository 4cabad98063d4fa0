package dev.gsm.speed;

import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random but reproducible matches: 1v1, 2v2 and 4-player free-for-all, draws, casual games. */
final class Matches {
  static final List<String> MODES = List.of("duel", "squad", "ffa");
  static final List<String> REGIONS = List.of("eu-west", "us-east", "ap-south");
  static final List<String> PLATFORMS = List.of("pc", "console");

  private final Random random;
  private final int players;
  private int next;

  Matches(long seed, int players) {
    this.random = new Random(seed);
    this.players = players;
  }

  /** {@code n} matches of {@code season} ending one to 600 seconds apart from {@code start}. */
  List<MatchEvent> season(String season, Instant start, int n) {
    List<MatchEvent> out = new ArrayList<>(n);
    Instant t = start;
    for (int i = 0; i < n; i++) {
      t = t.plusSeconds(1 + random.nextInt(600));
      out.add(match(season, t));
    }
    return out;
  }

  MatchEvent match(String season, Instant endedAt) {
    String mode = MODES.get(random.nextInt(MODES.size()));
    int sideCount = mode.equals("ffa") ? 4 : 2;
    int perSide = mode.equals("squad") ? 2 : 1;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < players; i++) {
      ids.add("p" + i);
    }
    Collections.shuffle(ids, random);
    List<Side> sides = new ArrayList<>();
    boolean draw = random.nextInt(10) == 0;
    for (int k = 0; k < sideCount; k++) {
      List<PlayerResult> roster = new ArrayList<>();
      for (int j = 0; j < perSide; j++) {
        roster.add(new PlayerResult(ids.get(k * perSide + j), PlayerStats.NONE));
      }
      sides.add(new Side("s" + k, draw ? 1 : k + 1, roster));
    }
    Collections.shuffle(sides, random);
    return new MatchEvent(
        MatchEvent.CURRENT_SCHEMA_VERSION,
        "m" + (next++) + "-" + Long.toHexString(random.nextLong() >>> 20),
        season,
        mode,
        REGIONS.get(random.nextInt(REGIONS.size())),
        PLATFORMS.get(random.nextInt(PLATFORMS.size())),
        endedAt.minusSeconds(60),
        endedAt,
        sides,
        false,
        random.nextInt(12) != 0);
  }
}
