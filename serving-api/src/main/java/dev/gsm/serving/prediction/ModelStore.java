package dev.gsm.serving.prediction;

import dev.gsm.core.features.MatchFeatures;
import dev.gsm.core.prediction.MatchQualityPredictor;
import dev.gsm.core.prediction.PortableModel;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.rating.RatingPredictor;
import dev.gsm.modelserver.SageMakerPredictor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClientBuilder;

/**
 * The served match-quality models: the model registry's {@code current} version (written by {@code
 * gsm promote} / {@code gsm rollback}), re-read when it changes. Without a promoted version, or
 * when the current one cannot be read, predictions come from the rating engine alone and say so
 * (the last good version stays served when a newer one is broken).
 */
@Component
class ModelStore {

  private static final Logger LOG = LoggerFactory.getLogger(ModelStore.class);

  /** The models in use: {@code version} is {@code null} for the rating engine alone. */
  record Served(String version, MatchQualityPredictor predictor) {}

  private final Path registry;
  private final long reloadMillis;
  private final Clock clock;
  private final RatingPredictor engine = new RatingPredictor(RatingParameters.defaults());
  private volatile Served served;
  private volatile long checkedAt = Long.MIN_VALUE;

  private final boolean remote;

  ModelStore(PredictionProperties props) {
    this.registry = Path.of(props.registry());
    this.reloadMillis = props.reloadInterval().toMillis();
    this.clock = Clock.systemUTC();
    this.remote = props.backend() == PredictionProperties.Backend.SAGEMAKER;
    if (remote) {
      PredictionProperties.SageMaker sm = props.sagemaker();
      SageMakerRuntimeClientBuilder b =
          SageMakerRuntimeClient.builder().region(Region.of(sm.region()));
      if (sm.endpointOverride() != null && !sm.endpointOverride().isBlank()) {
        b.endpointOverride(URI.create(sm.endpointOverride()));
      }
      SageMakerPredictor endpoint = new SageMakerPredictor(b.build(), sm.endpointName());
      this.served =
          new Served(
              "sagemaker:" + sm.endpointName(),
              new MatchQualityPredictor(
                  engine,
                  new SageMakerModel("win", MatchFeatures.WIN_FEATURES, endpoint),
                  new SageMakerModel("engagement", MatchFeatures.ENGAGEMENT_FEATURES, endpoint)));
    } else {
      this.served = new Served(null, new MatchQualityPredictor(engine, null, null));
      reload();
    }
  }

  /** Whether the models are evaluated by a remote endpoint, whose calls block. */
  boolean remote() {
    return remote;
  }

  /**
   * The models to use now. The registry's {@code current} file is checked at most once per reload
   * interval (a small local read, also on an I/O thread: a reload interval of 0 reads it on every
   * call).
   */
  Served served() {
    if (remote) {
      return served;
    }
    long now = clock.millis();
    if (now - checkedAt >= reloadMillis) {
      synchronized (this) {
        if (now - checkedAt >= reloadMillis) {
          reload();
        }
      }
    }
    return served;
  }

  private void reload() {
    checkedAt = clock.millis();
    String version;
    try {
      version = Files.readString(registry.resolve("current")).strip();
    } catch (NoSuchFileException e) {
      return; // nothing promoted yet: the rating engine alone
    } catch (IOException e) {
      LOG.warn("cannot read the model registry's current version under {}", registry, e);
      return;
    }
    if (version.equals(served.version())) {
      return;
    }
    try {
      Path dir = registry.resolve("versions").resolve(version);
      PortableModel win = PortableModel.fromJson(Files.readString(dir.resolve("win.json")));
      PortableModel engagement =
          PortableModel.fromJson(Files.readString(dir.resolve("engagement.json")));
      served = new Served(version, new MatchQualityPredictor(engine, win, engagement));
      LOG.info("serving match-quality models of version {}", version);
    } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
      LOG.warn("model version {} cannot be loaded; still serving {}", version, served.version(), e);
    }
  }
}
