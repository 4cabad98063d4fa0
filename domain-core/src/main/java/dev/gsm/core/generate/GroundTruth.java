package dev.gsm.core.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * What the generator planted: per player (style, peak hours, latent skill, churn) and per bad
 * record kind. Written next to the dataset ({@code ground-truth/season=S/}), never into it.
 */
public final class GroundTruth {

  public static final String PLAYERS_HEADER =
      "player_id,region,platform,style,activity,initial_skill,final_skill,peak_hours_utc,"
          + "peak_days_utc,churned,churned_at,matches_played,lopsided_losses";

  private final Population pop;
  private final long seasonStart;
  private final Map<BadRecordKind, Long> badRecords;

  GroundTruth(Population pop, long seasonStart, Map<BadRecordKind, Long> badRecords) {
    this.pop = pop;
    this.seasonStart = seasonStart;
    this.badRecords = new EnumMap<>(badRecords);
  }

  public int playerCount() {
    return pop.n;
  }

  public PlayerTruth player(int index) {
    int p = index;
    List<Integer> hours = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      if ((pop.peakHours[p] & (1 << h)) != 0) {
        hours.add(h);
      }
    }
    String days = pop.peakHours[p] == 0 ? "" : pop.peakDays[p] == 0x7F ? "all" : "sat;sun";
    return new PlayerTruth(
        pop.ids[p],
        Region.values()[pop.region[p]].code,
        Platform.values()[pop.platform[p]].code,
        PlayStyle.values()[pop.style[p]],
        pop.activity[p] == Population.HEAVY,
        pop.initialSkill[p],
        pop.skill[p],
        List.copyOf(hours),
        days,
        pop.churned[p],
        pop.churned[p] ? Instant.ofEpochSecond(seasonStart + pop.churnedAt[p]) : null,
        pop.games[p],
        pop.lopsidedLosses[p]);
  }

  public Stream<PlayerTruth> players() {
    return IntStream.range(0, pop.n).mapToObj(this::player);
  }

  /** Planted bad records per kind (every kind present, zero included). */
  public Map<BadRecordKind, Long> badRecords() {
    return badRecords;
  }

  public void writePlayersCsv(Appendable out) {
    try {
      out.append(PLAYERS_HEADER).append('\n');
      StringBuilder line = new StringBuilder(160);
      for (int p = 0; p < pop.n; p++) {
        PlayerTruth t = player(p);
        line.setLength(0);
        line.append(t.playerId())
            .append(',')
            .append(t.region())
            .append(',')
            .append(t.platform())
            .append(',')
            .append(t.style().code())
            .append(',')
            .append(t.heavy() ? "heavy" : "casual")
            .append(',')
            .append(String.format(Locale.ROOT, "%.4f", t.initialSkill()))
            .append(',')
            .append(String.format(Locale.ROOT, "%.4f", t.finalSkill()))
            .append(',');
        for (int i = 0; i < t.peakHoursUtc().size(); i++) {
          line.append(i == 0 ? "" : ";").append(t.peakHoursUtc().get(i));
        }
        line.append(',')
            .append(t.peakDaysUtc())
            .append(',')
            .append(t.churned())
            .append(',')
            .append(t.churnedAt() == null ? "" : t.churnedAt().toString())
            .append(',')
            .append(t.matchesPlayed())
            .append(',')
            .append(t.lopsidedLosses())
            .append('\n');
        out.append(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void writeBadRecordsCsv(Appendable out) {
    try {
      out.append("kind,count,rejected_by_validator\n");
      for (Map.Entry<BadRecordKind, Long> e : badRecords.entrySet()) {
        out.append(e.getKey().code())
            .append(',')
            .append(Long.toString(e.getValue()))
            .append(',')
            .append(Boolean.toString(e.getKey() != BadRecordKind.EXACT_DUPLICATE))
            .append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
