package dev.gsm.core.imports;

import java.time.Instant;
import java.util.Map;

/**
 * What an import did.
 *
 * @param rows data rows read (header lines not counted)
 * @param imported matches handed to the sink
 * @param rejects rejected rows per reason (every reason present, zero included)
 * @param seasons imported matches per season, in season order
 * @param first the earliest imported match time, or {@code null} when nothing was imported
 * @param last the latest imported match time, or {@code null}
 */
public record ImportResult(
    int files,
    long rows,
    long imported,
    Map<RejectReason, Long> rejects,
    Map<String, Long> seasons,
    Instant first,
    Instant last) {

  public long rejected() {
    return rejects.values().stream().mapToLong(Long::longValue).sum();
  }
}
