package dev.gsm.realtime;

/**
 * A player's new state in a season, with the state it replaces ({@code null} for a player new to
 * the season), so that the boards of a region or platform the player left can be updated.
 */
public record PlayerUpdate(PlayerState before, PlayerState after) {}
