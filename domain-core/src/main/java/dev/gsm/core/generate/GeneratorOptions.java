package dev.gsm.core.generate;

import dev.gsm.core.season.SeasonCalendar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to generate. Same options (seed included) give the same records, bit for bit. Every value is
 * checked when the record is built, so a bad flag fails before any work starts.
 *
 * @param seed the seed of the one random stream the generator draws from
 * @param players size of the population (each with a home region, platform, style and activity)
 * @param matches records to produce, bad records and re-sent duplicates included
 * @param season season id of the {@link SeasonCalendar#quarterly()} calendar the matches fill
 * @param duelShare share of 1v1 matches
 * @param teamShare share of 5v5 matches
 * @param battleRoyaleShare share of battle royale matches (20 sides of solos, duos or squads)
 * @param badRecordShare share of records that are bad (spread evenly over {@link BadRecordKind})
 * @param rankedShare share of ranked matches; the rest are casual (recorded, never rated)
 * @param abandonedShare share of matches that end early because a player left
 * @param peakPlayerShare share of players who play above their skill at certain hours
 * @param churnShare roughly the share of players who quit during the season when they never lose
 *     lopsidedly; lopsided losses multiply a player's hazard by {@code lopsidedChurnFactor}
 * @param lopsidedChurnFactor how much more likely a player quits right after a lopsided loss
 */
public record GeneratorOptions(
    long seed,
    int players,
    long matches,
    String season,
    double duelShare,
    double teamShare,
    double battleRoyaleShare,
    double badRecordShare,
    double rankedShare,
    double abandonedShare,
    double peakPlayerShare,
    double churnShare,
    double lopsidedChurnFactor) {

  /** A past season, so that validating with "now" never sees a generated match as future. */
  public static final String DEFAULT_SEASON = "2026-S3";

  public static final int MIN_PLAYERS = 500;

  public GeneratorOptions {
    Objects.requireNonNull(season, "season");
    List<String> problems = new ArrayList<>();
    if (players < MIN_PLAYERS || players > 50_000_000) {
      problems.add("players must be between " + MIN_PLAYERS + " and 50000000, was " + players);
    }
    if (matches < 1) {
      problems.add("matches must be positive, was " + matches);
    }
    try {
      SeasonCalendar.quarterly().start(season);
    } catch (IllegalArgumentException e) {
      problems.add("season: " + e.getMessage());
    }
    share(problems, "duel share", duelShare);
    share(problems, "team share", teamShare);
    share(problems, "battle royale share", battleRoyaleShare);
    if (Math.abs(duelShare + teamShare + battleRoyaleShare - 1.0) > 1e-6) {
      problems.add(
          "mode shares must add up to 1, they add up to "
              + (duelShare + teamShare + battleRoyaleShare));
    }
    if (!(badRecordShare >= 0 && badRecordShare <= 0.5)) {
      problems.add("bad record share must be between 0 and 0.5, was " + badRecordShare);
    }
    share(problems, "ranked share", rankedShare);
    if (!(abandonedShare >= 0 && abandonedShare <= 0.5)) {
      problems.add("abandoned share must be between 0 and 0.5, was " + abandonedShare);
    }
    share(problems, "peak player share", peakPlayerShare);
    if (!(churnShare >= 0 && churnShare <= 0.9)) {
      problems.add("churn share must be between 0 and 0.9, was " + churnShare);
    }
    if (!(lopsidedChurnFactor >= 1 && lopsidedChurnFactor <= 100)) {
      problems.add("lopsided churn factor must be between 1 and 100, was " + lopsidedChurnFactor);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid generator options: " + String.join("; ", problems));
    }
  }

  /** 100k players, 1M matches in {@link #DEFAULT_SEASON}, 0.1% bad records. */
  public static GeneratorOptions defaults() {
    return new GeneratorOptions(
        42L,
        100_000,
        1_000_000,
        DEFAULT_SEASON,
        0.40,
        0.35,
        0.25,
        0.001,
        0.9,
        0.01,
        0.2,
        0.15,
        8.0);
  }

  private static void share(List<String> problems, String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      problems.add(name + " must be between 0 and 1, was " + v);
    }
  }

  public GeneratorOptions withSeed(long v) {
    return new GeneratorOptions(
        v,
        players,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withPlayers(int v) {
    return new GeneratorOptions(
        seed,
        v,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withMatches(long v) {
    return new GeneratorOptions(
        seed,
        players,
        v,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withSeason(String v) {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        v,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withModeShares(double duel, double team, double battleRoyale) {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        season,
        duel,
        team,
        battleRoyale,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withBadRecordShare(double v) {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        v,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        churnShare,
        lopsidedChurnFactor);
  }

  public GeneratorOptions withChurn(double share, double lopsidedFactor) {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        peakPlayerShare,
        share,
        lopsidedFactor);
  }

  public GeneratorOptions withPeakPlayerShare(double v) {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badRecordShare,
        rankedShare,
        abandonedShare,
        v,
        churnShare,
        lopsidedChurnFactor);
  }
}
