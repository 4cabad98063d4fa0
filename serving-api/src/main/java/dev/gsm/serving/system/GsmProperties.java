package dev.gsm.serving.system;

import dev.gsm.realtime.MatchLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Typed configuration of the serving API ({@code gsm.*}), validated at start-up: a bad value stops
 * the application with the property named.
 *
 * @param redis where the match log and the real-time view live
 * @param ingest limits of {@code POST /api/v1/matches}
 * @param seasonsPerYear the season calendar (must divide 12)
 */
@Validated
@ConfigurationProperties("gsm")
public record GsmProperties(
    @NotNull @Valid Redis redis,
    @NotNull @Valid Ingest ingest,
    @Min(1) @Max(12) int seasonsPerYear) {

  /**
   * @param url e.g. redis://127.0.0.1:6379 (ElastiCache: rediss://primary-endpoint:6379)
   * @param keyPrefix prefix of every key (realtime-view's RedisLayout)
   */
  public record Redis(
      @NotBlank @Pattern(regexp = "rediss?://.+") String url, @NotBlank String keyPrefix) {}

  /**
   * @param maxBatch matches per request, at most the match log's own limit
   * @param maxBodyBytes request bodies above this are refused with 413 before they are parsed
   */
  public record Ingest(
      @Min(1) @Max(MatchLog.MAX_BATCH) int maxBatch,
      @Min(1024) @Max(64L << 20) long maxBodyBytes) {}
}
