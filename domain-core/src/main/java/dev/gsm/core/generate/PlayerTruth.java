package dev.gsm.core.generate;

import java.time.Instant;
import java.util.List;

/**
 * What the generator planted for one player, for checking what the batch jobs recover.
 *
 * @param peakHoursUtc UTC hours at which the player performs above his skill; empty for most
 * @param peakDaysUtc the UTC days those hours apply on: {@code all}, {@code sat;sun}, or empty
 * @param churnedAt end of the last match before the player quit, or {@code null}
 */
public record PlayerTruth(
    String playerId,
    String region,
    String platform,
    PlayStyle style,
    boolean heavy,
    double initialSkill,
    double finalSkill,
    List<Integer> peakHoursUtc,
    String peakDaysUtc,
    boolean churned,
    Instant churnedAt,
    int matchesPlayed,
    int lopsidedLosses) {}
