package dev.gsm.serving.prediction;

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
 * @param registry the model registry the training pipeline writes ({@code gsm train}, {@code gsm
 *     promote}): its {@code current} version is served
 * @param reloadInterval how often {@code current} is checked for a new promotion or a rollback
 * @param maxPlayers players in one match-quality request
 * @param maxPool players in one matchmaking pool
 */
@Validated
@ConfigurationProperties("gsm.prediction")
public record PredictionProperties(
    @NotBlank String registry,
    @NotNull Duration reloadInterval,
    @Min(2) @Max(1000) int maxPlayers,
    @Min(2) @Max(2000) int maxPool) {}
