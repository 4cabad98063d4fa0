package dev.gsm.serving.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits and the client identity they count by ({@code gsm.security.*}), validated at
 * start-up.
 *
 * @param clientHeader the request header naming the client (an API key or a game server's id);
 *     without it a client is its remote address. Only a hash of the value is kept or logged.
 * @param reads {@code GET /api/**}: leaderboards, player pages, the live stream
 * @param writes {@code POST /api/**}: ingest and predictions
 * @param auditDir where the audit log's daily files are written ({@link AuditLog})
 */
@Validated
@ConfigurationProperties("gsm.security")
public record SecurityProperties(
    @NotBlank String clientHeader,
    @NotNull @Valid Limit reads,
    @NotNull @Valid Limit writes,
    @NotBlank String auditDir) {

  /**
   * A token bucket per client: {@code perSecond} sustained, bursts up to {@code burst}; 0 turns the
   * limit off.
   */
  public record Limit(@DecimalMin("0") double perSecond, @Min(0) long burst) {
    boolean enabled() {
      return perSecond > 0;
    }
  }
}
