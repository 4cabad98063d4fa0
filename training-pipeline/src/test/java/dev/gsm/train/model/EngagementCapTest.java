package dev.gsm.train.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.schema.MatchEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cap on engagement examples keeps the driver's memory bounded, deterministically. */
class EngagementCapTest {

  static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

  static TrainingRun.Prepared prepare(List<MatchEvent> season, long cap) {
    TrainingRun.Options o =
        TrainingRun.Options.defaults().withEngagement(Duration.ofDays(3), 1.0, cap);
    return new TrainingRun(null, RatingParameters.defaults(), o, null, QUIET).prepare(season);
  }

  static long count(Map<Split.Part, List<LogisticTrainer.Example>> m) {
    return m.values().stream().mapToLong(List::size).sum();
  }

  @Test
  void aboveTheCapTheSampledShareIsLoweredToCapOverAppearances() {
    List<MatchEvent> season = TrainingRunTest.season(5_000, 500);
    long appearances =
        season.stream().flatMap(m -> m.sides().stream()).mapToLong(s -> s.players().size()).sum();
    TrainingRun.Prepared all = prepare(season, Long.MAX_VALUE);
    TrainingRun.Prepared capped = prepare(season, 10_000);

    assertThat(all.engagementSample()).isEqualTo(1.0);
    assertThat(capped.engagementSample()).isEqualTo(10_000.0 / appearances);
    // censored examples are left out of both, hence the count under the cap, within sampling noise
    assertThat(count(capped.engagement()) + capped.censored()).isBetween(9_000L, 11_000L);
    assertThat(count(all.engagement()) + all.censored()).isEqualTo(appearances);
    // the win examples are not sampled; the same cap picks the same examples
    assertThat(count(capped.win())).isEqualTo(count(all.win()));
    assertThat(prepare(season, 10_000).engagement().get(Split.Part.TEST))
        .extracting(e -> e.x()[0] + ":" + e.y())
        .isEqualTo(
            capped.engagement().get(Split.Part.TEST).stream()
                .map(e -> e.x()[0] + ":" + e.y())
                .toList());
  }
}
