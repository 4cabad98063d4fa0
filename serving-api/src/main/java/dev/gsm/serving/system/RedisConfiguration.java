package dev.gsm.serving.system;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redis adapters of realtime-view, wired once for every feature of the API. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /**
   * Commands fail fast while Redis is unreachable (rejected when disconnected, timed out after
   * {@code gsm.redis.command-timeout}) instead of queueing: the read endpoints then answer from the
   * batch view in DynamoDB and say so, and ingest answers 503 at once.
   */
  @Bean(destroyMethod = "shutdown")
  RedisClient redisClient(GsmProperties props) {
    RedisClient client = RedisClient.create(props.redis().url());
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(props.redis().commandTimeout()))
            .build());
    return client;
  }

  @Bean(destroyMethod = "close")
  StatefulRedisConnection<String, String> redisConnection(RedisClient client) {
    return client.connect();
  }

  @Bean
  RedisLayout redisLayout(GsmProperties props) {
    return new RedisLayout(props.redis().keyPrefix());
  }

  @Bean
  MatchLog matchLog(StatefulRedisConnection<String, String> connection, RedisLayout layout) {
    return new MatchLog(connection.sync(), layout);
  }

  @Bean
  RealtimeView realtimeView(
      StatefulRedisConnection<String, String> connection, RedisLayout layout) {
    return new RealtimeView(connection, layout, RatingParameters.defaults());
  }
}
