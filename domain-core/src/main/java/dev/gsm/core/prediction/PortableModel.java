package dev.gsm.core.prediction;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A trained logistic model in a form any JVM can evaluate without Spark: feature standardisation
 * (Spark's {@code StandardScaler} with mean and standard deviation), the logistic coefficients, and
 * a calibration of the margin: Platt scaling, optionally with raw features beside the margin (the
 * win model's calibration also takes the rating engine's logit, see the training pipeline's
 * README). The training pipeline exports it as JSON into the model registry; the serving API and
 * the SageMaker container load it. Evaluating is allocation-free and thread-safe.
 *
 * <p>{@code p = sigmoid(calibrationSlope * m + sum_i calibrationWeights[i] * x[i] +
 * calibrationIntercept)} with {@code m = intercept + sum_i coefficients[i] * (x[i] - mean[i]) *
 * scale[i]}, where {@code scale[i] = 1 / std[i]} (0 for a constant feature, as in Spark). Spark
 * evaluates the same sums in the same order.
 *
 * @param name model name ({@code win} or {@code engagement})
 * @param features feature names in vector order ({@link dev.gsm.core.features.MatchFeatures})
 * @param calibrationWeights weights of the raw features in the calibration, in feature order; all
 *     zero (plain Platt scaling) when absent from the JSON
 */
public record PortableModel(
    @JsonProperty("name") String name,
    @JsonProperty("features") List<String> features,
    @JsonProperty("mean") double[] mean,
    @JsonProperty("scale") double[] scale,
    @JsonProperty("coefficients") double[] coefficients,
    @JsonProperty("intercept") double intercept,
    @JsonProperty("calibration_slope") double calibrationSlope,
    @JsonProperty("calibration_intercept") double calibrationIntercept,
    @JsonProperty("calibration_weights") double[] calibrationWeights)
    implements ProbabilityModel {

  public static final String FORMAT = "gsm-logistic-v1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public PortableModel {
    features = List.copyOf(features);
    int n = features.size();
    calibrationWeights = calibrationWeights == null ? new double[n] : calibrationWeights;
    if (mean.length != n
        || scale.length != n
        || coefficients.length != n
        || calibrationWeights.length != n) {
      throw new IllegalArgumentException(
          "model "
              + name
              + ": "
              + n
              + " features but "
              + mean.length
              + " means, "
              + scale.length
              + " scales, "
              + coefficients.length
              + " coefficients, "
              + calibrationWeights.length
              + " calibration weights");
    }
  }

  /** A model calibrated by plain Platt scaling of its margin. */
  public PortableModel(
      String name,
      List<String> features,
      double[] mean,
      double[] scale,
      double[] coefficients,
      double intercept,
      double calibrationSlope,
      double calibrationIntercept) {
    this(
        name,
        features,
        mean,
        scale,
        coefficients,
        intercept,
        calibrationSlope,
        calibrationIntercept,
        null);
  }

  /** The uncalibrated logistic margin. */
  public double margin(double[] x) {
    if (x.length != coefficients.length) {
      throw new IllegalArgumentException(
          "model " + name + " takes " + coefficients.length + " features, got " + x.length);
    }
    double dot = 0.0;
    for (int i = 0; i < x.length; i++) {
      dot += coefficients[i] * ((x[i] - mean[i]) * scale[i]);
    }
    return dot + intercept;
  }

  /** The logistic probability before calibration. */
  public double uncalibrated(double[] x) {
    return sigmoid(margin(x));
  }

  /** The calibrated probability. */
  @Override
  public double predict(double[] x) {
    double z = calibrationSlope * margin(x);
    for (int i = 0; i < x.length; i++) {
      z += calibrationWeights[i] * x[i];
    }
    return sigmoid(z + calibrationIntercept);
  }

  static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(new Envelope(FORMAT, this));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static PortableModel fromJson(String json) {
    try {
      Envelope e = JSON.readValue(json, Envelope.class);
      if (!FORMAT.equals(e.format())) {
        throw new IllegalArgumentException("not a " + FORMAT + " model: format " + e.format());
      }
      return e.model();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model JSON", e);
    }
  }

  record Envelope(
      @JsonProperty("format") String format, @JsonProperty("model") PortableModel model) {}
}
