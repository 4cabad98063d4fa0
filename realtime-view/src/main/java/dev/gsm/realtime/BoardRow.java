package dev.gsm.realtime;

import dev.gsm.core.rating.PlayerRating;

/** One row of a board page: the 0-based rank, the player and the rating the board ranks. */
public record BoardRow(long rank, String playerId, PlayerRating rating, double displayScore) {}
