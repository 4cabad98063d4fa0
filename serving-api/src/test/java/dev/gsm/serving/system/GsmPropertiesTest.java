package dev.gsm.serving.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad configuration stops the application at start-up, naming the property. */
class GsmPropertiesTest {
  @Configuration
  @EnableConfigurationProperties(GsmProperties.class)
  static class Props {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Props.class)
          .withPropertyValues(
              "gsm.redis.url=redis://127.0.0.1:1",
              "gsm.redis.key-prefix=gsm:",
              "gsm.redis.command-timeout=2s",
              "gsm.ingest.max-batch=500",
              "gsm.ingest.max-body-bytes=4096",
              "gsm.seasons-per-year=4",
              "gsm.dynamodb.endpoint=http://127.0.0.1:8000",
              "gsm.dynamodb.region=us-east-1",
              "gsm.dynamodb.profiles-table=player-profiles",
              "gsm.rankings.default-page-size=50",
              "gsm.rankings.max-page-size=200",
              "gsm.rankings.leagues=bronze=0,silver=30,gold=60",
              "gsm.rankings.season=",
              "gsm.rankings.speed-stale-after=5s",
              "gsm.rankings.batch-view-max-age=36h",
              "gsm.rankings.live-max-age=100ms");

  @Test
  void goodConfigurationBinds() {
    runner.run(
        ctx -> assertThat(ctx.getBean(GsmProperties.class).ingest().maxBatch()).isEqualTo(500));
  }

  @Test
  void liveMaxAgeOfASecondOrMoreFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.rankings.live-max-age=2s")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("live-max-age"));
  }

  @Test
  void batchLimitAboveTheLogsOwnFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.ingest.max-batch=100000")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxBatch"));
  }

  @Test
  void pageSizeAboveTheDocumentedMaximumFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.rankings.max-page-size=5000")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxPageSize"));
  }

  @Test
  void defaultPageLargerThanTheMaximumFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.rankings.default-page-size=300")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("default-page-size must be <="));
  }

  @Test
  void aLeagueRuleTheBatchWouldRefuseFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.rankings.leagues=gold=60,bronze=0")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("--leagues"));
  }

  @Test
  void aDynamoDbEndpointThatIsNotAUrlFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.dynamodb.endpoint=localhost:8000")
        .run(
            ctx ->
                assertThat(ctx).getFailure().rootCause().hasMessageContaining("dynamodb.endpoint"));
  }

  @Test
  void redisUrlThatIsNotOneFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.redis.url=localhost")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("redis.url"));
  }
}
