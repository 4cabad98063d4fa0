package dev.gsm.testing;

import java.net.URI;

/**
 * A real Redis server for a test, and where it came from.
 *
 * @param host host to connect to
 * @param port port to connect to
 * @param source {@code REDIS_URL}, {@code redis-server} (a local binary this run started) or {@code
 *     testcontainers}
 * @param keyPrefix a prefix unique to this test class and JVM: tests that share a server (always
 *     the case with {@code REDIS_URL}) keep to their own keys with it
 */
public record RedisEndpoint(String host, int port, String source, String keyPrefix) {

  public String url() {
    return "redis://" + host + ":" + port;
  }

  public URI uri() {
    return URI.create(url());
  }
}
