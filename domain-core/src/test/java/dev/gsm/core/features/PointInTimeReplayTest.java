package dev.gsm.core.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PointInTimeReplayTest {

  static List<MatchEvent> season;

  @BeforeAll
  static void generate() {
    season = validSeason(20_000, 2_000, 7L);
  }

  static List<MatchEvent> validSeason(long matches, int players, long seed) {
    List<MatchEvent> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    new SeasonGenerator(
            GeneratorOptions.defaults().withMatches(matches).withPlayers(players).withSeed(seed))
        .run(
            e -> {
              if (MatchValidator.validate(e, Instant.parse("2030-01-01T00:00:00Z")).isEmpty()
                  && ids.add(e.matchId())) {
                out.add(e);
              }
            });
    return out;
  }

  private static PointInTimeReplay replay() {
    return new PointInTimeReplay(RatingParameters.defaults(), PointInTimeReplay.Options.defaults());
  }

  @Test
  void alteringEveryMatchEndingAtOrAfterACutoffLeavesEveryEarlierFeatureUnchanged() {
    List<MatchEvent> sorted = new ArrayList<>(season);
    sorted.sort(PointInTimeReplay.START_ORDER);
    Instant cutoff = sorted.get(sorted.size() / 2).startedAt();

    // The future is rewritten: every match that ended at or after the cutoff has its outcome
    // reversed, and those that started at or after it also get other players (a permutation of the
    // ids); the input order is shuffled. Matches that started before the cutoff keep their rosters,
    // so their features can be compared: a match that was still running at the cutoff has its own
    // result reversed, which is a label, not a feature.
    Random rnd = new Random(11);
    Set<String> ids = new java.util.TreeSet<>();
    season.forEach(e -> e.sides().forEach(s -> s.players().forEach(p -> ids.add(p.playerId()))));
    List<String> from = new ArrayList<>(ids);
    List<String> to = new ArrayList<>(ids);
    Collections.shuffle(to, rnd);
    Map<String, String> rename = new HashMap<>();
    for (int i = 0; i < from.size(); i++) {
      rename.put(from.get(i), to.get(i));
    }
    List<MatchEvent> altered = new ArrayList<>();
    for (MatchEvent e : season) {
      altered.add(
          e.endedAt().isBefore(cutoff)
              ? e
              : rewrite(e, e.startedAt().isBefore(cutoff) ? Map.of() : rename));
    }
    Collections.shuffle(altered, rnd);

    Map<String, double[]> before = winFeatures(replay().run(season));
    Map<String, double[]> after = winFeatures(replay().run(altered));
    Map<String, double[]> engBefore = engagementFeatures(replay().run(season));
    Map<String, double[]> engAfter = engagementFeatures(replay().run(altered));

    int checked = 0;
    for (MatchEvent e : season) {
      if (e.startedAt().isBefore(cutoff) && before.containsKey(e.matchId())) {
        assertThat(after.get(e.matchId())).as(e.matchId()).isEqualTo(before.get(e.matchId()));
        checked++;
      }
    }
    int engChecked = 0;
    Set<String> early = new HashSet<>();
    season.stream()
        .filter(e -> e.startedAt().isBefore(cutoff))
        .forEach(e -> early.add(e.matchId()));
    for (Map.Entry<String, double[]> en : engBefore.entrySet()) {
      if (early.contains(en.getKey().substring(0, en.getKey().indexOf('/')))) {
        engChecked++;
        assertThat(engAfter.get(en.getKey())).as(en.getKey()).isEqualTo(en.getValue());
      }
    }
    assertThat(checked).isGreaterThan(4_000);
    assertThat(engChecked).isGreaterThan(50_000);
  }

  @Test
  void aMatchDoesNotSeeOneThatEndedAfterItStartedEvenIfThatOneStartedEarlier() {
    Instant t0 = Instant.parse("2026-08-01T12:00:00Z");
    MatchEvent longGame = duel("m-long", "alice", "bob", t0, t0.plusSeconds(3600));
    MatchEvent overlapping =
        duel("m-next", "alice", "carol", t0.plusSeconds(600), t0.plusSeconds(1200));
    MatchEvent later =
        duel("m-later", "alice", "carol", t0.plusSeconds(7200), t0.plusSeconds(7800));
    PointInTimeReplay.Result r = replay().run(List.of(later, overlapping, longGame));
    Map<String, PointInTimeReplay.EngagementExample> alice = new HashMap<>();
    r.engagement().stream()
        .filter(e -> e.playerId().equals("alice"))
        .forEach(e -> alice.put(e.matchId(), e));
    int games = MatchFeatures.ENGAGEMENT_FEATURES.indexOf("experience");
    assertThat(alice.get("m-next").features()[games]).isZero();
    assertThat(alice.get("m-later").features()[games]).isEqualTo(Math.log1p(2));
  }

  @Test
  void engagementLabelSaysWhetherThePlayerCameBackWithinTheWindowAndIsUnknownNearTheEnd() {
    Instant t0 = Instant.parse("2026-08-01T12:00:00Z");
    List<MatchEvent> ms =
        List.of(
            duel("m1", "alice", "bob", t0, t0.plusSeconds(600)),
            duel(
                "m2",
                "alice",
                "carol",
                t0.plus(Duration.ofDays(2)),
                t0.plus(Duration.ofDays(2)).plusSeconds(600)),
            duel(
                "m3",
                "dave",
                "carol",
                t0.plus(Duration.ofDays(10)),
                t0.plus(Duration.ofDays(10)).plusSeconds(600)));
    PointInTimeReplay.Result r = replay().run(ms);
    Map<String, Boolean> label = new HashMap<>();
    r.engagement().forEach(e -> label.put(e.matchId() + "/" + e.playerId(), e.playedAgain()));
    assertThat(label.get("m1/alice")).isTrue();
    assertThat(label.get("m1/bob")).isFalse();
    assertThat(label.get("m2/alice")).isFalse();
    assertThat(label.get("m2/carol")).isFalse();
    assertThat(label.get("m3/dave")).isNull();
    assertThat(r.censored()).isEqualTo(2);
  }

  @Test
  void inputOrderDoesNotChangeTheExamples() {
    List<MatchEvent> shuffled = new ArrayList<>(season.subList(0, 5_000));
    Map<String, double[]> a = winFeatures(replay().run(shuffled));
    Collections.shuffle(shuffled, new Random(3));
    Map<String, double[]> b = winFeatures(replay().run(shuffled));
    assertThat(b).containsOnlyKeys(a.keySet());
    a.forEach((k, v) -> assertThat(b.get(k)).isEqualTo(v));
  }

  static MatchEvent duel(String id, String winner, String loser, Instant start, Instant end) {
    return new MatchEvent(
        1,
        id,
        "2026-S3",
        "duel",
        "eu",
        "pc",
        start,
        end,
        List.of(
            new Side("a", 1, List.of(new PlayerResult(winner, null))),
            new Side("b", 2, List.of(new PlayerResult(loser, null)))),
        false,
        true);
  }

  private static MatchEvent rewrite(MatchEvent e, Map<String, String> rename) {
    List<Side> sides = new ArrayList<>();
    int n = e.sides().size();
    for (Side s : e.sides()) {
      List<PlayerResult> ps = new ArrayList<>();
      for (PlayerResult p : s.players()) {
        ps.add(new PlayerResult(rename.getOrDefault(p.playerId(), p.playerId()), p.stats()));
      }
      sides.add(new Side(s.sideId(), n + 1 - s.placement(), ps));
    }
    return e.withSides(sides);
  }

  private static Map<String, double[]> winFeatures(PointInTimeReplay.Result r) {
    Map<String, double[]> m = new HashMap<>();
    r.win().forEach(w -> m.put(w.matchId(), w.features()));
    return m;
  }

  /** Engagement features keyed by match and player, for matches of unchanged rosters. */
  private static Map<String, double[]> engagementFeatures(PointInTimeReplay.Result r) {
    Map<String, double[]> m = new HashMap<>();
    r.engagement().forEach(e -> m.put(e.matchId() + "/" + e.playerId(), e.features()));
    return m;
  }

  @Test
  void finalHistoriesGiveTheFeaturesTheReplayComputesForTheNextMatch() {
    List<MatchEvent> sorted = new ArrayList<>(season);
    sorted.sort(PointInTimeReplay.START_ORDER);
    Map<String, byte[]> histories = replay().finalHistories(sorted);
    MatchEvent last =
        sorted.stream().filter(m -> m.sides().size() == 2).reduce((x, y) -> y).orElseThrow();
    Instant latestEnd = sorted.stream().map(MatchEvent::endedAt).max(Instant::compareTo).get();
    // a probe match after everything: the replay's own features for it vs. the exported histories
    MatchEvent probe =
        last.withMatchId("probe-match")
            .withTimes(latestEnd.plusSeconds(3_600), latestEnd.plusSeconds(5_400));
    List<MatchEvent> withProbe = new ArrayList<>(sorted);
    withProbe.add(probe);
    PointInTimeReplay.Result r = replay().run(withProbe);
    PointInTimeReplay.WinExample ex =
        r.win().stream().filter(w -> w.matchId().equals("probe-match")).findFirst().orElseThrow();
    long now = probe.startedAt().getEpochSecond();
    MatchFeatures features =
        new MatchFeatures(new dev.gsm.core.rating.RatingPredictor(RatingParameters.defaults()));
    dev.gsm.core.rating.PlayerRating any =
        dev.gsm.core.rating.PlayerRating.newcomer(RatingParameters.defaults());
    int a = (probe.matchId().hashCode() & 1) == 0 ? 0 : 1;
    List<PlayerSnapshot> sa = snapshots(probe.sides().get(a), histories, any, now);
    List<PlayerSnapshot> sb = snapshots(probe.sides().get(1 - a), histories, any, now);
    double[] x = features.win(sa, sb, now);
    // every feature but the two that read the rating (rating_logit, experience_diff)
    for (int f : new int[] {1, 2, 3, 5, 6}) {
      assertThat(x[f]).as(MatchFeatures.WIN_FEATURES.get(f)).isEqualTo(ex.features()[f]);
    }
    assertThat(histories).hasSizeGreaterThan(1_000);
  }

  private static List<PlayerSnapshot> snapshots(
      Side side, Map<String, byte[]> histories, dev.gsm.core.rating.PlayerRating rating, long now) {
    List<PlayerSnapshot> out = new ArrayList<>();
    for (PlayerResult p : side.players()) {
      out.add(PlayerHistory.snapshotOf(histories.get(p.playerId()), rating, now));
    }
    return out;
  }
}
