package dev.gsm.orchestration.publish;

import dev.gsm.core.features.PointInTimeReplay;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchJson;
import dev.gsm.schema.MatchValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Every player's activity history as of a view's watermark (domain-core {@code
 * PlayerHistory.export}): the history features of the serving API's match-quality predictions,
 * loaded with the view into the real-time view's generation.
 *
 * <p>The same replay as the training examples ({@link PointInTimeReplay#finalHistories}) over the
 * same matches the batch covers: every season up to the view's, valid records only, one per match
 * id (the earliest {@code ended_at}, then the smallest log offset, then the smallest JSON), log
 * offset at most the watermark. Bans do not apply here: a banned player's matches are left out of
 * the ratings, but his opponents did play them, and their activity counts them.
 */
final class FeatureHistories {

  private FeatureHistories() {}

  /**
   * Every player's history (the Redis load keeps those of the players it loads).
   *
   * @return history by player id; empty when the data root holds no matches
   */
  static Map<String, byte[]> compute(
      String dataRoot, String season, long watermark, Configuration conf, RatingParameters params) {
    Path matches = new Path(new DatasetLayout(dataRoot).matches());
    try {
      FileSystem fs = DatasetFs.fileSystem(matches, conf);
      if (!fs.exists(matches)) {
        return Map.of();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + matches, e);
    }
    Map<String, MatchEvent> byId = new HashMap<>();
    for (String s : MatchDatasetReader.seasons(dataRoot, conf)) {
      if (s.compareTo(season) > 0) {
        continue;
      }
      MatchDatasetReader.forEach(
          dataRoot,
          s,
          conf,
          e -> {
            if (e.logOffset() <= watermark && MatchValidator.validate(e).isEmpty()) {
              byId.merge(e.matchId(), e, FeatureHistories::earlier);
            }
          });
    }
    List<MatchEvent> events = new ArrayList<>(byId.values());
    byId.clear();
    return new PointInTimeReplay(params, PointInTimeReplay.Options.defaults())
        .finalHistories(events);
  }

  /** Which copy of a match id counts: fixed by the records alone, never by reading order. */
  static MatchEvent earlier(MatchEvent a, MatchEvent b) {
    int c = a.endedAt().compareTo(b.endedAt());
    if (c == 0) {
      c = Long.compare(a.logOffset(), b.logOffset());
    }
    if (c == 0) {
      c = MatchJson.write(a).compareTo(MatchJson.write(b));
    }
    return c <= 0 ? a : b;
  }
}
