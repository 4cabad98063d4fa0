package dev.gsm.serving.prediction;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the prediction endpoints ({@code gsm.prediction.*}), validated at start-up.
 *
 * @param backend where the models are evaluated: {@code in-process} (the registry's current
 *     version, loaded into this JVM) or {@code sagemaker} (an endpoint running model-server's
 *     container)
 * @param registry the model registry the training pipeline writes ({@code gsm train}, {@code gsm
 *     promote}): its {@code current} version is served in-process
 * @param reloadInterval how often {@code current} is checked for a new promotion or a rollback
 * @param maxPlayers players in one match-quality request
 * @param maxBatch matches in one batch of match-quality predictions
 * @param maxPool players in one matchmaking pool, and distinct players in one batch
 * @param sagemaker the endpoint, when the backend is {@code sagemaker}
 */
@Validated
@ConfigurationProperties("gsm.prediction")
public record PredictionProperties(
    @NotNull Backend backend,
    @NotBlank String registry,
    @NotNull Duration reloadInterval,
    @Min(2) @Max(1000) int maxPlayers,
    @Min(1) @Max(1000) int maxBatch,
    @Min(2) @Max(2000) int maxPool,
    @NotNull @Valid SageMaker sagemaker) {

  public enum Backend {
    IN_PROCESS,
    SAGEMAKER
  }

  /**
   * @param endpointName the SageMaker endpoint ({@code gsm train}'s deployer names it)
   * @param region its AWS region
   * @param endpointOverride another address for the runtime API (a local model container); empty
   *     for AWS's
   */
  public record SageMaker(String endpointName, @NotBlank String region, String endpointOverride) {}

  @AssertTrue(message = "gsm.prediction.sagemaker.endpoint-name is required with backend sagemaker")
  boolean isEndpointNamedForSageMaker() {
    return backend != Backend.SAGEMAKER
        || (sagemaker != null
            && sagemaker.endpointName() != null
            && !sagemaker.endpointName().isBlank());
  }
}
