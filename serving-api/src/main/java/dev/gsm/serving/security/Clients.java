package dev.gsm.serving.security;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who sent a request, as rate limits count and the audit log names it: {@code key:<hash>} for a
 * request carrying the client header (the first 16 hex digits of the value's SHA-256: the key
 * itself is never kept or logged), else {@code ip:<remote address>}.
 */
public final class Clients {
  private Clients() {}

  public static String of(ServerHttpRequest request, String header) {
    String key = request.getHeaders().getFirst(header);
    if (key != null && !key.isBlank()) {
      return "key:" + hash(key);
    }
    InetSocketAddress remote = request.getRemoteAddress();
    return "ip:"
        + (remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress());
  }

  private static String hash(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
