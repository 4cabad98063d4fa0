package dev.gsm.batch.views;

import dev.gsm.batch.input.InputFile;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code views/<name>/version=<V>/_manifest.json}: written after every data file of the version, so
 * a version directory without one is an unfinished run and is never read.
 *
 * @param view the view's name
 * @param version the version id ({@link VersionId})
 * @param job the job that built it
 * @param season the season it covers
 * @param watermarkOffset it covers exactly the matches with {@code log_offset <=} this (LAMBDA.md)
 * @param watermarkSource where the offset came from: option, archiver or data
 * @param latestEndedAt the latest {@code ended_at} among the covered matches, for people
 * @param inputs the master-dataset files read, with their identities
 * @param inputFingerprint SHA-256 over inputs and watermark offset
 * @param counts named record counts (read, after watermark, rejected, duplicates, accepted, rows)
 * @param rejectsByReason rejected records per reason
 * @param rejectsPath where the rejects of the run are
 * @param files the version's data files
 * @param rows rows in the view
 * @param timingsMillis wall time of each step, in run order
 * @param startedAt when the run started
 * @param committedAt when this manifest was written
 */
public record ViewManifest(
    String view,
    String version,
    String job,
    String season,
    long watermarkOffset,
    String watermarkSource,
    Instant latestEndedAt,
    List<InputFile> inputs,
    String inputFingerprint,
    Map<String, Long> counts,
    Map<String, Long> rejectsByReason,
    String rejectsPath,
    List<OutputFile> files,
    long rows,
    Map<String, Long> timingsMillis,
    Instant startedAt,
    Instant committedAt) {

  public static final String FILE_NAME = "_manifest.json";
}
