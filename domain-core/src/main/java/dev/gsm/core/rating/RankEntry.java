package dev.gsm.core.rating;

/** One row of a leaderboard: what {@link RankOrder} orders. */
public record RankEntry(String playerId, double displayScore, long games) {}
