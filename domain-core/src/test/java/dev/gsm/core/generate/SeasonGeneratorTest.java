package dev.gsm.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeasonGeneratorTest {

  static final GeneratorOptions OPTIONS =
      GeneratorOptions.defaults().withPlayers(3000).withMatches(40_000).withBadRecordShare(0.01);

  static List<MatchEvent> records;
  static List<MatchEvent> valid;
  static GenerationResult result;
  static Map<String, PlayerTruth> truth;

  @BeforeAll
  static void generate() {
    records = new ArrayList<>();
    result = new SeasonGenerator(OPTIONS).run(records::add);
    Set<String> seen = new HashSet<>();
    valid = new ArrayList<>();
    for (MatchEvent e : records) {
      if (MatchValidator.validate(e).isEmpty() && seen.add(e.matchId())) {
        valid.add(e);
      }
    }
    truth = new HashMap<>();
    result.groundTruth().players().forEach(t -> truth.put(t.playerId(), t));
  }

  @Test
  void sameSeedGivesIdenticalSeason() {
    GeneratorOptions small = OPTIONS.withPlayers(800).withMatches(3000);
    List<MatchEvent> a = new ArrayList<>();
    List<MatchEvent> b = new ArrayList<>();
    List<MatchEvent> c = new ArrayList<>();
    GenerationResult ra = new SeasonGenerator(small).run(a::add);
    GenerationResult rb = new SeasonGenerator(small).run(b::add);
    new SeasonGenerator(small.withSeed(7)).run(c::add);

    assertThat(a).hasSize(3000).isEqualTo(b);
    assertThat(ra.groundTruth().players().toList()).isEqualTo(rb.groundTruth().players().toList());
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void producesExactlyTheRequestedRecordsWithTheConfiguredModeShares() {
    assertThat(result.records()).isEqualTo(OPTIONS.matches());
    assertThat(records).hasSize((int) OPTIONS.matches());
    long generated = result.matchesByMode().values().stream().mapToLong(Long::longValue).sum();
    assertThat(generated + result.badRecords().get(BadRecordKind.EXACT_DUPLICATE))
        .isEqualTo(OPTIONS.matches());
    assertThat(result.matchesByMode().get("duel") / (double) generated).isBetween(0.37, 0.43);
    assertThat(result.matchesByMode().get("5v5") / (double) generated).isBetween(0.32, 0.38);
    assertThat(result.matchesByMode().get("battle_royale") / (double) generated)
        .isBetween(0.22, 0.28);
    Set<String> regions = new HashSet<>();
    Set<String> platforms = new HashSet<>();
    valid.forEach(
        e -> {
          regions.add(e.region());
          platforms.add(e.platform());
        });
    assertThat(regions).hasSize(Region.values().length);
    assertThat(platforms).containsExactlyInAnyOrder("pc", "playstation", "xbox", "mobile");
    assertThat(result.draws()).isPositive();
  }

  @Test
  void matchesFillTheSeasonInEventTimeOrder() {
    SeasonCalendar cal = SeasonCalendar.quarterly();
    Instant start = cal.start(OPTIONS.season());
    Instant end = cal.end(OPTIONS.season());
    Instant previous = Instant.MIN;
    Set<String> days = new HashSet<>();
    for (MatchEvent e : valid) {
      assertThat(e.season()).isEqualTo(OPTIONS.season());
      assertThat(e.startedAt()).isAfterOrEqualTo(start);
      assertThat(e.endedAt()).isBefore(end);
      assertThat(cal.seasonOf(e.endedAt())).isEqualTo(OPTIONS.season());
      assertThat(e.endedAt()).isAfterOrEqualTo(previous);
      previous = e.endedAt();
      days.add(DatasetLayout.partitionDate(e.endedAt()).toString());
    }
    assertThat(days).hasSizeGreaterThanOrEqualTo(90);
  }

  @Test
  void plantedBadRecordsAreAllRejectedByTheValidator() {
    GeneratorOptions dirty = OPTIONS.withPlayers(1000).withMatches(10_000).withBadRecordShare(0.05);
    List<MatchEvent> out = new ArrayList<>();
    GenerationResult r = new SeasonGenerator(dirty).run(out::add);

    long rejected = out.stream().filter(e -> !MatchValidator.validate(e).isEmpty()).count();
    Map<String, Integer> ids = new HashMap<>();
    out.forEach(e -> ids.merge(e.matchId(), 1, Integer::sum));
    long repeats = ids.values().stream().mapToLong(n -> n - 1).sum();

    Map<BadRecordKind, Long> planted = r.badRecords();
    assertThat(planted.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(rejected).isEqualTo(r.badRecordTotal() - planted.get(BadRecordKind.EXACT_DUPLICATE));
    assertThat(repeats).isEqualTo(planted.get(BadRecordKind.EXACT_DUPLICATE));
    assertThat(r.badRecordTotal() / (double) dirty.matches()).isBetween(0.04, 0.06);
    assertThat(r.groundTruth().badRecords()).isEqualTo(planted);
  }

  @Test
  void lopsidedLossesRaiseChurn() {
    // for each player's last valid appearance: did he quit after it, and was it a lopsided loss?
    Map<String, Boolean> lastWasLopsided = new HashMap<>();
    for (MatchEvent e : valid) {
      long best = 0;
      for (Side s : e.sides()) {
        if (s.placement() == 1) {
          best = Math.max(best, sideScore(s));
        }
      }
      for (Side s : e.sides()) {
        boolean lop =
            e.sides().size() == 2
                ? s.placement() == 2 && sideScore(s) * 2 < best
                : s.placement() > e.sides().size() * 3 / 4;
        for (PlayerResult p : s.players()) {
          lastWasLopsided.put(p.playerId(), lop);
        }
      }
    }
    long lopsidedLast = lastWasLopsided.values().stream().filter(b -> b).count();
    long churnedAfterLopsided =
        lastWasLopsided.entrySet().stream()
            .filter(en -> en.getValue() && truth.get(en.getKey()).churned())
            .count();
    long otherLast = lastWasLopsided.size() - lopsidedLast;
    long churnedAfterOther =
        lastWasLopsided.entrySet().stream()
            .filter(en -> !en.getValue() && truth.get(en.getKey()).churned())
            .count();
    double afterLopsided = churnedAfterLopsided / (double) lopsidedLast;
    double afterOther = churnedAfterOther / (double) otherLast;
    assertThat(afterLopsided).isGreaterThan(2 * afterOther);
    assertThat(result.churnedPlayers()).isBetween(100, 2000);
  }

  @Test
  void churnedPlayersNeverPlayAgain() {
    for (MatchEvent e : valid) {
      for (Side s : e.sides()) {
        for (PlayerResult p : s.players()) {
          PlayerTruth t = truth.get(p.playerId());
          if (t.churned()) {
            assertThat(e.endedAt()).isBeforeOrEqualTo(t.churnedAt());
          }
        }
      }
    }
  }

  @Test
  void playersNeverPlayTwoMatchesAtOnce() {
    Map<String, Instant> busyUntil = new HashMap<>();
    List<MatchEvent> byStart = new ArrayList<>(valid);
    byStart.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
    for (MatchEvent e : byStart) {
      for (Side s : e.sides()) {
        for (PlayerResult p : s.players()) {
          Instant until = busyUntil.get(p.playerId());
          if (until != null) {
            assertThat(e.startedAt()).isAfterOrEqualTo(until);
          }
          busyUntil.put(p.playerId(), e.endedAt());
        }
      }
    }
  }

  @Test
  void aggressivePlayersKillMoreThanSupports() {
    Map<PlayStyle, double[]> sums = new HashMap<>();
    for (MatchEvent e : valid) {
      if (!e.mode().equals("5v5")) {
        continue;
      }
      for (Side s : e.sides()) {
        for (PlayerResult p : s.players()) {
          double[] acc = sums.computeIfAbsent(truth.get(p.playerId()).style(), k -> new double[6]);
          acc[0] += p.stats().kills();
          acc[1] += p.stats().deaths();
          acc[2] += p.stats().assists();
          acc[3] += p.stats().healing();
          acc[4] += p.stats().objectives();
          acc[5]++;
        }
      }
    }
    double[] aggressive = mean(sums.get(PlayStyle.AGGRESSIVE));
    double[] support = mean(sums.get(PlayStyle.SUPPORT));
    double[] objective = mean(sums.get(PlayStyle.OBJECTIVE));
    double[] cautious = mean(sums.get(PlayStyle.CAUTIOUS));
    double[] balanced = mean(sums.get(PlayStyle.BALANCED));
    assertThat(aggressive[0]).isGreaterThan(2 * support[0]);
    assertThat(aggressive[1]).isGreaterThan(1.3 * balanced[1]);
    assertThat(support[2]).isGreaterThan(1.5 * balanced[2]);
    assertThat(support[3]).isGreaterThan(3 * balanced[3]);
    assertThat(objective[4]).isGreaterThan(2 * balanced[4]);
    assertThat(cautious[1]).isLessThan(0.6 * balanced[1]);
  }

  @Test
  void strongerPlayersWinMoreDuelsAndOpponentsAreCloseInSkill() {
    int decided = 0;
    int strongerWon = 0;
    double gap = 0;
    double randomGap = 0;
    List<PlayerTruth> all = result.groundTruth().players().toList();
    java.util.SplittableRandom r = new java.util.SplittableRandom(1);
    for (MatchEvent e : valid) {
      if (!e.mode().equals("duel")) {
        continue;
      }
      PlayerTruth a = truth.get(e.sides().get(0).players().get(0).playerId());
      PlayerTruth b = truth.get(e.sides().get(1).players().get(0).playerId());
      gap += Math.abs(a.initialSkill() - b.initialSkill());
      randomGap +=
          Math.abs(
              all.get(r.nextInt(all.size())).initialSkill()
                  - all.get(r.nextInt(all.size())).initialSkill());
      int pa = e.sides().get(0).placement();
      int pb = e.sides().get(1).placement();
      if (pa != pb && Math.abs(a.initialSkill() - b.initialSkill()) > 0.5) {
        decided++;
        boolean aStronger = a.initialSkill() > b.initialSkill();
        strongerWon += (pa == 1) == aStronger ? 1 : 0;
      }
    }
    assertThat(strongerWon / (double) decided).isGreaterThan(0.6);
    assertThat(gap).isLessThan(0.8 * randomGap);
  }

  @Test
  void plantedPeakHoursRaisePerformance() {
    int[] wins = new int[2];
    int[] games = new int[2];
    for (MatchEvent e : valid) {
      if (e.sides().size() != 2 || !e.mode().equals("duel")) {
        continue;
      }
      int hour = e.startedAt().atZone(ZoneOffset.UTC).getHour();
      DayOfWeek dow = e.startedAt().atZone(ZoneOffset.UTC).getDayOfWeek();
      for (Side s : e.sides()) {
        PlayerTruth t = truth.get(s.players().get(0).playerId());
        if (t.peakHoursUtc().isEmpty()) {
          continue;
        }
        boolean dayOk =
            t.peakDaysUtc().equals("all") || dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
        int in = t.peakHoursUtc().contains(hour) && dayOk ? 1 : 0;
        games[in]++;
        wins[in] += s.placement() == 1 ? 1 : 0;
      }
    }
    assertThat(games[1]).isGreaterThan(100);
    assertThat(wins[1] / (double) games[1]).isGreaterThan(wins[0] / (double) games[0] + 0.1);
    assertThat(truth.values().stream().filter(t -> !t.peakHoursUtc().isEmpty()).count())
        .isBetween(450L, 750L);
  }

  @Test
  void eveningsAndWeekendsAreBusierThanMorningsAndWeekdays() {
    int evening = 0;
    int morning = 0;
    int weekend = 0;
    int midweek = 0;
    for (MatchEvent e : valid) {
      if (!e.region().equals("eu-west")) {
        continue;
      }
      var local = e.startedAt().atOffset(ZoneOffset.ofHours(1));
      int h = local.getHour();
      evening += h >= 19 && h < 22 ? 1 : 0;
      morning += h >= 6 && h < 9 ? 1 : 0;
      DayOfWeek d = local.getDayOfWeek();
      weekend += d == DayOfWeek.SATURDAY ? 1 : 0;
      midweek += d == DayOfWeek.TUESDAY ? 1 : 0;
    }
    assertThat(evening).isGreaterThan(5 * morning);
    assertThat(weekend).isGreaterThan((int) (1.2 * midweek));
  }

  @Test
  void groundTruthCsvHasOneRowPerPlayer() {
    StringBuilder sb = new StringBuilder();
    result.groundTruth().writePlayersCsv(sb);
    String[] lines = sb.toString().split("\n");
    assertThat(lines[0]).isEqualTo(GroundTruth.PLAYERS_HEADER);
    assertThat(lines).hasSize(OPTIONS.players() + 1);
    assertThat(lines[1].split(",", -1)).hasSize(GroundTruth.PLAYERS_HEADER.split(",").length);
    StringBuilder bad = new StringBuilder();
    result.groundTruth().writeBadRecordsCsv(bad);
    assertThat(bad.toString()).startsWith("kind,count").contains("exact_duplicate,");
  }

  @Test
  void invalidOptionsNameEveryProblem() {
    assertThatThrownBy(
            () ->
                new GeneratorOptions(
                    1, 10, 100, "2026-S3", 0.5, 0.5, 0.5, 0.9, 0.9, 0.01, 0.2, 0.15, 8.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("players")
        .hasMessageContaining("mode shares")
        .hasMessageContaining("bad record share");
    assertThatThrownBy(() -> GeneratorOptions.defaults().withSeason("2026-S9"))
        .hasMessageContaining("season");
  }

  private static long sideScore(Side s) {
    long sum = 0;
    for (PlayerResult p : s.players()) {
      sum += p.stats().score();
    }
    return sum;
  }

  private static double[] mean(double[] acc) {
    double[] m = new double[acc.length - 1];
    for (int i = 0; i < m.length; i++) {
      m[i] = acc[i] / acc[acc.length - 1];
    }
    return m;
  }
}
