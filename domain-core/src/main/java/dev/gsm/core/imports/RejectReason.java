package dev.gsm.core.imports;

import java.util.Locale;

/** Why an input row was set aside instead of imported. */
public enum RejectReason {
  /** The CSV itself is broken (an unclosed quote swallows the rest of the file). */
  MALFORMED_CSV,
  /** A mapped id cell (match or player) is empty or the row is too short to have it. */
  MISSING_ID,
  /** The time cell is empty. */
  MISSING_TIME,
  /** The time cell does not parse with the time format. */
  UNPARSABLE_TIME,
  /** A match or player id has characters the match schema does not allow. */
  BAD_ID,
  /** The same player is on both sides. */
  SAME_PLAYER_ON_BOTH_SIDES,
  /** The same player appears twice on one side. */
  DUPLICATE_PLAYER_IN_SIDE,
  /** A duration cell is not a non-negative number. */
  BAD_DURATION,
  /** The order cell is not a whole number. */
  BAD_ORDER,
  /** A row with a match id seen earlier in this import (the first one is kept). */
  DUPLICATE_MATCH_ID,
  /** Anything else the match validator rejects. */
  INVALID_MATCH;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
