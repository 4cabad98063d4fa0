package dev.gsm.serving.bench;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.BoardRow;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.Iterator;
import java.util.Random;
import java.util.TreeMap;

/**
 * bin/bench-serve's loader (not a test): a generation of N synthetic players of one season (a
 * global rating, one or two modes, four regions, three platforms) loaded and made current, the way
 * the publish step loads a batch view. Prints the player at the middle rank for the around-me and
 * player-page runs.
 *
 * <p>Arguments: redis-url key-prefix season players
 */
public final class LoadPlayers {
  private LoadPlayers() {}

  public static void main(String[] args) {
    String url = args[0];
    RedisLayout layout = new RedisLayout(args[1]);
    String season = args[2];
    int n = Integer.parseInt(args[3]);
    RedisClient client = RedisClient.create(url);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RealtimeView view = new RealtimeView(c, layout, RatingParameters.defaults());
      String[] regions = {"eu-west", "na-east", "asia", "sa"};
      String[] platforms = {"pc", "playstation", "mobile"};
      Random random = new Random(42);
      long start = System.nanoTime();
      Iterable<PlayerState> players =
          () ->
              new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                  return i < n;
                }

                @Override
                public PlayerState next() {
                  int games = 1 + random.nextInt(200);
                  int wins = random.nextInt(games + 1);
                  PlayerRating g =
                      new PlayerRating(
                          25 + random.nextGaussian() * 4,
                          1 + random.nextDouble() * 4,
                          1_790_000_000L,
                          games,
                          wins,
                          games - wins,
                          0);
                  TreeMap<String, PlayerRating> modes = new TreeMap<>();
                  modes.put(i % 3 == 0 ? "5v5" : "duel", g);
                  String id = String.format("p%07d", i);
                  i++;
                  return new PlayerState(
                      season,
                      id,
                      g,
                      modes,
                      regions[i % regions.length],
                      platforms[i % platforms.length]);
                }
              };
      long id = view.loadGeneration("20261121T000000Z-bench000", 0, players).id();
      view.switchTo(id);
      double seconds = (System.nanoTime() - start) / 1e9;
      BoardRow middle = view.page(season, Board.global(), n / 2, 1).orElseThrow().rows().get(0);
      System.err.printf(
          "loaded %,d players into generation %d in %.1f s (%.0f players/s), %,d bytes used%n",
          n, id, seconds, n / seconds, view.usedMemory());
      System.out.println(middle.playerId());
    } finally {
      client.shutdown();
    }
  }
}
