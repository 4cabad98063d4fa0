package dev.gsm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisExtension.class)
class RedisExtensionTest {

  @Test
  void givesAServerThatAnswersCommands(RedisEndpoint redis) throws Exception {
    assertThat(LocalRedisServer.ping(redis.host(), redis.port())).isTrue();
    String key = redis.keyPrefix() + "k";
    try (Socket s = new Socket(redis.host(), redis.port())) {
      OutputStream out = s.getOutputStream();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      out.write(("SET " + key + " 42\r\nGET " + key + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      assertThat(in.readLine()).isEqualTo("+OK");
      assertThat(in.readLine()).isEqualTo("$2");
      assertThat(in.readLine()).isEqualTo("42");
    }
  }

  @Test
  void sameServerForTheWholeRunButADifferentPrefixPerTest(RedisEndpoint a, RedisEndpoint b) {
    assertThat(a.port()).isEqualTo(b.port());
    assertThat(a.source()).isIn("REDIS_URL", "redis-server", "testcontainers");
    assertThat(a.keyPrefix()).startsWith("test:RedisExtensionTest:");
    assertThat(a.keyPrefix()).isNotEqualTo(b.keyPrefix());
  }

  @Test
  void localServerIsNotTheSharedOneOnTheDefaultPort(RedisEndpoint redis) {
    if (!"REDIS_URL".equals(redis.source())) {
      assertThat(redis.port()).isNotEqualTo(6379);
    }
  }
}
