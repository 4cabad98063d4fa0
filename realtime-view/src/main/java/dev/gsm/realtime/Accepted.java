package dev.gsm.realtime;

import java.time.Instant;

/**
 * The answer of the match log to one appended match. A duplicate gets the offset and acceptance
 * time of its first acceptance, so the client sees the same answer twice.
 */
public record Accepted(String matchId, long logOffset, Instant acceptedAt, boolean duplicate) {}
