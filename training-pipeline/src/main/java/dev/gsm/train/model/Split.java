package dev.gsm.train.model;

import dev.gsm.schema.MatchEvent;
import java.util.List;

/**
 * The chronological hold-out: matches starting before {@code validationFrom} train, those up to
 * {@code testFrom} calibrate (Platt), the rest are the test set every model and baseline is scored
 * on. Boundaries are match start times at fixed shares of the matches.
 */
public record Split(long validationFrom, long testFrom) {

  public enum Part {
    TRAIN,
    VALIDATION,
    TEST
  }

  /** Boundaries at {@code trainShare} and {@code trainShare + validationShare} of the matches. */
  public static Split of(List<MatchEvent> byStart, double trainShare, double validationShare) {
    int n = byStart.size();
    if (n < 10) {
      throw new IllegalArgumentException("too few matches to split: " + n);
    }
    int v = (int) Math.floor(n * trainShare);
    int t = (int) Math.floor(n * (trainShare + validationShare));
    return new Split(
        byStart.get(v).startedAt().getEpochSecond(), byStart.get(t).startedAt().getEpochSecond());
  }

  public Part of(long startedAt) {
    return startedAt < validationFrom
        ? Part.TRAIN
        : startedAt < testFrom ? Part.VALIDATION : Part.TEST;
  }
}
