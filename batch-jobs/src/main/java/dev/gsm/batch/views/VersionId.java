package dev.gsm.batch.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Version ids of batch views: {@code <run start, UTC, to the second>-<first 8 hex digits of the
 * input fingerprint>}, e.g. {@code 20261121T020000Z-3fa85f64}. They sort as text in run order, need
 * no counter shared between runs (a counter would need a read-modify-write that S3 cannot make
 * atomic), and two versions built from the same input show it in their suffix.
 */
public final class VersionId {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern FORM = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}");

  private VersionId() {}

  public static String of(Instant runStartedAt, String inputFingerprint) {
    if (inputFingerprint.length() < 8) {
      throw new IllegalArgumentException("fingerprint too short: " + inputFingerprint);
    }
    return STAMP.format(runStartedAt) + "-" + inputFingerprint.substring(0, 8);
  }

  public static boolean isValid(String version) {
    return version != null && FORM.matcher(version).matches();
  }
}
