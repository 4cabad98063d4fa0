package dev.gsm.serving;

import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API's integration tests against a real Redis (test-support's RedisExtension: a redis-server
 * of their own and a key prefix per class), wired into {@code gsm.redis.*}.
 */
@ExtendWith(RedisExtension.class)
public abstract class RedisBackedIT {
  protected static RedisEndpoint redis;

  @BeforeAll
  static void redis(RedisEndpoint endpoint) {
    redis = endpoint;
  }

  @DynamicPropertySource
  static void redisProperties(DynamicPropertyRegistry registry) {
    registry.add("gsm.redis.url", () -> redis.url());
    registry.add("gsm.redis.key-prefix", () -> redis.keyPrefix());
  }
}
