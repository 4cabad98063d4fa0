package dev.gsm.orchestration.publish;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A committed version of the {@code leaderboards} view, checked against its manifest: what the
 * publish job loads.
 *
 * @param season the season the run covers
 * @param version the version id, {@code <run start yyyyMMddTHHmmssZ>-<8 hex>}
 * @param watermarkOffset the view covers every log offset {@code <=} this (docs/LAMBDA.md)
 * @param rows rows of the whole view (every board)
 * @param files the data files listed by the manifest, in name order, as full paths
 */
public record ViewVersion(
    String season, String version, long watermarkOffset, long rows, List<String> files) {

  static final Pattern VERSION_ID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  public ViewVersion {
    files = List.copyOf(files);
  }

  /**
   * The generation the serving stores write under: the run start of the version in epoch
   * milliseconds. Version ids sort in run order, so a newer version always writes a larger
   * generation (DynamoDB's range key {@code timestamp}).
   */
  public long generation() {
    return generationOf(version);
  }

  static long generationOf(String version) {
    if (!VERSION_ID.matcher(version).matches()) {
      throw new IllegalArgumentException("not a version id: " + version);
    }
    Instant start = LocalDateTime.parse(version.substring(0, 16), STAMP).toInstant(ZoneOffset.UTC);
    return start.toEpochMilli();
  }
}
