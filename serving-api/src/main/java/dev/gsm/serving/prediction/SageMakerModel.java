package dev.gsm.serving.prediction;

import dev.gsm.core.prediction.ProbabilityModel;
import dev.gsm.modelserver.SageMakerPredictor;
import java.util.List;

/**
 * A model behind a SageMaker endpoint (the model container of model-server): the serving API
 * computes the features, the endpoint evaluates them, one InvokeEndpoint call per model and match.
 */
final class SageMakerModel implements ProbabilityModel {

  private final String name;
  private final List<String> features;
  private final SageMakerPredictor endpoint;

  SageMakerModel(String name, List<String> features, SageMakerPredictor endpoint) {
    this.name = name;
    this.features = List.copyOf(features);
    this.endpoint = endpoint;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> features() {
    return features;
  }

  @Override
  public double predict(double[] x) {
    return predictAll(new double[][] {x})[0];
  }

  @Override
  public double[] predictAll(double[][] xs) {
    double[] p = endpoint.predict(name, xs);
    if (p.length != xs.length) {
      throw new IllegalStateException(
          "endpoint answered " + p.length + " predictions for " + xs.length + " rows");
    }
    return p;
  }
}
