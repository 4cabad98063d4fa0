package dev.gsm.core.generate;

import java.util.Locale;

/**
 * The kinds of bad record the generator plants. Every kind except {@link #EXACT_DUPLICATE} is
 * rejected by {@code MatchValidator}; an exact duplicate is a valid record whose match id was
 * already sent (a game server retrying), which the batch must drop by id.
 */
public enum BadRecordKind {
  NEGATIVE_STAT,
  ENDED_BEFORE_STARTED,
  DUPLICATE_PLAYER,
  SINGLE_SIDE,
  BAD_ID,
  PLACEMENT_OUT_OF_RANGE,
  EXACT_DUPLICATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
