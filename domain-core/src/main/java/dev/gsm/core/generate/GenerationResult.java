package dev.gsm.core.generate;

import java.util.Map;

/**
 * What one run produced.
 *
 * @param records records handed to the sink (bad records and re-sent duplicates included)
 * @param matchesByMode generated matches per mode code (re-sent duplicates not counted again)
 * @param badRecords planted bad records per kind
 * @param lopsidedLosses player appearances that ended in a lopsided loss
 * @param churnedPlayers players who quit during the season
 */
public record GenerationResult(
    long records,
    Map<String, Long> matchesByMode,
    Map<BadRecordKind, Long> badRecords,
    long draws,
    long abandoned,
    long lopsidedLosses,
    int churnedPlayers,
    GroundTruth groundTruth) {

  public long badRecordTotal() {
    return badRecords.values().stream().mapToLong(Long::longValue).sum();
  }
}
