package dev.gsm.core.generate;

import java.util.SplittableRandom;

/**
 * The players, as primitive arrays indexed by player number: a million players cost tens of
 * megabytes and no per-player objects. Only the generator mutates it, from one thread.
 */
final class Population {
  static final float HEAVY = 1.0f;
  static final float CASUAL = 0.25f;
  static final double HEAVY_SHARE = 0.2;

  /** Skill random-walk step per square root of a day, on a skill scale of standard deviation 1. */
  static final double DRIFT_PER_SQRT_DAY = 0.03;

  static final double PEAK_BOOST = 0.75;

  static final int GROUPS = Region.values().length * Platform.values().length;

  private static final double[] REGION_SHARES = regionShares();
  private static final double[] PLATFORM_SHARES = platformShares();
  private static final double[] STYLE_SHARES = styleShares();

  final int n;
  final String[] ids;
  final byte[] region;
  final byte[] platform;
  final byte[] style;
  final float[] activity;
  final double[] initialSkill;
  final double[] skill;
  final int[] skillAt;
  final int[] busyUntil;
  final int[] pickedInTick;
  final int[] peakHours;
  final byte[] peakDays;
  final boolean[] churned;
  final int[] churnedAt;
  final int[] games;
  final int[] lopsidedLosses;

  /**
   * Players still in play per group (region × platform), heavy and casual apart so that drawing by
   * activity needs no rejection; a player who quits is swapped out of his list.
   */
  final int[][] heavy;

  final int[][] casual;
  final int[] heavySize;
  final int[] casualSize;
  private final int[] slot;

  Population(int n, double peakShare, SplittableRandom rng) {
    this.n = n;
    ids = new String[n];
    region = new byte[n];
    platform = new byte[n];
    style = new byte[n];
    activity = new float[n];
    initialSkill = new double[n];
    skill = new double[n];
    skillAt = new int[n];
    busyUntil = new int[n];
    pickedInTick = new int[n];
    peakHours = new int[n];
    peakDays = new byte[n];
    churned = new boolean[n];
    churnedAt = new int[n];
    games = new int[n];
    lopsidedLosses = new int[n];
    int[] heavyCount = new int[GROUPS];
    int[] casualCount = new int[GROUPS];
    int width = Integer.toString(n - 1).length();
    for (int p = 0; p < n; p++) {
      ids[p] = "p" + "0".repeat(Math.max(0, width - Integer.toString(p).length())) + p;
      int r = pick(rng, REGION_SHARES);
      int pl = pick(rng, PLATFORM_SHARES);
      region[p] = (byte) r;
      platform[p] = (byte) pl;
      style[p] = (byte) pick(rng, STYLE_SHARES);
      activity[p] = rng.nextDouble() < HEAVY_SHARE ? HEAVY : CASUAL;
      double s = rng.nextGaussian();
      initialSkill[p] = s;
      skill[p] = s;
      pickedInTick[p] = -1;
      churnedAt[p] = -1;
      if (rng.nextDouble() < peakShare) {
        // a three-hour window in the player's local evening, stored in UTC hours
        int localStart = 17 + rng.nextInt(5);
        int mask = 0;
        for (int h = 0; h < 3; h++) {
          int utc = Math.floorMod(localStart + h - Region.values()[r].utcOffsetHours, 24);
          mask |= 1 << utc;
        }
        peakHours[p] = mask;
        // half of them every day, half only at weekends (UTC Saturday and Sunday)
        peakDays[p] = (byte) (rng.nextBoolean() ? 0x7F : 0x60);
      }
      if (activity[p] == HEAVY) {
        heavyCount[group(r, pl)]++;
      } else {
        casualCount[group(r, pl)]++;
      }
    }
    heavy = new int[GROUPS][];
    casual = new int[GROUPS][];
    heavySize = new int[GROUPS];
    casualSize = new int[GROUPS];
    slot = new int[n];
    for (int g = 0; g < GROUPS; g++) {
      heavy[g] = new int[heavyCount[g]];
      casual[g] = new int[casualCount[g]];
    }
    for (int p = 0; p < n; p++) {
      int g = group(region[p], platform[p]);
      if (activity[p] == HEAVY) {
        slot[p] = heavySize[g];
        heavy[g][heavySize[g]++] = p;
      } else {
        slot[p] = casualSize[g];
        casual[g][casualSize[g]++] = p;
      }
    }
  }

  /** The activity still in play in a group: what its share of the matches follows. */
  double activeActivity(int g) {
    return heavySize[g] * (double) HEAVY + casualSize[g] * (double) CASUAL;
  }

  /** A player of the group drawn by activity among those still in play, or -1 if none is. */
  int draw(int g, SplittableRandom rng) {
    double h = heavySize[g] * (double) HEAVY;
    double total = h + casualSize[g] * (double) CASUAL;
    if (total <= 0) {
      return -1;
    }
    if (rng.nextDouble() * total < h) {
      return heavy[g][rng.nextInt(heavySize[g])];
    }
    return casual[g][rng.nextInt(casualSize[g])];
  }

  static int group(int region, int platform) {
    return region * Platform.values().length + platform;
  }

  static int regionOfGroup(int g) {
    return g / Platform.values().length;
  }

  static int platformOfGroup(int g) {
    return g % Platform.values().length;
  }

  boolean inPeak(int p, long epochSecond) {
    int mask = peakHours[p];
    if (mask == 0) {
      return false;
    }
    long hours = Math.floorDiv(epochSecond, 3600);
    int hour = Math.floorMod(hours, 24);
    // 1970-01-01 was a Thursday: day 0 is bit 3 when Monday is bit 0
    int dow = Math.floorMod(Math.floorDiv(hours, 24) + 3, 7);
    return (mask & (1 << hour)) != 0 && (peakDays[p] & (1 << dow)) != 0;
  }

  /** Moves a player's latent skill along its random walk up to {@code second}. */
  void drift(int p, int second, SplittableRandom rng) {
    int dt = second - skillAt[p];
    if (dt > 0) {
      skill[p] += DRIFT_PER_SQRT_DAY * Math.sqrt(dt / 86_400.0) * rng.nextGaussian();
      skillAt[p] = second;
    }
  }

  void churn(int p, int second) {
    churned[p] = true;
    churnedAt[p] = second;
    int g = group(region[p], platform[p]);
    int[] list = activity[p] == HEAVY ? heavy[g] : casual[g];
    int last = activity[p] == HEAVY ? --heavySize[g] : --casualSize[g];
    int moved = list[last];
    list[slot[p]] = moved;
    slot[moved] = slot[p];
  }

  private static double[] regionShares() {
    Region[] all = Region.values();
    double[] s = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      s[i] = all[i].share;
    }
    return s;
  }

  private static double[] platformShares() {
    Platform[] all = Platform.values();
    double[] s = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      s[i] = all[i].share;
    }
    return s;
  }

  private static double[] styleShares() {
    PlayStyle[] all = PlayStyle.values();
    double[] s = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      s[i] = all[i].share;
    }
    return s;
  }

  static int pick(SplittableRandom rng, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length - 1; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }
}
