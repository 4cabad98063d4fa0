package dev.gsm.core.imports;

import dev.gsm.core.season.SeasonCalendar;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the columns of a results CSV become a match: which column holds the time and in which format,
 * which columns hold the winning and the losing side's players (one each for singles, two each for
 * doubles...), which columns together make the match id, and the constants every imported match
 * gets.
 *
 * @param timeColumn column with the match time
 * @param timeFormat {@code iso} (an ISO-8601 instant), {@code epoch-seconds}, {@code epoch-millis},
 *     or a {@link DateTimeFormatter} pattern such as {@code yyyyMMdd}
 * @param zone the zone of times that carry none
 * @param winnerColumns the winning side's player id columns
 * @param loserColumns the losing side's player id columns
 * @param idColumns columns joined with {@code -} (after {@code idPrefix}) into the match id
 * @param idPrefix prepended to the match id, to keep sources apart (e.g. {@code atp-d-})
 * @param playerPrefix prepended to every player id
 * @param mode the match mode, e.g. {@code duel}
 * @param region the region of every match
 * @param platform the platform of every match
 * @param season a fixed season id, or {@code null} to take each match's from the calendar
 * @param durationColumn column with the match length in minutes, or {@code null}: the match then
 *     ends when it starts
 * @param orderColumn column with a whole number that orders the matches sharing a time (ATP's
 *     {@code match_num}: a tournament's matches all carry its start date, and the files of recent
 *     years list them final first), or {@code null} for the file order
 */
public record ImportMapping(
    String timeColumn,
    String timeFormat,
    ZoneId zone,
    List<String> winnerColumns,
    List<String> loserColumns,
    List<String> idColumns,
    String idPrefix,
    String playerPrefix,
    String mode,
    String region,
    String platform,
    String season,
    String durationColumn,
    String orderColumn) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  public ImportMapping {
    Objects.requireNonNull(timeColumn, "timeColumn");
    Objects.requireNonNull(timeFormat, "timeFormat");
    Objects.requireNonNull(zone, "zone");
    winnerColumns = List.copyOf(winnerColumns);
    loserColumns = List.copyOf(loserColumns);
    idColumns = List.copyOf(idColumns);
    idPrefix = idPrefix == null ? "" : idPrefix;
    playerPrefix = playerPrefix == null ? "" : playerPrefix;
    List<String> problems = new ArrayList<>();
    if (winnerColumns.isEmpty() || loserColumns.isEmpty()) {
      problems.add("give at least one winner column and one loser column");
    }
    if (idColumns.isEmpty()) {
      problems.add("give at least one id column");
    }
    for (String[] c : new String[][] {{"mode", mode}, {"region", region}, {"platform", platform}}) {
      if (c[1] == null || !CODE.matcher(c[1]).matches()) {
        problems.add(c[0] + " must match " + CODE.pattern() + ", was '" + c[1] + "'");
      }
    }
    if (season != null) {
      try {
        SeasonCalendar.quarterly().start(season);
      } catch (IllegalArgumentException e) {
        problems.add("season: " + e.getMessage());
      }
    }
    try {
      TimeParser.of(timeFormat, zone);
    } catch (IllegalArgumentException e) {
      problems.add("time format: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid import mapping: " + String.join("; ", problems));
    }
  }

  /** The mapping of Jeff Sackmann's ATP singles files ({@code atp_matches_YYYY.csv}). */
  public static ImportMapping atpSingles() {
    return new ImportMapping(
        "tourney_date",
        "yyyyMMdd",
        ZoneId.of("UTC"),
        List.of("winner_id"),
        List.of("loser_id"),
        List.of("tourney_id", "match_num"),
        "atp-",
        "",
        "duel",
        "global",
        "tennis",
        null,
        null,
        "match_num");
  }

  /** The mapping of the ATP doubles files ({@code atp_matches_doubles_YYYY.csv}). */
  public static ImportMapping atpDoubles() {
    return new ImportMapping(
        "tourney_date",
        "yyyyMMdd",
        ZoneId.of("UTC"),
        List.of("winner1_id", "winner2_id"),
        List.of("loser1_id", "loser2_id"),
        List.of("tourney_id", "match_num"),
        "atp-d-",
        "",
        "doubles",
        "global",
        "tennis",
        null,
        null,
        "match_num");
  }
}
