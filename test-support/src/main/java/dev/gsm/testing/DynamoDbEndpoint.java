package dev.gsm.testing;

/** A DynamoDB-compatible server for a test: its endpoint and credentials it accepts. */
public record DynamoDbEndpoint(
    String endpoint, String accessKey, String secretKey, String region) {}
