package dev.gsm.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The prediction read: ratings and histories of one generation, read in one atomic step. */
@ExtendWith(RedisExtension.class)
class PlayerSnapshotsIT {

  private static final String SEASON = "2026-S4";

  @Test
  void historiesAreReadFromTheGenerationTheRatingsComeFromAndDroppedWithIt(RedisEndpoint redis) {
    RedisClient client = RedisClient.create(redis.url());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      RedisLayout layout = new RedisLayout(redis.keyPrefix() + "snap:");
      RealtimeView view = new RealtimeView(c, layout, RatingParameters.defaults());
      assertThat(view.snapshots(SEASON, List.of("p1"))).isEmpty();

      PlayerRating r = PlayerRating.newcomer(RatingParameters.defaults());
      PlayerState p1 = new PlayerState(SEASON, "p1", r, new TreeMap<>(), "eu", "pc");
      PlayerState p2 = new PlayerState(SEASON, "p2", r, new TreeMap<>(), "na", "console");
      byte[] h1 = {1, 2, 3};
      Generation g1 = view.loadGeneration("v1", 10, List.of(p1, p2), Map.of("p1", h1));
      view.ensureGeneration();
      view.switchTo(g1.id());

      PlayerSnapshots s = view.snapshots(SEASON, List.of("p1", "p2", "nobody")).orElseThrow();
      assertThat(s.stamp().generation()).isEqualTo(g1.id());
      assertThat(s.stamp().version()).isEqualTo("v1");
      assertThat(s.stamp().watermark()).isEqualTo(10);
      assertThat(s.states()).containsOnlyKeys("p1", "p2");
      assertThat(s.states().get("p2").region()).isEqualTo("na");
      assertThat(s.histories()).containsOnlyKeys("p1");
      assertThat(s.histories().get("p1")).containsExactly(1, 2, 3);

      byte[] h2 = {9};
      Generation g2 = view.loadGeneration("v2", 20, List.of(p1), Map.of("p1", h2));
      assertThat(view.snapshots(SEASON, List.of("p1")).orElseThrow().histories().get("p1"))
          .as("readers stay on the current generation until the switch")
          .containsExactly(1, 2, 3);
      view.switchTo(g2.id());
      view.drop(g1.id());
      PlayerSnapshots after = view.snapshots(SEASON, List.of("p1", "p2")).orElseThrow();
      assertThat(after.stamp().version()).isEqualTo("v2");
      assertThat(after.states()).containsOnlyKeys("p1");
      assertThat(after.histories().get("p1")).containsExactly(9);
      assertThat(c.sync().keys(layout.generationPrefix(g1.id()) + "*")).isEmpty();
    } finally {
      client.shutdown();
    }
  }
}
