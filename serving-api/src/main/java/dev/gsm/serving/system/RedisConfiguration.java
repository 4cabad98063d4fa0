package dev.gsm.serving.system;

import dev.gsm.core.rating.RatingParameters;
import dev.gsm.realtime.MatchLog;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.realtime.RedisLayout;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Redis adapters of realtime-view, wired once for every feature of the API. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  @Bean(destroyMethod = "shutdown")
  RedisClient redisClient(GsmProperties props) {
    return RedisClient.create(props.redis().url());
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
