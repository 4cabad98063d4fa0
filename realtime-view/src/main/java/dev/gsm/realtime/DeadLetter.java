package dev.gsm.realtime;

/** A log entry the speed layer could not apply, and why. */
public record DeadLetter(long offset, String reason, String json) {}
