package dev.gsm.batch.input;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link MasterDataset#readMatches} found for one season.
 *
 * @param matches the rows ending at or before the watermark, plus rows without a readable {@code
 *     ended_at} (validation rejects those); schema {@link dev.gsm.batch.spark.MatchSchemas#match()}
 * @param watermark the run covers matches with {@code ended_at <= watermark}
 * @param watermarkDefaulted no watermark was asked for: it is the last {@code ended_at} of the data
 * @param rowsRead rows in {@code matches}
 * @param afterWatermark rows left for a later run because they end after the watermark
 * @param files every file read, sorted by path
 * @param fingerprint SHA-256 (hex) over the files' identities and the watermark: equal
 *     fingerprints, equal input
 */
public record SeasonInput(
    String season,
    Dataset<Row> matches,
    Instant watermark,
    boolean watermarkDefaulted,
    long rowsRead,
    long afterWatermark,
    List<InputFile> files,
    String fingerprint) {}
