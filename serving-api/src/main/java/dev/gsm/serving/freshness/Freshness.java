package dev.gsm.serving.freshness;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * What an answer is built from and how old it is (CONVENTIONS habit 10), in every answer.
 *
 * @param source {@code realtime}: the real-time view (the batch view's players plus the speed
 *     layer's matches after its watermark); {@code batch_view}: an archived batch view alone
 * @param batchVersion the batch view version the answer rests on
 * @param batchWatermark that view covers every match log offset up to this one
 * @param generation the real-time view's generation read (realtime only)
 * @param appliedThrough the speed layer has applied the log up to this offset (realtime only)
 * @param logHead the last accepted log offset (realtime only)
 * @param speedLagEntries accepted matches not yet in the answer ({@code logHead - appliedThrough})
 * @param speedLagSeconds how long the oldest of them has been waiting
 * @param speedLayer {@code up}, {@code stale} (matches wait longer than the configured limit: the
 *     speed layer is down or stuck), {@code unreachable} (the real-time view in Redis did not
 *     answer: the answer is the batch view's) or {@code not_applicable} (an archived season)
 * @param batchOnly true when the answer holds only what the batch view holds although later matches
 *     may exist: the speed layer is stale, or the answer comes from an archived view
 * @param asOf when the answer was built
 */
public record Freshness(
    Source source,
    String batchVersion,
    long batchWatermark,
    Long generation,
    Long appliedThrough,
    Long logHead,
    Long speedLagEntries,
    Double speedLagSeconds,
    SpeedLayer speedLayer,
    boolean batchOnly,
    Instant asOf) {

  public enum Source {
    REALTIME,
    BATCH_VIEW;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum SpeedLayer {
    UP,
    STALE,
    UNREACHABLE,
    NOT_APPLICABLE;

    @JsonValue
    String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
