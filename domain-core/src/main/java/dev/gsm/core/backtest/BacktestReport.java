package dev.gsm.core.backtest;

import dev.gsm.core.metrics.ScoreSummary;
import java.util.Map;

/**
 * What one protocol run measured.
 *
 * @param matches matches read by the protocol (before the window end)
 * @param cutoffEpochSecond UTC midnight of the match at index floor(0.7 N)
 * @param trained matches before the cutoff (update only)
 * @param scored matches on or after the cutoff that were forecast and scored
 * @param unscored matches on or after the cutoff with a shared first place (applied, not scored)
 * @param selfPlay matches with a player on two sides: counted (uniform forecast when scored), never
 *     shown to a forecaster
 * @param scores per forecaster name, in the order the forecasters were given
 */
public record BacktestReport(
    long matches,
    long cutoffEpochSecond,
    long trained,
    long scored,
    long unscored,
    long selfPlay,
    Map<String, ScoreSummary> scores) {}
