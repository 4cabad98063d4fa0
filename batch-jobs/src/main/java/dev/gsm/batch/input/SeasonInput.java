package dev.gsm.batch.input;

import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link MasterDataset#readMatches} found for one season.
 *
 * @param matches the rows with {@code log_offset <= watermarkOffset} (a missing offset reads as 0);
 *     schema {@link dev.gsm.batch.spark.MatchSchemas#match()}
 * @param watermarkOffset the log offset L the run covers up to: its watermark
 * @param watermarkSource where L came from
 * @param latestEndedAt the latest {@code ended_at} among the covered rows (for people), null if
 *     none
 * @param rowsRead rows in {@code matches}
 * @param afterWatermark rows left for a later run because their offset is beyond L
 * @param files every file read, sorted by path
 * @param fingerprint SHA-256 (hex) over the files' identities and the watermark: equal
 *     fingerprints, equal input
 */
public record SeasonInput(
    String season,
    Dataset<Row> matches,
    long watermarkOffset,
    MasterDataset.WatermarkSource watermarkSource,
    Instant latestEndedAt,
    long rowsRead,
    long afterWatermark,
    List<InputFile> files,
    String fingerprint) {}
