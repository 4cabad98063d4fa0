package dev.gsm.speed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.realtime.Generation;
import dev.gsm.realtime.LogEntry;
import dev.gsm.schema.MatchEvent;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exactness contract as a property over seeded random runs: random seasons, random arrival
 * orders with duplicates and late matches, consumer kills at random points (before apply, after
 * apply before ack, during a hand-over's replay, after the switch before the drop) and hand-overs
 * at random times. After the final batch and hand-over, every player's rating, rank and record in
 * Redis equals the batch recompute exactly; with arrival in event-time order it is equal after
 * every step.
 *
 * <p>A seeded JUnit parameterized test rather than jqwik: jqwik's engine does not run JUnit Jupiter
 * extensions, and the test gets its Redis through test-support's RedisExtension. A failing seed is
 * printed in the test name and reproduces exactly.
 */
@ExtendWith(RedisExtension.class)
class SpeedLayerExactnessIT {

  @TempDir Path data;

  static Stream<Long> seeds() {
    return LongStream.rangeClosed(1, 20).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyArrivalOrderCrashesAndHandOversEqualTheRecomputeOnceTheBatchCaughtUp(
      long seed, RedisEndpoint redis) {
    run(seed, false, false, redis);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pipelinedAppliesAnyArrivalOrderCrashesAndHandOversEqualTheRecompute(
      long seed, RedisEndpoint redis) {
    run(seed, false, true, redis);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void pipelinedAppliesEventOrderArrivalEqualsTheRecomputeAtEveryStep(
      long seed, RedisEndpoint redis) {
    run(seed, true, true, redis);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eventOrderArrivalEqualsTheRecomputeAtEveryStep(long seed, RedisEndpoint redis) {
    run(seed, true, false, redis);
  }

  /**
   * @param pipelined the speed layer steps with {@link SpeedLayer#stepPipelined} (a batch left in
   *     flight between actions; a kill abandons it) instead of {@link SpeedLayer#step}
   */
  private void run(long seed, boolean inOrder, boolean pipelined, RedisEndpoint redis) {
    Random random = new Random(seed);
    try (Harness h = new Harness(redis, data.resolve("s" + seed + (inOrder ? "o" : "r")))) {
      List<MatchEvent> matches = seasons(random);
      List<MatchEvent> arrival = new ArrayList<>(matches);
      if (!inOrder) {
        for (int i = 0; i < arrival.size() / 5; i++) { // late matches: moved later in the log
          int from = random.nextInt(arrival.size());
          int to = from + random.nextInt(arrival.size() - from);
          arrival.add(to, arrival.remove(from));
        }
      }
      List<MatchEvent> accepted = new ArrayList<>(); // in log order
      SpeedLayer speed = h.speed(1 + random.nextInt(8));
      Archiver archiver = h.archiver(1 + random.nextInt(15));
      int version = 0;
      int next = 0;
      while (next < arrival.size()) {
        int action = random.nextInt(10);
        if (action <= 3) {
          int n = 1 + random.nextInt(5);
          List<MatchEvent> chunk = arrival.subList(next, Math.min(arrival.size(), next + n));
          List<MatchEvent> sent = new ArrayList<>(chunk);
          if (random.nextInt(4) == 0 && !accepted.isEmpty()) {
            sent.add(accepted.get(random.nextInt(accepted.size()))); // a retried request
          }
          h.ingest(sent);
          accepted.addAll(chunk);
          next += chunk.size();
        } else if (action <= 5) {
          step(speed, pipelined);
        } else if (action == 6) {
          archiver.step();
        } else if (action == 7) {
          speed = kill(h, speed, random);
        } else if (action == 8) {
          archiver = random.nextBoolean() ? h.archiver(1 + random.nextInt(15)) : archiver;
          archiver.step();
        } else {
          long l = archiver.checkpoint();
          if (l > 0) {
            h.publish("v" + (++version), l, h.archived(l));
            if (random.nextBoolean()) {
              step(speed, pipelined);
            }
          }
        }
        if (inOrder) {
          long applied = h.view.current().map(Generation::applied).orElse(0L);
          h.assertEqualsRecompute(
              new Recompute(Harness.PARAMS, Harness.CALENDAR, accepted.subList(0, (int) applied)));
        }
      }
      // the batch catches up: archive everything, publish at the final checkpoint, hand over
      Harness.drain(archiver);
      long l = archiver.checkpoint();
      assertThat(l).isEqualTo(matches.size());
      List<MatchEvent> batchInput = h.archived(l);
      assertThat(batchInput).hasSize(matches.size());
      h.publish("v" + (++version), l, batchInput);
      speed = h.speed(5);
      Harness.drain(speed);
      assertThat(h.view.current().orElseThrow().version()).isEqualTo("v" + version);
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
      assertThat(h.view.generations()).hasSize(1);
    }
  }

  private static void step(SpeedLayer speed, boolean pipelined) {
    if (pipelined) {
      speed.stepPipelined();
    } else {
      speed.step();
    }
  }

  /** Kills the speed layer at a random point; returns its successor (another consumer). */
  private static SpeedLayer kill(Harness h, SpeedLayer speed, Random random) {
    h.view.ensureGeneration();
    h.log.ensureGroup(SpeedLayer.GROUP);
    String name = "doomed-" + random.nextInt(1_000_000);
    switch (random.nextInt(4)) {
      case 0 -> h.log.readNew(SpeedLayer.GROUP, name, 1 + random.nextInt(5), Duration.ofMillis(1));
      case 1 -> {
        List<LogEntry> got =
            h.log.readNew(SpeedLayer.GROUP, name, 1 + random.nextInt(5), Duration.ofMillis(1));
        h.applier().apply(h.view.current().orElseThrow().id(), got);
      }
      case 2 -> h.view.next().ifPresent(g -> speed.catchUp(g.id(), 1));
      default ->
          h.view
              .next()
              .ifPresent(
                  g -> {
                    speed.catchUp(g.id(), Integer.MAX_VALUE);
                    h.view.switchTo(g.id());
                  });
    }
    return h.speed(1 + random.nextInt(8));
  }

  private static List<MatchEvent> seasons(Random random) {
    Matches gen = new Matches(random.nextLong(), 4 + random.nextInt(10));
    String season = "2026-S" + (1 + random.nextInt(2));
    int count = 1 + random.nextInt(3);
    List<MatchEvent> out = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      Instant end = Harness.CALENDAR.end(season);
      int n = 10 + random.nextInt(25);
      out.addAll(gen.season(season, end.minusSeconds(700L * n), n));
      season = Harness.CALENDAR.next(season);
    }
    return out;
  }
}
