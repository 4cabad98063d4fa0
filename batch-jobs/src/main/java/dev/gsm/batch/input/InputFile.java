package dev.gsm.batch.input;

/**
 * One data file a run read, as the manifest records it.
 *
 * <p>The checksum is the file's identity in the store, not a hash of its bytes: the master dataset
 * is append-only and a file is never rewritten in place, so (path, length, modification time) tells
 * whether a later run reads the same input, at the cost of one listing; hashing the content would
 * read the whole season a second time. Object stores add their own content checksum for free: the
 * ETag from the same listing (for a single-part upload, the MD5 of the object).
 *
 * @param path the file's full URI
 * @param partition the partition directories under {@code matches/}, e.g. {@code
 *     season=2026-S4/date=2026-11-21}
 * @param length bytes
 * @param modifiedAtMillis modification time in epoch milliseconds, as the store reports it
 * @param etag the store's ETag, or {@code null} where there is none (local files)
 */
public record InputFile(
    String path, String partition, long length, long modifiedAtMillis, String etag) {

  /** The line this file contributes to the input fingerprint. */
  String fingerprintLine() {
    return path + '\t' + length + '\t' + modifiedAtMillis + '\t' + (etag == null ? "" : etag);
  }
}
