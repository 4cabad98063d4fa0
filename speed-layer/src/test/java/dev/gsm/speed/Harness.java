package dev.gsm.speed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.realtime.Accepted;
import dev.gsm.realtime.Board;
import dev.gsm.realtime.Generation;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.PlayerState;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.testing.RedisEndpoint;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/** Real Redis, a real master dataset folder, the real engine: the speed layer's parts wired. */
final class Harness implements AutoCloseable {
  static final RatingParameters PARAMS = RatingParameters.defaults().withSmoothing(0, 1);
  static final SeasonCalendar CALENDAR = SeasonCalendar.quarterly();

  final RedisClient client;
  final StatefulRedisConnection<String, String> connection;
  final RedisLayout layout;
  final RealtimeView view;
  final MatchLog log;
  final SpeedMetrics metrics = new SpeedMetrics(new SimpleMeterRegistry());
  final String dataRoot;
  private int consumers;

  Harness(RedisEndpoint redis, Path data) {
    client = RedisClient.create(redis.url());
    connection = client.connect();
    layout = new RedisLayout(redis.keyPrefix() + Long.toHexString(System.nanoTime()) + ":");
    view = new RealtimeView(connection, layout, PARAMS);
    log = new MatchLog(connection.sync(), layout);
    dataRoot = "file://" + data.toAbsolutePath();
  }

  /** An applier wired as gsm speed wires it: player states read on a connection of their own. */
  MatchApplier applier() {
    return new MatchApplier(
        view,
        new RealtimeView(client.connect(), layout, PARAMS),
        log,
        new RatingEngine(PARAMS),
        CALENDAR,
        MatchApplier.DEFAULT_CACHE);
  }

  /** A speed layer process with a consumer name of its own. */
  SpeedLayer speed(int batchSize) {
    return new SpeedLayer(
        view,
        log,
        applier(),
        metrics,
        "speed-" + (consumers++),
        batchSize,
        Duration.ofMillis(1),
        Clock.systemUTC());
  }

  Archiver archiver(int batchSize) {
    return new Archiver(
        log,
        connection.sync(),
        dataRoot,
        new Configuration(),
        metrics,
        "archiver-" + (consumers++),
        batchSize,
        Duration.ofMillis(1));
  }

  List<Accepted> ingest(List<MatchEvent> events) {
    List<Accepted> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i += MatchLog.MAX_BATCH) {
      out.addAll(
          log.append(
              events.subList(i, Math.min(events.size(), i + MatchLog.MAX_BATCH)), Instant.now()));
    }
    return out;
  }

  static void drain(SpeedLayer speed) {
    while (speed.step() > 0) {
      // until the log is exhausted
    }
  }

  static void drain(Archiver archiver) {
    while (archiver.step() > 0) {
      // until the log is exhausted
    }
  }

  /** What a nightly batch reads: every archived match with log_offset <= the checkpoint. */
  List<MatchEvent> archived(long checkpoint) {
    List<MatchEvent> out = new ArrayList<>();
    Configuration conf = new Configuration();
    for (String season : MatchDatasetReader.seasons(dataRoot, conf)) {
      for (MatchEvent e : MatchDatasetReader.readSeason(dataRoot, season, conf)) {
        if (e.logOffset() <= checkpoint) {
          out.add(e);
        }
      }
    }
    return out;
  }

  /** The publish step: a batch view over {@code matches} at watermark L, loaded and ready. */
  Generation publish(String version, long watermark, List<MatchEvent> matches) {
    Recompute r = new Recompute(PARAMS, CALENDAR, matches);
    return view.loadGeneration(version, watermark, r.states());
  }

  /** Every player's state and every board of the current generation equal the recompute's. */
  void assertEqualsRecompute(Recompute r) {
    Generation g = view.current().orElse(null);
    if (g == null) {
      assertThat(r.global).as("no generation yet, so nothing may be applied").isEmpty();
      return;
    }
    for (String season : r.global.keySet()) {
      List<PlayerState> expected = new ArrayList<>();
      List<String> ids = r.globalRanking(season);
      for (String id : ids) {
        expected.add(r.state(season, id));
      }
      Map<String, PlayerState> actual = view.readPlayers(g.id(), season, ids);
      assertThat(ids).allSatisfy(id -> assertThat(actual.get(id)).isEqualTo(r.state(season, id)));
      assertThat(view.boardMembers(g.id(), season, Board.global()))
          .as("global board of %s", season)
          .isEqualTo(ids);
      for (String mode : r.modes.get(season).keySet()) {
        assertThat(view.boardMembers(g.id(), season, Board.mode(mode)))
            .as("%s board of %s", mode, season)
            .isEqualTo(r.modeRanking(season, mode));
      }
      for (String region : Matches.REGIONS) {
        assertThat(view.boardMembers(g.id(), season, Board.region(region)))
            .as("%s board of %s", region, season)
            .isEqualTo(r.regionRanking(season, region));
      }
      assertThat(expected).hasSameSizeAs(actual.values());
    }
  }

  @Override
  public void close() {
    connection.close();
    client.shutdown();
  }
}
