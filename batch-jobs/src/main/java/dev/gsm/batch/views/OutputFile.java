package dev.gsm.batch.views;

/**
 * A data file of a view version. The SHA-256 of its bytes lets anyone check that two runs over the
 * same input produced the same view, bit for bit, and that a copy is intact.
 *
 * @param name file name inside the version directory
 */
public record OutputFile(String name, long length, String sha256) {}
