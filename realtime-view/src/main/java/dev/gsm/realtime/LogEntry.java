package dev.gsm.realtime;

/**
 * One entry of the match log.
 *
 * @param offset the log offset (the stream id is {@code <offset>-0})
 * @param json the match as accepted, with accepted_at and log_offset
 * @param acceptedAtMillis when the ingest API accepted it (epoch ms)
 */
public record LogEntry(long offset, String json, long acceptedAtMillis) {}
