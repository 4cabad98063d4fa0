package dev.gsm.serving.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Bad prediction configuration stops the application at start-up, naming the property. */
class PredictionPropertiesTest {
  @Configuration
  @EnableConfigurationProperties(PredictionProperties.class)
  static class Props {}

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
          .withUserConfiguration(Props.class)
          .withPropertyValues(
              "gsm.prediction.backend=in-process",
              "gsm.prediction.registry=models",
              "gsm.prediction.reload-interval=30s",
              "gsm.prediction.max-players=100",
              "gsm.prediction.max-pool=500",
              "gsm.prediction.max-batch=100",
              "gsm.prediction.sagemaker.region=eu-west-1");

  @Test
  void goodConfigurationBinds() {
    runner.run(
        ctx ->
            assertThat(ctx.getBean(PredictionProperties.class).backend())
                .isEqualTo(PredictionProperties.Backend.IN_PROCESS));
  }

  @Test
  void theSageMakerBackendWithoutAnEndpointFailsAtStartUp() {
    runner
        .withPropertyValues("gsm.prediction.backend=sagemaker")
        .run(
            ctx ->
                assertThat(ctx)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("sagemaker.endpoint-name is required"));
  }

  @Test
  void anUnknownBackendFailsAtStartUp() {
    runner.withPropertyValues("gsm.prediction.backend=gpu").run(ctx -> assertThat(ctx).hasFailed());
  }
}
