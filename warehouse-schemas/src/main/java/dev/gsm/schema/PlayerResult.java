package dev.gsm.schema;

/** One player's appearance in a match and what he did there. */
public record PlayerResult(String playerId, PlayerStats stats) {}
