package dev.gsm.testing;

/**
 * An S3-compatible server for a test: where it is and the credentials it accepts.
 *
 * @param endpoint e.g. {@code http://127.0.0.1:40123}; address buckets path-style
 * @param region the region to sign requests for
 */
public record S3Endpoint(String endpoint, String accessKey, String secretKey, String region) {}
