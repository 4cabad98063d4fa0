package dev.gsm.serving.system;

import dev.gsm.realtime.MatchLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Typed configuration of the serving API ({@code gsm.*}), validated at start-up: a bad value stops
 * the application with the property named.
 *
 * @param redis where the match log and the real-time view live
 * @param ingest limits of {@code POST /api/v1/matches}
 * @param seasonsPerYear the season calendar (must divide 12)
 * @param dynamodb where the batch views for point reads live (player-profiles)
 * @param rankings the read side: page sizes, league rule, freshness thresholds
 */
@Validated
@ConfigurationProperties("gsm")
public record GsmProperties(
    @NotNull @Valid Redis redis,
    @NotNull @Valid Ingest ingest,
    @Min(1) @Max(12) int seasonsPerYear,
    @NotNull @Valid DynamoDb dynamodb,
    @NotNull @Valid Rankings rankings) {

  /**
   * @param endpoint empty for AWS's endpoint of the region; DynamoDB Local's URL on the local
   *     profile
   * @param region AWS region
   * @param profilesTable the player-profiles table (DynamoTables.PLAYER_PROFILES)
   * @param accessKey with secretKey: fixed credentials (DynamoDB Local keeps one database per
   *     access key and region); empty = the AWS default provider chain (task role, environment)
   * @param createTables create player-profiles at start-up when it is missing (local profile:
   *     DynamoDB Local starts empty; on AWS Terraform owns the table)
   * @param attemptTimeout one request to DynamoDB longer than this is abandoned and retried (the
   *     SDK's own default waits 30 s on a stalled socket)
   * @param callTimeout a call, retries included, longer than this fails: the answer is a 503
   *     problem detail rather than a hung request
   */
  public record DynamoDb(
      @Pattern(regexp = "(https?://.+)?") String endpoint,
      @NotBlank String region,
      @NotBlank String profilesTable,
      String accessKey,
      String secretKey,
      boolean createTables,
      @DefaultValue("2s") java.time.Duration attemptTimeout,
      @DefaultValue("5s") java.time.Duration callTimeout) {}

  /**
   * @param defaultPageSize rows of a page when the request names no limit
   * @param maxPageSize the documented largest page; a larger limit is a 400
   * @param leagues league thresholds by percentile, the batch's {@code --leagues} (domain-core
   *     Leagues): live rows must use the same rule as the batch rows
   * @param season the season served when a request names none; empty = the calendar's season of the
   *     clock (set it to serve a generated past season as the current one)
   * @param speedStaleAfter accepted matches waiting longer than this mean the speed layer is down
   *     or stuck: answers say batch_only
   * @param batchViewMaxAge readiness fails when the published batch view is older than this
   * @param liveMaxAge a page of the current season read this recently is answered again from
   *     memory, with the freshness it was read with (its {@code as_of} says when): a hot page costs
   *     no store call at all within this window. 0 turns the reuse off
   */
  public record Rankings(
      @Min(1) @Max(1000) int defaultPageSize,
      @Min(1) @Max(1000) int maxPageSize,
      @NotBlank String leagues,
      @Pattern(regexp = "([0-9]{4}-S[0-9]{1,2})?") String season,
      @NotNull java.time.Duration speedStaleAfter,
      @NotNull java.time.Duration batchViewMaxAge,
      @NotNull java.time.Duration liveMaxAge) {

    public Rankings {
      if (defaultPageSize > maxPageSize) {
        throw new IllegalArgumentException(
            "gsm.rankings.default-page-size must be <= gsm.rankings.max-page-size");
      }
      dev.gsm.core.rating.Leagues.parse(leagues); // a bad league rule fails at start-up
      if (liveMaxAge != null && (liveMaxAge.isNegative() || liveMaxAge.toSeconds() >= 1)) {
        throw new IllegalArgumentException(
            "gsm.rankings.live-max-age must be between 0 and 1s (the stream's promise)");
      }
    }
  }

  /**
   * @param url e.g. redis://127.0.0.1:6379 (ElastiCache: rediss://primary-endpoint:6379)
   * @param keyPrefix prefix of every key (realtime-view's RedisLayout)
   * @param commandTimeout a command not answered within this fails (reads fall back to the batch
   *     view)
   */
  public record Redis(
      @NotBlank @Pattern(regexp = "rediss?://.+") String url,
      @NotBlank String keyPrefix,
      @NotNull java.time.Duration commandTimeout) {}

  /**
   * @param maxBatch matches per request, at most the match log's own limit
   * @param maxBodyBytes request bodies above this are refused with 413 before they are parsed
   */
  public record Ingest(
      @Min(1) @Max(MatchLog.MAX_BATCH) int maxBatch,
      @Min(1024) @Max(64L << 20) long maxBodyBytes) {}
}
