package dev.gsm.core.metrics;

/**
 * One equal-width bin of predicted probabilities: how many predictions fell in {@code [lower,
 * upper)} (the last bin includes 1), their mean, and the observed frequency of the event.
 */
public record CalibrationBin(
    double lower, double upper, long count, double meanPredicted, double observed) {}
