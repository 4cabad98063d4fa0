package dev.gsm.serving.system;

import dev.gsm.realtime.Generation;
import dev.gsm.realtime.RealtimeView;
import dev.gsm.store.PlayerProfilesTable;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The readiness group's indicators (see application.yml): Redis answers, the player-profiles table
 * exists, and the batch view the real-time view rests on is younger than {@code
 * gsm.rankings.batch-view-max-age}.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {
  private static final DateTimeFormatter RUN_START =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  @Bean
  HealthIndicator redis(StatefulRedisConnection<String, String> connection) {
    return () -> {
      try {
        return Health.up().withDetail("ping", connection.sync().ping()).build();
      } catch (RuntimeException e) {
        return Health.down(e).build();
      }
    };
  }

  @Bean
  HealthIndicator dynamoDb(DynamoDbClient client, PlayerProfilesTable table) {
    return () -> {
      try {
        String status =
            client.describeTable(b -> b.tableName(table.tableName())).table().tableStatusAsString();
        return Health.up()
            .withDetail("table", table.tableName())
            .withDetail("status", status)
            .build();
      } catch (RuntimeException e) {
        return Health.down(e).withDetail("table", table.tableName()).build();
      }
    };
  }

  @Bean
  HealthIndicator batchView(RealtimeView realtime, GsmProperties props, Clock clock) {
    Duration maxAge = props.rankings().batchViewMaxAge();
    return () -> {
      Optional<Generation> g;
      try {
        g = realtime.current();
      } catch (RuntimeException e) {
        return Health.down(e).build();
      }
      if (g.isEmpty() || g.get().version().isEmpty()) {
        return Health.outOfService().withDetail("reason", "no batch view published yet").build();
      }
      Optional<Instant> start = runStart(g.get().version());
      if (start.isEmpty()) {
        return Health.unknown().withDetail("version", g.get().version()).build();
      }
      Duration age = Duration.between(start.get(), clock.instant());
      Health.Builder b = age.compareTo(maxAge) > 0 ? Health.outOfService() : Health.up();
      return b.withDetail("version", g.get().version())
          .withDetail("age", age.toString())
          .withDetail("max_age", maxAge.toString())
          .build();
    };
  }

  /**
   * {@code gsm_batch_view_age_seconds}: the age of the batch view the real-time view rests on (from
   * its version's run start), read at each scrape; NaN while there is none or Redis does not
   * answer. dashboards/ alerts on it with the readiness group's limit.
   */
  @Bean
  MeterBinder batchViewAge(RealtimeView realtime, Clock clock) {
    return registry ->
        Gauge.builder("gsm.batch.view.age", () -> ageSeconds(realtime, clock))
            .description("age of the batch view the real-time view rests on")
            .baseUnit("seconds")
            .register(registry);
  }

  private static double ageSeconds(RealtimeView realtime, Clock clock) {
    try {
      return realtime
          .current()
          .flatMap(g -> runStart(g.version()))
          .map(start -> Duration.between(start, clock.instant()).toMillis() / 1000.0)
          .orElse(Double.NaN);
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  /** A view version's run start ({@code <yyyyMMddTHHmmssZ>-<hex>}, batch-jobs' VersionId). */
  static Optional<Instant> runStart(String version) {
    try {
      return Optional.of(
          LocalDateTime.parse(version.substring(0, 16), RUN_START).toInstant(ZoneOffset.UTC));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
