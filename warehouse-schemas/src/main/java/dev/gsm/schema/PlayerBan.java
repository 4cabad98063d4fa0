package dev.gsm.schema;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A ban, recorded as a fact in the master dataset under {@link DatasetLayout#bans(String)}: bans
 * are appended, never edited. A banned player's matches are left out of the whole rebuild of the
 * season, so everyone he played is rated as if those matches never happened.
 *
 * @param playerId the banned player
 * @param bannedAt when the ban was decided
 * @param reason free text for people (cheating, boosting, ...)
 * @param banId the ban's unique id: recording the same ban twice has no further effect
 */
public record PlayerBan(String playerId, Instant bannedAt, String reason, String banId) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  /** Spark DDL of a ban row as stored (Parquet), partition column {@code season} from the path. */
  public static final String SPARK_DDL =
      "player_id STRING NOT NULL, banned_at TIMESTAMP NOT NULL, reason STRING, "
          + "ban_id STRING NOT NULL";

  /** Parquet schema of a ban file. */
  public static final String PARQUET_MESSAGE_TYPE =
      """
      message player_ban {
        required binary player_id (STRING);
        required int64 banned_at (TIMESTAMP(MICROS,true));
        optional binary reason (STRING);
        required binary ban_id (STRING);
      }
      """;

  public PlayerBan {
    Objects.requireNonNull(bannedAt, "bannedAt");
    if (playerId == null || !ID.matcher(playerId).matches()) {
      throw new IllegalArgumentException("player_id: not a player id: " + playerId);
    }
    if (banId == null || !ID.matcher(banId).matches()) {
      throw new IllegalArgumentException("ban_id: not an id: " + banId);
    }
  }
}
