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
              "gsm.ingest.max-batch=500",
              "gsm.ingest.max-body-bytes=4096",
              "gsm.seasons-per-year=4");

  @Test
  void goodConfigurationBinds() {
    runner.run(
        ctx -> assertThat(ctx.getBean(GsmProperties.class).ingest().maxBatch()).isEqualTo(500));
  }

  @Test
  void batchLimitAboveTheLogsOwnFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.ingest.max-batch=100000")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("maxBatch"));
  }

  @Test
  void redisUrlThatIsNotOneFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.redis.url=localhost")
        .run(ctx -> assertThat(ctx).getFailure().rootCause().hasMessageContaining("redis.url"));
  }
}
