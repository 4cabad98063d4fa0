package dev.gsm.core.prediction;

import java.util.List;

/**
 * A probability model over named features, wherever it is evaluated: in this JVM ({@link
 * PortableModel}) or behind a model endpoint (the serving API's SageMaker adapter). {@link
 * MatchQualityPredictor} computes the features and asks the model; one match's rows go in one
 * {@link #predictAll} call, so a remote model costs one round trip per model and match.
 */
public interface ProbabilityModel {

  /** {@code win} or {@code engagement}. */
  String name();

  /** Feature names in vector order ({@code MatchFeatures}). */
  List<String> features();

  /** The calibrated probability of one feature vector. */
  double predict(double[] x);

  /** The calibrated probabilities of several feature vectors, in order. */
  default double[] predictAll(double[][] xs) {
    double[] out = new double[xs.length];
    for (int i = 0; i < xs.length; i++) {
      out[i] = predict(xs[i]);
    }
    return out;
  }
}
