package dev.gsm.serving.system;

import dev.gsm.core.season.SeasonCalendar;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Which season a request reads: the one it names, else the current one. The current season is
 * served live (the real-time view: batch view + speed layer); the others from their archived batch
 * views.
 */
@Component
public class Seasons {
  private final SeasonCalendar calendar;
  private final Clock clock;
  private final String configured;

  Seasons(SeasonCalendar calendar, Clock clock, GsmProperties props) {
    this.calendar = calendar;
    this.clock = clock;
    this.configured = props.rankings().season();
  }

  /** {@code gsm.rankings.season} when set, else the calendar's season of the clock. */
  public String current() {
    return configured == null || configured.isBlank()
        ? calendar.seasonOf(clock.instant())
        : configured;
  }

  /** The season a request reads: its own, or the current one. */
  public String resolve(String requested) {
    return requested == null || requested.isBlank() ? current() : requested;
  }

  public boolean isCurrent(String season) {
    return season.equals(current());
  }
}
