package dev.gsm.realtime;

/**
 * A player in a season of the current generation: the state, the 0-based global rank among {@code
 * total} players, and what it was built from.
 */
public record PlayerView(Stamp stamp, PlayerState state, long globalRank, long total) {}
