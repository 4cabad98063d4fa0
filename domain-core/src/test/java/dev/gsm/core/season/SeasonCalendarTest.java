package dev.gsm.core.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeasonCalendarTest {
  private final SeasonCalendar quarterly = SeasonCalendar.quarterly();

  @Test
  void lastSecondOfSeptemberAndFirstOfOctoberAreDifferentSeasons() {
    assertThat(quarterly.seasonOf(Instant.parse("2026-09-30T23:59:59Z"))).isEqualTo("2026-S3");
    assertThat(quarterly.seasonOf(Instant.parse("2026-10-01T00:00:00Z"))).isEqualTo("2026-S4");
  }

  @Test
  void seasonBoundsAreHalfOpenAndChainAcrossTheYear() {
    assertThat(quarterly.start("2026-S4")).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(quarterly.end("2026-S4")).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    assertThat(quarterly.next("2026-S4")).isEqualTo("2027-S1");
    assertThat(quarterly.previous("2027-S1")).isEqualTo("2026-S4");
    assertThat(quarterly.contains("2026-S4", quarterly.end("2026-S4"))).isFalse();
  }

  @Test
  void monthlySeasonsNumberTwelve() {
    SeasonCalendar monthly = new SeasonCalendar(12);
    assertThat(monthly.seasonOf(Instant.parse("2026-11-21T10:00:00Z"))).isEqualTo("2026-S11");
    assertThat(monthly.start("2026-S12")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void badIdsAndCalendarsAreRejectedWithTheReason() {
    assertThatThrownBy(() -> quarterly.start("2026-S5")).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> quarterly.start("S4-2026")).hasMessageContaining("not a season id");
    assertThatThrownBy(() -> new SeasonCalendar(5)).hasMessageContaining("must divide 12");
  }
}
