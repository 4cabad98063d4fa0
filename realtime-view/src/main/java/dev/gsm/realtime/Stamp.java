package dev.gsm.realtime;

/**
 * What a read was built from (CONVENTIONS habit 10): the generation, its batch view version and
 * watermark, and how far the speed layer had applied the log.
 */
public record Stamp(long generation, String version, long watermark, long appliedThrough) {}
