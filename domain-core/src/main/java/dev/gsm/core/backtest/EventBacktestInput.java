package dev.gsm.core.backtest;

import dev.gsm.core.rating.MatchRater;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns match events (from the CSV importer or the master dataset) into backtest matches: players
 * interned in order of first appearance, sides and placements as the events state them, time the
 * match's end. Unrated matches (unranked, abandoned) are left out, as the batch leaves them out.
 * The events are taken in {@link MatchRater#EVENT_TIME_ORDER}, so the protocol sees them in the
 * order the batch would rate them.
 */
public final class EventBacktestInput {

  private EventBacktestInput() {}

  public static PairwiseTsv.Result of(List<MatchEvent> events) {
    List<MatchEvent> sorted = new ArrayList<>(events);
    sorted.sort(MatchRater.EVENT_TIME_ORDER);
    Map<String, Integer> index = new HashMap<>();
    List<String> ids = new ArrayList<>();
    List<BacktestMatch> matches = new ArrayList<>(sorted.size());
    for (MatchEvent e : sorted) {
      if (!e.rated()) {
        continue;
      }
      int[][] sides = new int[e.sides().size()][];
      int[] placements = new int[sides.length];
      for (int k = 0; k < sides.length; k++) {
        Side side = e.sides().get(k);
        placements[k] = side.placement();
        sides[k] = new int[side.players().size()];
        for (int j = 0; j < sides[k].length; j++) {
          PlayerResult p = side.players().get(j);
          sides[k][j] =
              index.computeIfAbsent(
                  p.playerId(),
                  id -> {
                    ids.add(id);
                    return ids.size() - 1;
                  });
        }
      }
      matches.add(BacktestMatch.of(e.endedAt().getEpochSecond(), sides, placements));
    }
    return new PairwiseTsv.Result(matches, ids, List.of(), List.of());
  }
}
