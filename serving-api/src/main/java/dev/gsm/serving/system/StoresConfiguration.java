package dev.gsm.serving.system;

import dev.gsm.core.rating.Leagues;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.store.GlobalRankingsTable;
import dev.gsm.store.PlayerProfilesTable;
import java.net.URI;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The batch side's point-read store (DynamoDB player-profiles) and the domain rules every read
 * feature shares (season calendar, leagues, the clock), wired once.
 */
@Configuration(proxyBeanMethods = false)
class StoresConfiguration {

  @Bean(destroyMethod = "close")
  DynamoDbClient dynamoDbClient(GsmProperties props) {
    DynamoDbClientBuilder b =
        DynamoDbClient.builder()
            .region(Region.of(props.dynamodb().region()))
            .overrideConfiguration(
                c ->
                    c.apiCallAttemptTimeout(props.dynamodb().attemptTimeout())
                        .apiCallTimeout(props.dynamodb().callTimeout()));
    String endpoint = props.dynamodb().endpoint();
    if (endpoint != null && !endpoint.isBlank()) {
      b.endpointOverride(URI.create(endpoint));
    }
    String key = props.dynamodb().accessKey();
    if (key != null && !key.isBlank()) {
      b.credentialsProvider(
          StaticCredentialsProvider.create(
              AwsBasicCredentials.create(key, props.dynamodb().secretKey())));
    }
    return b.build();
  }

  @Bean
  PlayerProfilesTable playerProfilesTable(DynamoDbClient client, GsmProperties props) {
    PlayerProfilesTable table =
        new PlayerProfilesTable(
            client, props.dynamodb().profilesTable(), GlobalRankingsTable.Backoff.jittered());
    if (props.dynamodb().createTables()) {
      try {
        table.createIfMissing();
      } catch (RuntimeException e) {
        // DynamoDB Local not running: the API still serves the live view; readiness says DOWN
        LoggerFactory.getLogger(StoresConfiguration.class)
            .warn("could not create {}: {}", table.tableName(), e.toString());
      }
    }
    return table;
  }

  @Bean
  SeasonCalendar seasonCalendar(GsmProperties props) {
    return new SeasonCalendar(props.seasonsPerYear());
  }

  @Bean
  Leagues leagues(GsmProperties props) {
    return Leagues.parse(props.rankings().leagues());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
