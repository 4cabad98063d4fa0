package dev.gsm.speed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.realtime.Accepted;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.LogEntry;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView.ApplyOutcome;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One named situation per edge of docs/LAMBDA.md, on real Redis, real files, the real engine. */
@ExtendWith(RedisExtension.class)
class SpeedLayerScenariosIT {
  static final String S1 = "2026-S1";
  static final String S2 = "2026-S2";
  static final Instant START = Harness.CALENDAR.start(S1);

  @TempDir Path data;

  @Test
  void inOrderArrivalEqualsTheRecomputeAtEveryStep(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(1, 10).season(S1, START, 40);
      SpeedLayer speed = h.speed(7);
      for (int i = 0; i < matches.size(); i++) {
        h.ingest(List.of(matches.get(i)));
        Harness.drain(speed);
        h.assertEqualsRecompute(
            new Recompute(Harness.PARAMS, Harness.CALENDAR, matches.subList(0, i + 1)));
      }
    }
  }

  @Test
  void twoAppliersTakingTurnsNeverTrustAStaleStateCache(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      // few players, many matches: each applier's cache holds states the other one then changes
      List<MatchEvent> matches = new Matches(11, 5).season(S1, START, 60);
      SpeedLayer a = h.speed(4);
      SpeedLayer b = h.speed(3);
      for (int i = 0; i < matches.size(); i += 6) {
        h.ingest(matches.subList(i, i + 6));
        Harness.drain(i % 12 == 0 ? a : b);
        h.assertEqualsRecompute(
            new Recompute(Harness.PARAMS, Harness.CALENDAR, matches.subList(0, i + 6)));
      }
      assertThat(h.view.current().orElseThrow().applied()).isEqualTo(60);
    }
  }

  @Test
  void readingAheadOnASecondConnectionAppliesEveryMatchOnceInLogOrder(RedisEndpoint redis)
      throws InterruptedException {
    try (Harness h = new Harness(redis, data);
        var readConn = h.client.connect()) {
      List<MatchEvent> matches = new Matches(12, 8).season(S1, START, 80);
      SpeedLayer speed = h.speed(5);
      Thread running = new Thread(() -> speed.run(new MatchLog(readConn.sync(), h.layout)));
      running.start();
      try {
        for (int i = 0; i < matches.size(); i += 8) {
          h.ingest(matches.subList(i, i + 8));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (h.view.current().map(Generation::applied).orElse(0L) < 80
            && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      } finally {
        running.interrupt();
        running.join(10_000);
      }
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
      assertThat(h.view.current().orElseThrow().applied()).isEqualTo(80);
    }
  }

  @Test
  void pipelinedBatchOnTopOfAForeignWriteIsRefusedAndAppliedAgain(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(13, 6).season(S1, START, 30);
      h.ingest(matches);
      long gen = h.view.ensureGeneration().id();
      MatchApplier a = h.applier();
      MatchApplier b = h.applier();
      assertThat(a.apply(gen, h.log.after(0, 10)).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      // another writer applies 11..20 behind a's back: a's cache still says 10
      assertThat(b.apply(gen, h.log.after(10, 10)).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      MatchApplier.InFlight first = a.submit(gen, a.parse(h.log.after(10, 10)));
      // computed from a's own 11..20 and sent before the answer to them: the marker is at 20 when
      // it runs, but the last write was b's, so it is refused
      MatchApplier.InFlight second = a.submit(gen, a.parse(h.log.after(20, 10)));
      assertThat(a.complete(first)).as("already applied by b").isNull();
      assertThat(h.view.generation(gen).orElseThrow().applied()).isEqualTo(20);
      assertThat(a.complete(second)).as("chained on a batch that was not applied").isNull();
      assertThat(h.view.generation(gen).orElseThrow().applied()).isEqualTo(20);
      assertThat(a.applyParsed(gen, first.delivered()).outcome())
          .isEqualTo(ApplyOutcome.ALREADY_APPLIED);
      assertThat(a.applyParsed(gen, second.delivered()).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
      // and pipelined on its own writes, a's batches are applied in one go each
      List<MatchEvent> more = new Matches(14, 6).season(S1, START.plusSeconds(86_400), 30);
      h.ingest(more);
      MatchApplier.InFlight x = a.submit(gen, a.parse(h.log.after(30, 10)));
      MatchApplier.InFlight y = a.submit(gen, a.parse(h.log.after(40, 10)));
      assertThatThrownBy(() -> a.submit(gen, a.parse(h.log.after(50, 10))))
          .as("two batches in flight at most")
          .isInstanceOf(IllegalStateException.class);
      assertThat(a.complete(x).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      MatchApplier.InFlight z = a.submit(gen, a.parse(h.log.after(50, 10)));
      assertThat(a.complete(y).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      assertThat(a.complete(z).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      List<MatchEvent> all = new ArrayList<>(matches);
      all.addAll(more);
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, all));
    }
  }

  @Test
  void duplicateIsAcceptedOnceAndAppliedOnce(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(2, 8).season(S1, START, 20);
      List<Accepted> first = h.ingest(matches);
      List<Accepted> again = h.ingest(matches);
      assertThat(again)
          .extracting(Accepted::logOffset)
          .isEqualTo(first.stream().map(Accepted::logOffset).toList());
      assertThat(again)
          .extracting(Accepted::acceptedAt)
          .isEqualTo(first.stream().map(Accepted::acceptedAt).toList());
      assertThat(again).allMatch(Accepted::duplicate);
      assertThat(h.log.head()).isEqualTo(20);

      SpeedLayer speed = h.speed(6);
      Harness.drain(speed);
      Recompute expected = new Recompute(Harness.PARAMS, Harness.CALENDAR, matches);
      h.assertEqualsRecompute(expected);
      // an at-least-once redelivery of everything changes nothing
      long gen = h.view.current().orElseThrow().id();
      assertThat(h.applier().apply(gen, h.log.after(0, 100)).outcome())
          .isEqualTo(ApplyOutcome.ALREADY_APPLIED);
      h.assertEqualsRecompute(expected);
    }
  }

  @Test
  void lateMatchIsAppliedInLogOrderUntilTheBatchCatchesUp(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(3, 6).season(S1, START, 30);
      List<MatchEvent> arrival = new ArrayList<>(matches);
      MatchEvent late = arrival.remove(5); // played early, reported last
      arrival.add(late);
      h.ingest(arrival);
      SpeedLayer speed = h.speed(10);
      Harness.drain(speed);
      Recompute full = new Recompute(Harness.PARAMS, Harness.CALENDAR, matches);
      // the documented gap: the speed layer rated the late match after later ones
      assertThatThrownBy(() -> h.assertEqualsRecompute(full)).isInstanceOf(AssertionError.class);

      Archiver archiver = h.archiver(8);
      Harness.drain(archiver);
      long l = archiver.checkpoint();
      assertThat(l).isEqualTo(30);
      h.publish("v1", l, h.archived(l));
      speed.step(); // hand-over
      h.assertEqualsRecompute(full);
      assertThat(h.view.current().orElseThrow().version()).isEqualTo("v1");
    }
  }

  @Test
  void crossSeasonMatchStartsThePlayerFromTheSoftReset(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      Matches gen = new Matches(4, 6);
      List<MatchEvent> s1 = gen.season(S1, Harness.CALENDAR.end(S1).minusSeconds(40_000), 25);
      List<MatchEvent> s2 = gen.season(S2, Harness.CALENDAR.start(S2), 10);
      List<MatchEvent> all = new ArrayList<>(s1);
      all.addAll(s2);
      h.ingest(all);
      Harness.drain(h.speed(9));
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, all));

      // the first season-2 match of a player starts from softReset(end of season 1)
      MatchEvent firstS2 = s2.stream().filter(MatchEvent::rated).findFirst().orElseThrow();
      String p = firstS2.sides().get(0).players().get(0).playerId();
      Recompute endOfS1 = new Recompute(Harness.PARAMS, Harness.CALENDAR, s1);
      PlayerRating reset =
          new RatingEngine(Harness.PARAMS).softReset(endOfS1.state(S1, p).global());
      Recompute s1PlusOne =
          new Recompute(
              Harness.PARAMS,
              Harness.CALENDAR,
              new ArrayList<>(s1) {
                {
                  add(firstS2);
                }
              });
      PlayerRating first = s1PlusOne.state(S2, p).global();
      assertThat(first.mu()).isNotEqualTo(reset.mu());
      // the season's record counts from zero, as the Spark job's does (the served states equal
      // this recompute's above, counters and board order included): this match alone
      assertThat(reset.games()).isPositive();
      assertThat(first.games()).isEqualTo(1);
      assertThat(first.wins() + first.losses() + first.draws()).isEqualTo(1);
    }
  }

  @Test
  void consumerCrashWithPendingEntriesIsFinishedByTheNextConsumer(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(5, 8).season(S1, START, 30);
      h.ingest(matches);
      h.view.ensureGeneration();
      h.log.ensureGroup(SpeedLayer.GROUP);
      // consumer A read 10 entries and died before applying them
      List<LogEntry> a = h.log.readNew(SpeedLayer.GROUP, "crashed-a", 10, Duration.ofMillis(1));
      assertThat(a).hasSize(10);
      // consumer B read 10, applied them, and died before acknowledging
      List<LogEntry> b = h.log.readNew(SpeedLayer.GROUP, "crashed-b", 10, Duration.ofMillis(1));
      long gen = h.view.current().orElseThrow().id();
      assertThat(h.applier().apply(gen, b).outcome()).isEqualTo(ApplyOutcome.APPLIED);
      assertThat(h.log.pendingCount(SpeedLayer.GROUP)).isEqualTo(20);

      SpeedLayer c = h.speed(4);
      Harness.drain(c);
      assertThat(h.log.pendingCount(SpeedLayer.GROUP)).isZero();
      assertThat(h.view.current().orElseThrow().applied()).isEqualTo(30);
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
    }
  }

  @Test
  void poisonRecordGoesToDeadLettersAndTheConsumerGoesOn(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(6, 8).season(S1, START, 10);
      h.ingest(matches.subList(0, 5));
      var sync = h.connection.sync();
      long poison = sync.incr(h.layout.logOffset());
      sync.xadd(
          h.layout.log(),
          new io.lettuce.core.XAddArgs().id(RedisLayout.logId(poison)),
          java.util.Map.of("m", "{\"match_id\": \"broken", "t", "1"));
      h.ingest(matches.subList(5, 10));
      SpeedLayer speed = h.speed(4);
      Harness.drain(speed);
      assertThat(h.view.current().orElseThrow().applied()).isEqualTo(11);
      var dead = sync.xrange(h.layout.deadLetters(), io.lettuce.core.Range.create("-", "+"));
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).getBody().get("offset")).isEqualTo(Long.toString(poison));
      assertThat(dead.get(0).getBody().get("reason")).contains("not valid JSON");
      assertThat(h.metrics.deadLetters.count()).isEqualTo(1.0);
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));

      Archiver archiver = h.archiver(100);
      Harness.drain(archiver);
      assertThat(archiver.checkpoint()).isEqualTo(11);
      assertThat(h.archived(11)).hasSize(10);
    }
  }

  @Test
  void crashDuringHandOverReplayThenRestartSwitchesExactlyOnce(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(7, 8).season(S1, START, 40);
      h.ingest(matches);
      SpeedLayer a = h.speed(5);
      Harness.drain(a);
      Archiver archiver = h.archiver(25);
      archiver.step(); // archives 1..25
      long l = archiver.checkpoint();
      assertThat(l).isEqualTo(25);
      long old = h.view.current().orElseThrow().id();
      Generation next = h.publish("v1", l, h.archived(l));
      a.catchUp(next.id(), 1); // replayed 26..30 into the new generation, then died
      assertThat(h.view.generation(next.id()).orElseThrow().applied()).isEqualTo(30);
      // readers still see the old generation, complete
      assertThat(h.view.page(S1, Board.global(), 0, 5).orElseThrow().stamp().generation())
          .isEqualTo(old);

      SpeedLayer b = h.speed(5);
      b.step(); // recovers, finishes the replay, switches, drops
      Generation now = h.view.current().orElseThrow();
      assertThat(now.id()).isEqualTo(next.id());
      assertThat(now.applied()).isEqualTo(40);
      assertThat(h.view.generation(old)).isEmpty();
      assertThat(h.connection.sync().keys(h.layout.generationPrefix(old) + "*")).isEmpty();
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
    }
  }

  @Test
  void crashAfterSwitchBeforeDropIsCleanedUpAtRestart(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(8, 8).season(S1, START, 20);
      h.ingest(matches);
      SpeedLayer a = h.speed(50);
      Harness.drain(a);
      long old = h.view.current().orElseThrow().id();
      Generation next = h.publish("v1", 10, matches.subList(0, 10));
      a.catchUp(next.id(), Integer.MAX_VALUE);
      assertThat(h.view.switchTo(next.id())).hasValue(old); // then the process died
      assertThat(h.view.generation(old).orElseThrow().state()).isEqualTo(Generation.State.RETIRED);

      h.speed(50).recover();
      assertThat(h.view.generation(old)).isEmpty();
      assertThat(h.connection.sync().keys(h.layout.generationPrefix(old) + "*")).isEmpty();
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
    }
  }

  @Test
  void halfLoadedGenerationIsNeverReadAndIsDroppedByTheNextLoad(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(9, 8).season(S1, START, 20);
      h.ingest(matches);
      SpeedLayer speed = h.speed(50);
      Harness.drain(speed);
      long live = h.view.current().orElseThrow().id();
      List<PlayerState> states =
          new Recompute(Harness.PARAMS, Harness.CALENDAR, matches.subList(0, 10)).states();
      Iterable<PlayerState> dying =
          () ->
              new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                  return true;
                }

                @Override
                public PlayerState next() {
                  if (i == 3) {
                    throw new IllegalStateException("publish step killed");
                  }
                  return states.get(i++);
                }
              };
      assertThatThrownBy(() -> h.view.loadGeneration("v1", 10, dying))
          .hasMessageContaining("killed");
      assertThat(h.view.generations()).anyMatch(g -> g.state() == Generation.State.LOADING);
      speed.step();
      assertThat(h.view.current().orElseThrow().id()).isEqualTo(live);

      Generation next = h.publish("v1", 10, matches.subList(0, 10));
      assertThat(h.view.generations()).noneMatch(g -> g.state() == Generation.State.LOADING);
      speed.step();
      assertThat(h.view.current().orElseThrow().id()).isEqualTo(next.id());
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
    }
  }

  @Test
  void staleBatchViewNeverReplacesANewerOne(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(10, 8).season(S1, START, 20);
      h.ingest(matches);
      SpeedLayer speed = h.speed(50);
      Harness.drain(speed);
      Generation v2 = h.publish("v2", 15, matches.subList(0, 15));
      speed.step();
      assertThat(h.view.current().orElseThrow().id()).isEqualTo(v2.id());
      h.publish("v1", 10, matches.subList(0, 10));
      speed.step();
      assertThat(h.view.current().orElseThrow().id()).isEqualTo(v2.id());
      assertThat(h.view.next()).isEmpty();
      assertThat(h.view.generations()).extracting(Generation::id).containsExactly(v2.id());
      h.assertEqualsRecompute(new Recompute(Harness.PARAMS, Harness.CALENDAR, matches));
    }
  }

  @Test
  void archiverCrashBetweenCommitAndCheckpointWritesEveryMatchOnce(RedisEndpoint redis) {
    try (Harness h = new Harness(redis, data)) {
      List<MatchEvent> matches = new Matches(11, 8).season(S1, START, 30);
      h.ingest(matches.subList(0, 20));
      Archiver archiver = h.archiver(100);
      Harness.drain(archiver);
      assertThat(archiver.checkpoint()).isEqualTo(20);
      h.ingest(matches.subList(20, 30));
      // the crashed attempt committed its file for 21..30 but never moved the checkpoint
      try (MatchDatasetWriter w = MatchDatasetWriter.builder(h.dataRoot, "log-21").build()) {
        for (LogEntry e : h.log.after(20, 100)) {
          w.write(MatchJson.parse(e.json()).event());
        }
      }
      assertThat(archiver.checkpoint()).isEqualTo(20);
      assertThat(h.archived(20)).hasSize(20); // what a batch reads now: unaffected
      Harness.drain(archiver);
      assertThat(archiver.checkpoint()).isEqualTo(30);
      List<MatchEvent> read = h.archived(30);
      Set<String> ids = read.stream().map(MatchEvent::matchId).collect(Collectors.toSet());
      assertThat(read).hasSize(30);
      assertThat(ids).isEqualTo(new HashSet<>(matches.stream().map(MatchEvent::matchId).toList()));
      assertThat(read).allMatch(e -> e.logOffset() >= 1 && e.acceptedAt() != null);
    }
  }
}
