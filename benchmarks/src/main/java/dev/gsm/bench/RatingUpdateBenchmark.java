package dev.gsm.bench;

import de.gesundkrank.jskills.GameInfo;
import de.gesundkrank.jskills.IPlayer;
import de.gesundkrank.jskills.ITeam;
import de.gesundkrank.jskills.Player;
import de.gesundkrank.jskills.Rating;
import de.gesundkrank.jskills.SkillCalculator;
import de.gesundkrank.jskills.Team;
import de.gesundkrank.jskills.trueskill.FactorGraphTrueSkillCalculator;
import de.gesundkrank.jskills.trueskill.TwoPlayerTrueSkillCalculator;
import de.gesundkrank.jskills.trueskill.TwoTeamTrueSkillCalculator;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rating updates per second on one thread: our engine's table path (what the batch job runs)
 * against jskills' TrueSkill, for one-versus-one, 5v5 and an 8-player free-for-all, over a
 * population of {@code players} with random pairings generated in setup (so the figures measure
 * updates, not the random generator). Each operation is one rated match.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RatingUpdateBenchmark {
  private static final int MATCHES = 1 << 18;
  private static final int MASK = MATCHES - 1;
  private static final long START = 1_700_000_000L;

  @Param({"100000"})
  int players;

  // Ours.
  RatingEngine engine;
  RatingTable table;
  int[] duel;
  int[] team;
  int[] ffa;
  int[][] ffaPlacements;
  final int[] duelStart = {0, 1, 2};
  final int[] teamStart = {0, 5, 10};
  final int[] ffaStart = {0, 1, 2, 3, 4, 5, 6, 7, 8};
  // battle royale as the generator plays it: 20 sides of 1 (solo) or 4 (squads), placed 1..20
  int[] brSolo;
  int[] brSquad;
  int[][] brPlacements;
  final int[] brSoloStart = sideStarts(20, 1);
  final int[] brSquadStart = sideStarts(20, 4);
  final int[] winLoss = {0, 1};
  int cursor;
  long now;

  // jskills.
  GameInfo gameInfo;
  List<Player<Integer>> jPlayers;
  Rating[] jRatings;
  SkillCalculator twoPlayer;
  SkillCalculator twoTeam;
  SkillCalculator factorGraph;
  int[] ffaRanks = {1, 2, 3, 4, 5, 6, 7, 8};

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(20240917L);
    RatingParameters params = RatingParameters.defaults();
    engine = new RatingEngine(params);
    table = new RatingTable(params, players);
    for (int i = 0; i < players; i++) {
      table.intern(Integer.toString(i));
    }
    duel = distinctTuples(rnd, 2);
    team = distinctTuples(rnd, 10);
    ffa = distinctTuples(rnd, 8);
    ffaPlacements = placements(rnd, 8);
    brSolo = distinctTuples(rnd, 20);
    brSquad = distinctTuples(rnd, 80);
    brPlacements = placements(rnd, 20);
    // Warm the population so sigmas, last-active times and games are realistic, not all priors.
    now = START;
    for (int m = 0; m < MATCHES; m++) {
      engine.rate1v1(table, duel[2 * m], duel[2 * m + 1], now);
      now += 30;
    }

    gameInfo = GameInfo.getDefaultGameInfo();
    jPlayers = new ArrayList<>(players);
    jRatings = new Rating[players];
    for (int i = 0; i < players; i++) {
      jPlayers.add(new Player<>(i));
      jRatings[i] = gameInfo.getDefaultRating();
    }
    twoPlayer = new TwoPlayerTrueSkillCalculator();
    twoTeam = new TwoTeamTrueSkillCalculator();
    factorGraph = new FactorGraphTrueSkillCalculator();
  }

  /** Per match, a random order of the placements 0..sides-1 (Fisher-Yates). */
  private static int[][] placements(SplittableRandom rnd, int sides) {
    int[][] out = new int[MATCHES][];
    for (int m = 0; m < MATCHES; m++) {
      int[] p = new int[sides];
      for (int i = 0; i < sides; i++) {
        p[i] = i;
      }
      for (int i = sides - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      out[m] = p;
    }
    return out;
  }

  private int[] distinctTuples(SplittableRandom rnd, int size) {
    int[] out = new int[MATCHES * size];
    for (int m = 0; m < MATCHES; m++) {
      for (int j = 0; j < size; j++) {
        int p;
        boolean dup;
        do {
          p = rnd.nextInt(players);
          dup = false;
          for (int k = 0; k < j; k++) {
            dup |= out[m * size + k] == p;
          }
        } while (dup);
        out[m * size + j] = p;
      }
    }
    return out;
  }

  private int next() {
    int m = cursor;
    cursor = (cursor + 1) & MASK;
    now += 30;
    return m;
  }

  @Benchmark
  public void ours1v1() {
    int m = next();
    engine.rate1v1(table, duel[2 * m], duel[2 * m + 1], now);
  }

  @Benchmark
  public void ours5v5() {
    int m = next();
    engine.rate(table, slice(team, m, 10), teamStart, winLoss, now);
  }

  @Benchmark
  public void oursFreeForAll8() {
    int m = next();
    engine.rate(table, slice(ffa, m, 8), ffaStart, ffaPlacements[m], now);
  }

  /** A 20-side battle royale of solo players: the chain of 19 placements, solved by EP. */
  @Benchmark
  public void oursBattleRoyale20Solo() {
    int m = next();
    engine.rate(table, slice(brSolo, m, 20), brSoloStart, brPlacements[m], now);
  }

  /** A 20-side battle royale of squads of four (80 players). */
  @Benchmark
  public void oursBattleRoyale20Squads() {
    int m = next();
    engine.rate(table, slice(brSquad, m, 80), brSquadStart, brPlacements[m], now);
  }

  private static int[] sideStarts(int sides, int size) {
    int[] start = new int[sides + 1];
    for (int k = 0; k <= sides; k++) {
      start[k] = k * size;
    }
    return start;
  }

  private final int[] buf10 = new int[10];
  private final int[] buf8 = new int[8];
  private final int[] buf20 = new int[20];
  private final int[] buf80 = new int[80];

  private int[] slice(int[] all, int m, int size) {
    int[] buf =
        switch (size) {
          case 10 -> buf10;
          case 20 -> buf20;
          case 80 -> buf80;
          default -> buf8;
        };
    System.arraycopy(all, m * size, buf, 0, size);
    return buf;
  }

  @Benchmark
  public Map<IPlayer, Rating> jskills1v1() {
    int m = next();
    int a = duel[2 * m];
    int b = duel[2 * m + 1];
    Map<IPlayer, Rating> r =
        twoPlayer.calculateNewRatings(
            gameInfo,
            Team.concat(
                new Team(jPlayers.get(a), jRatings[a]), new Team(jPlayers.get(b), jRatings[b])),
            1,
            2);
    jRatings[a] = r.get(jPlayers.get(a));
    jRatings[b] = r.get(jPlayers.get(b));
    return r;
  }

  @Benchmark
  public Map<IPlayer, Rating> jskills5v5() {
    int m = next();
    Team t1 = new Team();
    Team t2 = new Team();
    for (int j = 0; j < 10; j++) {
      int p = team[10 * m + j];
      (j < 5 ? t1 : t2).addPlayer(jPlayers.get(p), jRatings[p]);
    }
    Map<IPlayer, Rating> r = twoTeam.calculateNewRatings(gameInfo, Team.concat(t1, t2), 1, 2);
    for (int j = 0; j < 10; j++) {
      int p = team[10 * m + j];
      jRatings[p] = r.get(jPlayers.get(p));
    }
    return r;
  }

  @Benchmark
  public Map<IPlayer, Rating> jskillsFreeForAll8() {
    int m = next();
    ITeam[] teams = new ITeam[8];
    int[] ranks = new int[8];
    for (int j = 0; j < 8; j++) {
      int p = ffa[8 * m + j];
      teams[j] = new Team(jPlayers.get(p), jRatings[p]);
      ranks[j] = ffaPlacements[m][j] + 1;
    }
    Map<IPlayer, Rating> r = factorGraph.calculateNewRatings(gameInfo, Team.concat(teams), ranks);
    for (int j = 0; j < 8; j++) {
      int p = ffa[8 * m + j];
      jRatings[p] = r.get(jPlayers.get(p));
    }
    return r;
  }
}
