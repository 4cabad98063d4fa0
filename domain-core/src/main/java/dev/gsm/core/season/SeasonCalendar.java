package dev.gsm.core.season;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one function that says which season an instant belongs to. Seasons split the calendar year
 * into {@code seasonsPerYear} equal runs of months starting on the first of a month at 00:00 UTC;
 * the ids read {@code <year>-S<n>} (the pattern the match schema checks). Everything that needs a
 * season boundary (the generator, the batch, the speed layer's cross-season check) asks this class.
 */
public record SeasonCalendar(int seasonsPerYear) {

  private static final Pattern ID = Pattern.compile("([0-9]{4})-S([0-9]{1,2})");

  public SeasonCalendar {
    if (seasonsPerYear < 1 || 12 % seasonsPerYear != 0) {
      throw new IllegalArgumentException(
          "seasonsPerYear must divide 12 (1, 2, 3, 4, 6 or 12), was " + seasonsPerYear);
    }
  }

  /** Four seasons a year: January, April, July, October. */
  public static SeasonCalendar quarterly() {
    return new SeasonCalendar(4);
  }

  public String seasonOf(Instant t) {
    LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
    int months = 12 / seasonsPerYear;
    return d.getYear() + "-S" + ((d.getMonthValue() - 1) / months + 1);
  }

  public Instant start(String season) {
    Matcher m = parse(season);
    int year = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    return LocalDate.of(year, (n - 1) * (12 / seasonsPerYear) + 1, 1)
        .atStartOfDay(ZoneOffset.UTC)
        .toInstant();
  }

  /** The first instant after the season (exclusive end). */
  public Instant end(String season) {
    return start(next(season));
  }

  public String next(String season) {
    Matcher m = parse(season);
    int year = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    return n == seasonsPerYear ? (year + 1) + "-S1" : year + "-S" + (n + 1);
  }

  public String previous(String season) {
    Matcher m = parse(season);
    int year = Integer.parseInt(m.group(1));
    int n = Integer.parseInt(m.group(2));
    return n == 1 ? (year - 1) + "-S" + seasonsPerYear : year + "-S" + (n - 1);
  }

  public boolean contains(String season, Instant t) {
    return seasonOf(t).equals(season);
  }

  private Matcher parse(String season) {
    Objects.requireNonNull(season, "season");
    Matcher m = ID.matcher(season);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a season id (e.g. 2026-S4): " + season);
    }
    int n = Integer.parseInt(m.group(2));
    if (n < 1 || n > seasonsPerYear) {
      throw new IllegalArgumentException(
          "season " + season + " does not exist with " + seasonsPerYear + " seasons a year");
    }
    return m;
  }
}
