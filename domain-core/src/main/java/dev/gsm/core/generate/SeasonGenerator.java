package dev.gsm.core.generate;

import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Plays a synthetic season and hands every match record to a sink, in delivery order: by {@code
 * ended_at}, except re-sent duplicates, which arrive a little after their original.
 *
 * <p>The model, in the order a match is made:
 *
 * <ol>
 *   <li>Time runs in ten-minute ticks. The number of matches per tick follows the evening and
 *       weekend peaks of each region's local time, weighted by the activity of its players, and
 *       adds up to exactly {@link GeneratorOptions#matches()}.
 *   <li>Each match goes to a region × platform pool and a format (duel, 5v5, battle royale of
 *       solos, duos or squads). Players are drawn from the pool by activity (heavy or casual),
 *       never while in another match or after they quit; the drawn players are sorted by a noisy
 *       skill estimate and cut into matches, so opponents are close in skill but not equal.
 *   <li>Each player performs at latent skill (a slow random walk), plus a boost in his planted peak
 *       hours, plus unit Gaussian noise; a side performs at its players' mean. The better side
 *       wins; close duel and 5v5 results are draws; battle royale sides are placed in order.
 *   <li>Statistics follow the mode, the player's planted {@link PlayStyle} and his form in the
 *       match. A loser whose side scored under half the winner's (or a battle royale side placed in
 *       the bottom quarter) took a lopsided loss, which multiplies his chance to quit.
 * </ol>
 *
 * Deterministic: one {@link SplittableRandom} seeded from the options, drawn in a fixed order; no
 * hash-ordered collection is iterated. Memory stays flat: players live in primitive arrays and only
 * matches not yet delivered (a few ticks' worth) are held.
 */
public final class SeasonGenerator {

  static final int TICK_SECONDS = 600;

  /** The last matches end this long before the season does, so none spills into the next. */
  private static final int TAIL_SECONDS = 2 * 3600;

  private static final int RING = 1024;

  /** Draw band on the difference of side performances, per unit of its standard deviation. */
  private static final double DRAW_BAND = 0.06;

  private static final double NOISY_ESTIMATE_SD = 0.5;

  private static final double[] HOURLY = {
    0.35, 0.20, 0.12, 0.08, 0.06, 0.06, 0.08, 0.12, 0.18, 0.22, 0.26, 0.30, 0.35, 0.38, 0.40, 0.45,
    0.55, 0.70, 0.85, 1.00, 1.00, 0.95, 0.80, 0.55
  };

  /** Monday first. */
  private static final double[] WEEKLY = {1.0, 0.95, 1.0, 1.0, 1.15, 1.35, 1.3};

  private static final BadRecordKind[] KINDS = BadRecordKind.values();
  private static final PlayStyle[] STYLES = PlayStyle.values();
  private static final Region[] REGIONS = Region.values();
  private static final Platform[] PLATFORMS = Platform.values();

  /** A match format: its mode, number of sides and players per side. */
  private enum Format {
    DUEL(GameMode.DUEL, 2, 1),
    TEAM(GameMode.TEAM_5V5, 2, 5),
    BR_SOLO(GameMode.BATTLE_ROYALE, 20, 1),
    BR_DUO(GameMode.BATTLE_ROYALE, 20, 2),
    BR_SQUAD(GameMode.BATTLE_ROYALE, 20, 4);

    final GameMode mode;
    final int sides;
    final int sideSize;

    Format(GameMode mode, int sides, int sideSize) {
      this.mode = mode;
      this.sides = sides;
      this.sideSize = sideSize;
    }

    int size() {
      return sides * sideSize;
    }
  }

  private static final Format[] FORMATS = Format.values();
  private static final double[] BR_VARIANTS = {0.5, 0.3, 0.2};

  private final GeneratorOptions o;

  public SeasonGenerator(GeneratorOptions options) {
    this.o = options;
  }

  public GenerationResult run(Consumer<MatchEvent> sink) {
    return new Run(sink).play();
  }

  private final class Run {
    final Consumer<MatchEvent> sink;
    final SplittableRandom rng;
    final Population pop;
    final long seasonStart;
    final String idPrefix;
    final double churnHazard;
    final PriorityQueue<Pending> heap = new PriorityQueue<>();
    final MatchEvent[] ring = new MatchEvent[RING];
    final double[] formatShares;
    final int[] cellCount = new int[Population.GROUPS * FORMATS.length];
    final List<List<BadRecordKind>> cellBad = new ArrayList<>();
    final double[] groupWeight = new double[Population.GROUPS];
    final Map<BadRecordKind, Long> bad = new EnumMap<>(BadRecordKind.class);
    final long[] byMode = new long[GameMode.values().length];
    int[] pool = new int[256];
    long[] keys = new long[256];
    double[] perf = new double[80];
    double[] sidePerf = new double[20];
    int[] placement = new int[20];
    long[] sideScore = new long[20];
    int ringSize;
    long ringNext;
    long seq;
    long matchSeq;
    long records;
    long draws;
    long abandoned;
    long lopsided;
    int tick;

    Run(Consumer<MatchEvent> sink) {
      this.sink = sink;
      SplittableRandom root = new SplittableRandom(o.seed());
      SplittableRandom popRng = root.split();
      this.rng = root.split();
      this.pop = new Population(o.players(), o.peakPlayerShare(), popRng);
      this.seasonStart = SeasonCalendar.quarterly().start(o.season()).getEpochSecond();
      this.idPrefix = "g" + Long.toHexString(o.seed()) + "-" + o.season() + "-";
      double brPlayers = 0;
      for (int i = 0; i < BR_VARIANTS.length; i++) {
        brPlayers += BR_VARIANTS[i] * FORMATS[2 + i].size();
      }
      double perMatch = o.duelShare() * 2 + o.teamShare() * 10 + o.battleRoyaleShare() * brPlayers;
      double appearances = Math.max(1.0, o.matches() * perMatch / o.players());
      // per-appearance hazard that makes about churnShare of players quit without lopsided losses
      this.churnHazard = 1 - Math.pow(1 - o.churnShare(), 1 / appearances);
      this.formatShares =
          new double[] {
            o.duelShare(),
            o.teamShare(),
            o.battleRoyaleShare() * BR_VARIANTS[0],
            o.battleRoyaleShare() * BR_VARIANTS[1],
            o.battleRoyaleShare() * BR_VARIANTS[2]
          };
      for (int i = 0; i < cellCount.length; i++) {
        cellBad.add(new ArrayList<>());
      }
      for (BadRecordKind k : KINDS) {
        bad.put(k, 0L);
      }
    }

    GenerationResult play() {
      long seasonEnd = SeasonCalendar.quarterly().end(o.season()).getEpochSecond();
      int ticks = (int) ((seasonEnd - seasonStart - TAIL_SECONDS) / TICK_SECONDS);
      double[] cumulative = new double[ticks + 1];
      double[] initial = new double[Population.GROUPS];
      for (int g = 0; g < Population.GROUPS; g++) {
        initial[g] = pop.activeActivity(g);
      }
      for (int t = 0; t < ticks; t++) {
        cumulative[t + 1] = cumulative[t] + tickWeight(t, initial, null);
      }
      double total = cumulative[ticks];
      long before = 0;
      for (tick = 0; tick < ticks; tick++) {
        long upTo = Math.round(o.matches() * (cumulative[tick + 1] / total));
        if (tick == ticks - 1) {
          upTo = o.matches();
        }
        playTick((int) (upTo - before));
        before = upTo;
        flush(seasonStart + (long) (tick + 1) * TICK_SECONDS);
      }
      flush(Long.MAX_VALUE);
      int end = ticks * TICK_SECONDS + TAIL_SECONDS;
      int churned = 0;
      for (int p = 0; p < pop.n; p++) {
        pop.drift(p, end, rng);
        churned += pop.churned[p] ? 1 : 0;
      }
      Map<String, Long> modes = new TreeMap<>();
      for (GameMode m : GameMode.values()) {
        modes.put(m.code, byMode[m.ordinal()]);
      }
      return new GenerationResult(
          records,
          modes,
          new EnumMap<>(bad),
          draws,
          abandoned,
          lopsided,
          churned,
          new GroundTruth(pop, seasonStart, bad));
    }

    /** Expected activity of a tick, per group into {@code out} when given. */
    double tickWeight(int t, double[] groupActivity, double[] out) {
      long mid = seasonStart + (long) t * TICK_SECONDS + TICK_SECONDS / 2;
      long hours = Math.floorDiv(mid, 3600);
      double sum = 0;
      for (int g = 0; g < Population.GROUPS; g++) {
        Region r = REGIONS[Population.regionOfGroup(g)];
        long local = hours + r.utcOffsetHours;
        int hour = Math.floorMod(local, 24);
        int dow = Math.floorMod(Math.floorDiv(local, 24) + 3, 7);
        double w = Math.max(0, groupActivity[g]) * HOURLY[hour] * WEEKLY[dow];
        if (out != null) {
          out[g] = w;
        }
        sum += w;
      }
      return sum;
    }

    void playTick(int slots) {
      if (slots <= 0) {
        return;
      }
      double[] active = new double[Population.GROUPS];
      for (int g = 0; g < Population.GROUPS; g++) {
        active[g] = pop.activeActivity(g);
      }
      if (tickWeight(tick, active, groupWeight) <= 0) {
        throw new IllegalStateException("every player has quit: use more players or less churn");
      }
      Arrays.fill(cellCount, 0);
      int duplicates = 0;
      for (int k = 0; k < slots; k++) {
        BadRecordKind kind = null;
        if (o.badRecordShare() > 0 && rng.nextDouble() < o.badRecordShare()) {
          kind = KINDS[rng.nextInt(ringSize == 0 ? KINDS.length - 1 : KINDS.length)];
        }
        if (kind == BadRecordKind.EXACT_DUPLICATE) {
          duplicates++;
          continue;
        }
        int g = Population.pick(rng, groupWeight);
        int f = Population.pick(rng, formatShares);
        int cell = g * FORMATS.length + f;
        cellCount[cell]++;
        if (kind != null) {
          cellBad.get(cell).add(kind);
        }
      }
      for (int cell = 0; cell < cellCount.length; cell++) {
        if (cellCount[cell] > 0) {
          makeMatches(
              cell / FORMATS.length,
              FORMATS[cell % FORMATS.length],
              cellCount[cell],
              cellBad.get(cell));
          cellBad.get(cell).clear();
        }
      }
      long tickStart = seasonStart + (long) tick * TICK_SECONDS;
      for (int d = 0; d < duplicates; d++) {
        MatchEvent original = ring[rng.nextInt(ringSize)];
        heap.add(new Pending(tickStart + rng.nextInt(TICK_SECONDS), seq++, original));
        bad.merge(BadRecordKind.EXACT_DUPLICATE, 1L, Long::sum);
      }
    }

    void makeMatches(int group, Format f, int count, List<BadRecordKind> kinds) {
      int size = f.size();
      int need = count * size;
      // the queue sees more waiting players than it needs and groups the closest ones
      int want = need + Math.max(need / 4, Math.min(8 * size, 64));
      if (pool.length < want) {
        pool = new int[want];
        keys = new long[want];
      }
      int got = sample(group, need, want);
      for (int i = 0; i < got; i++) {
        double est = pop.skill[pool[i]] + NOISY_ESTIMATE_SD * rng.nextGaussian();
        long q = Math.max(-2_000_000_000L, Math.min(2_000_000_000L, Math.round(est * 1e6)));
        keys[i] = (q << 32) | i;
      }
      Arrays.sort(keys, 0, got);
      int[] sorted = new int[need];
      int segment = got / count;
      for (int j = 0; j < count; j++) {
        int from = j * segment;
        int room = (j == count - 1 ? got - from : segment) - size;
        int start = from + (room > 0 ? rng.nextInt(room + 1) : 0);
        for (int i = from; i < (j == count - 1 ? got : from + segment); i++) {
          int p = pool[(int) (keys[i] & 0xFFFFFFFFL)];
          if (i >= start && i < start + size) {
            sorted[j * size + (i - start)] = p;
          } else {
            pop.pickedInTick[p] = -1;
          }
        }
      }
      int badLeft = kinds.size();
      int nextBad = 0;
      for (int j = 0; j < count; j++) {
        BadRecordKind corrupt = null;
        if (badLeft > 0 && rng.nextInt(count - j) < badLeft) {
          corrupt = kinds.get(nextBad++);
          badLeft--;
        }
        playMatch(group, f, sorted, j * size, corrupt);
      }
    }

    /**
     * Fills {@code pool} with up to {@code want} distinct available players, nearest pool first,
     * and returns how many; at least {@code need}.
     */
    int sample(int group, int need, int want) {
      int got = 0;
      int tickStart = tick * TICK_SECONDS;
      int region = Population.regionOfGroup(group);
      int platforms = Platform.values().length;
      for (int stage = 0; stage < 4 && got < need; stage++) {
        int target = stage == 0 ? want : need;
        long tries = 20L * target + 200;
        for (long t = 0; t < tries && got < target; t++) {
          int g =
              switch (stage) {
                case 0 -> group;
                case 1 -> Population.group(region, rng.nextInt(platforms));
                default -> rng.nextInt(Population.GROUPS);
              };
          int p = pop.draw(g, rng);
          if (p < 0 || pop.pickedInTick[p] == tick) {
            continue;
          }
          // the last stage lets a player start before his previous match ended: only a
          // population far too small for the match rate gets there
          if (stage < 3 && pop.busyUntil[p] > tickStart) {
            continue;
          }
          pop.pickedInTick[p] = tick;
          pool[got++] = p;
        }
      }
      if (got < need) {
        throw new IllegalStateException(
            "too few active players for the match rate ("
                + need
                + " needed in one ten-minute tick): use more players or fewer matches");
      }
      return got;
    }

    void playMatch(int group, Format f, int[] players, int from, BadRecordKind corrupt) {
      int size = f.size();
      GameMode mode = f.mode;
      int startRel = tick * TICK_SECONDS + rng.nextInt(TICK_SECONDS);
      int duration = mode.minSeconds + rng.nextInt(mode.maxSeconds - mode.minSeconds + 1);
      int endRel = startRel + duration;
      long startAbs = seasonStart + startRel;
      if (perf.length < size) {
        perf = new double[size];
      }
      // side s holds players[from + order[s * sideSize + k]]
      int[] order = sideOrder(f);
      double matchPerf = 0;
      for (int i = 0; i < size; i++) {
        int p = players[from + order[i]];
        pop.drift(p, startRel, rng);
        double boost = pop.inPeak(p, startAbs) ? Population.PEAK_BOOST : 0;
        perf[i] = pop.skill[p] + boost + rng.nextGaussian();
        matchPerf += perf[i];
      }
      matchPerf /= size;
      for (int s = 0; s < f.sides; s++) {
        double sum = 0;
        for (int k = 0; k < f.sideSize; k++) {
          sum += perf[s * f.sideSize + k];
        }
        sidePerf[s] = sum / f.sideSize;
      }
      boolean draw = false;
      if (f.sides == 2) {
        double diff = sidePerf[0] - sidePerf[1];
        double sd = Math.sqrt(2.0 / f.sideSize);
        draw = Math.abs(diff) < DRAW_BAND * sd;
        placement[0] = draw || diff > 0 ? 1 : 2;
        placement[1] = draw || diff < 0 ? 1 : 2;
      } else {
        placeBySidePerf(f.sides);
      }
      boolean isAbandoned = rng.nextDouble() < o.abandonedShare();
      int leaver = isAbandoned ? rng.nextInt(size) : -1;
      boolean ranked = rng.nextDouble() < o.rankedShare();
      List<List<PlayerResult>> rosters = new ArrayList<>(f.sides);
      for (int s = 0; s < f.sides; s++) {
        List<PlayerResult> roster = new ArrayList<>(f.sideSize);
        long score = 0;
        for (int k = 0; k < f.sideSize; k++) {
          int i = s * f.sideSize + k;
          int p = players[from + order[i]];
          PlayerStats st =
              stats(
                  f,
                  PlayStyle.values()[pop.style[p]],
                  perf[i] - matchPerf,
                  duration,
                  s,
                  i == leaver);
          score += st.score();
          roster.add(new PlayerResult(pop.ids[p], st));
        }
        sideScore[s] = score;
        rosters.add(roster);
      }
      long best = 0;
      for (int s = 0; s < f.sides; s++) {
        if (placement[s] == 1) {
          best = Math.max(best, sideScore[s]);
        }
      }
      List<Side> sides = new ArrayList<>(f.sides);
      for (int s = 0; s < f.sides; s++) {
        boolean lop =
            f.sides == 2
                ? placement[s] == 2 && sideScore[s] * 2 < best
                : placement[s] > f.sides * 3 / 4;
        for (int k = 0; k < f.sideSize; k++) {
          int p = players[from + order[s * f.sideSize + k]];
          pop.games[p]++;
          pop.busyUntil[p] = endRel;
          double hazard = churnHazard;
          if (lop) {
            pop.lopsidedLosses[p]++;
            lopsided++;
            hazard *= o.lopsidedChurnFactor();
          }
          if (rng.nextDouble() < hazard) {
            pop.churn(p, endRel);
          }
        }
        sides.add(new Side(sideId(f, s), placement[s], rosters.get(s)));
      }
      draws += draw ? 1 : 0;
      abandoned += isAbandoned ? 1 : 0;
      byMode[mode.ordinal()]++;
      MatchEvent e =
          new MatchEvent(
              MatchEvent.CURRENT_SCHEMA_VERSION,
              matchId(matchSeq++),
              o.season(),
              mode.code,
              REGIONS[Population.regionOfGroup(group)].code,
              PLATFORMS[Population.platformOfGroup(group)].code,
              java.time.Instant.ofEpochSecond(startAbs),
              java.time.Instant.ofEpochSecond(seasonStart + endRel),
              sides,
              isAbandoned,
              ranked);
      if (corrupt != null) {
        e = corrupt(e, corrupt);
        bad.merge(corrupt, 1L, Long::sum);
      } else {
        ring[(int) (ringNext++ % RING)] = e;
        ringSize = Math.min(RING, ringSize + 1);
      }
      heap.add(new Pending(seasonStart + endRel, seq++, e));
    }

    /**
     * Which sorted player goes to which side slot. Duel: coin flip for who is side a. 5v5: a snake
     * draft over the ten (0,3,4,7,8 against 1,2,5,6,9) so the teams are even. Battle royale:
     * consecutive skill runs form the squads, whose side labels are shuffled.
     */
    int[] sideOrder(Format f) {
      int size = f.size();
      int[] order = new int[size];
      switch (f) {
        case DUEL -> {
          boolean swap = rng.nextBoolean();
          order[0] = swap ? 1 : 0;
          order[1] = swap ? 0 : 1;
        }
        case TEAM -> {
          int[] a = {0, 3, 4, 7, 8};
          int[] b = {1, 2, 5, 6, 9};
          boolean swap = rng.nextBoolean();
          for (int k = 0; k < 5; k++) {
            order[k] = swap ? b[k] : a[k];
            order[5 + k] = swap ? a[k] : b[k];
          }
        }
        case BR_SOLO, BR_DUO, BR_SQUAD -> {
          int[] squads = new int[f.sides];
          for (int s = 0; s < f.sides; s++) {
            squads[s] = s;
          }
          for (int s = f.sides - 1; s > 0; s--) {
            int j = rng.nextInt(s + 1);
            int tmp = squads[s];
            squads[s] = squads[j];
            squads[j] = tmp;
          }
          for (int s = 0; s < f.sides; s++) {
            for (int k = 0; k < f.sideSize; k++) {
              order[s * f.sideSize + k] = squads[s] * f.sideSize + k;
            }
          }
        }
      }
      return order;
    }

    void placeBySidePerf(int n) {
      Integer[] idx = new Integer[n];
      for (int s = 0; s < n; s++) {
        idx[s] = s;
      }
      Arrays.sort(idx, (x, y) -> Double.compare(sidePerf[y], sidePerf[x]));
      for (int rank = 0; rank < n; rank++) {
        placement[idx[rank]] = rank + 1;
      }
    }

    PlayerStats stats(
        Format f, PlayStyle style, double form, int duration, int side, boolean leaver) {
      GameMode mode = f.mode;
      double durFactor = duration / ((mode.minSeconds + mode.maxSeconds) / 2.0);
      double up = Math.exp(0.35 * form);
      double down = Math.exp(-0.35 * form);
      int kills;
      int deaths;
      int assists;
      int objectives;
      double chip;
      double heal;
      int seconds = duration;
      long bonus = 0;
      switch (mode) {
        case DUEL -> {
          kills = poisson(6 * style.kills * up * durFactor);
          deaths = poisson(6 * style.deaths * down * durFactor);
          assists = 0;
          objectives = 0;
          chip = 300;
          heal = 100;
        }
        case TEAM_5V5 -> {
          kills = poisson(5 * style.kills * up * durFactor);
          deaths = poisson(5 * style.deaths * down * durFactor);
          assists = poisson(6 * style.assists * durFactor);
          objectives = poisson(1.5 * style.objectives * Math.exp(0.2 * form));
          chip = 800;
          heal = 500;
        }
        case BATTLE_ROYALE -> {
          int n = f.sides;
          int place = placement[side];
          kills = poisson(1.2 * style.kills * up * durFactor);
          deaths = place == 1 ? 0 : 1;
          assists = f.sideSize == 1 ? 0 : poisson(0.6 * style.assists);
          objectives = poisson(0.3 * style.objectives);
          chip = 250;
          heal = 150;
          double out =
              place == 1 ? 1.0 : (n - place + 1) / (double) n * (0.85 + 0.15 * rng.nextDouble());
          double own =
              style == PlayStyle.CAUTIOUS || f.sideSize == 1 ? 1.0 : 0.7 + 0.3 * rng.nextDouble();
          seconds = (int) Math.round(duration * out * (place == 1 ? 1.0 : own));
          bonus = 50L * (n - place);
        }
        default -> throw new IllegalStateException("unknown mode " + mode);
      }
      if (leaver) {
        seconds = (int) Math.round(seconds * (0.1 + 0.6 * rng.nextDouble()));
      }
      long damage =
          Math.round(
              kills * 100 * (0.8 + 0.45 * rng.nextDouble())
                  + chip * style.damage * (0.5 + rng.nextDouble()) * durFactor);
      long taken =
          Math.round(
              deaths * 100 * (0.8 + 0.45 * rng.nextDouble())
                  + chip * 0.6 * (0.5 + rng.nextDouble()) * durFactor);
      long healing =
          Math.round(
              heal * style.healing * (0.5 + rng.nextDouble()) * durFactor * Math.exp(0.2 * form));
      long score =
          100L * kills + 50L * assists + 150L * objectives + damage / 20 + healing / 10 + bonus;
      return new PlayerStats(
          score, kills, deaths, assists, damage, taken, healing, objectives, seconds);
    }

    int poisson(double lambda) {
      if (lambda <= 0) {
        return 0;
      }
      if (lambda > 30) {
        return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
      }
      double limit = Math.exp(-lambda);
      double prod = rng.nextDouble();
      int k = 0;
      while (prod > limit) {
        prod *= rng.nextDouble();
        k++;
      }
      return k;
    }

    MatchEvent corrupt(MatchEvent e, BadRecordKind kind) {
      List<Side> sides = new ArrayList<>(e.sides());
      switch (kind) {
        case NEGATIVE_STAT -> {
          Side s = sides.get(0);
          List<PlayerResult> roster = new ArrayList<>(s.players());
          PlayerResult p = roster.get(0);
          PlayerStats st = p.stats();
          roster.set(
              0,
              new PlayerResult(
                  p.playerId(),
                  new PlayerStats(
                      st.score(),
                      -1 - rng.nextInt(5),
                      st.deaths(),
                      st.assists(),
                      st.damageDealt(),
                      st.damageTaken(),
                      st.healing(),
                      st.objectives(),
                      st.secondsPlayed())));
          sides.set(0, new Side(s.sideId(), s.placement(), roster));
        }
        case ENDED_BEFORE_STARTED -> {
          return e.withTimes(e.endedAt(), e.startedAt()).withSides(sides);
        }
        case DUPLICATE_PLAYER -> {
          Side s = sides.get(1);
          List<PlayerResult> roster = new ArrayList<>(s.players());
          String dup = sides.get(0).players().get(0).playerId();
          roster.set(0, new PlayerResult(dup, roster.get(0).stats()));
          sides.set(1, new Side(s.sideId(), s.placement(), roster));
        }
        case SINGLE_SIDE -> {
          Side s = sides.get(0);
          sides = List.of(new Side(s.sideId(), 1, s.players()));
        }
        case BAD_ID -> {
          return e.withMatchId(e.matchId() + " #").withSides(sides);
        }
        case PLACEMENT_OUT_OF_RANGE -> {
          int last = sides.size() - 1;
          Side s = sides.get(last);
          sides.set(last, new Side(s.sideId(), sides.size() + 1, s.players()));
        }
        case EXACT_DUPLICATE -> throw new IllegalStateException("duplicates are re-sent, not made");
      }
      return e.withSides(sides);
    }

    String matchId(long n) {
      String digits = Long.toString(n);
      StringBuilder sb = new StringBuilder(idPrefix.length() + 10).append(idPrefix);
      for (int i = digits.length(); i < 9; i++) {
        sb.append('0');
      }
      return sb.append(digits).toString();
    }

    String sideId(Format f, int s) {
      return switch (f) {
        case DUEL -> s == 0 ? "a" : "b";
        case TEAM -> s == 0 ? "blue" : "red";
        case BR_SOLO, BR_DUO, BR_SQUAD -> s < 9 ? "s0" + (s + 1) : "s" + (s + 1);
      };
    }

    void flush(long upTo) {
      while (!heap.isEmpty() && heap.peek().key <= upTo) {
        sink.accept(heap.poll().event);
        records++;
      }
    }
  }

  private record Pending(long key, long seq, MatchEvent event) implements Comparable<Pending> {
    @Override
    public int compareTo(Pending other) {
      int c = Long.compare(key, other.key);
      return c != 0 ? c : Long.compare(seq, other.seq);
    }
  }
}
