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
 * a Platt calibration of the margin. The training pipeline exports it as JSON into the model
 * registry; the serving API and the SageMaker container load it. Evaluating is allocation-free and
 * thread-safe.
 *
 * <p>{@code p = sigmoid(calibrationSlope * m + calibrationIntercept)} with {@code m = intercept +
 * sum_i coefficients[i] * (x[i] - mean[i]) * scale[i]}, where {@code scale[i] = 1 / std[i]} (0 for
 * a constant feature, as in Spark). Spark evaluates the same sums in the same order.
 *
 * @param name model name ({@code win} or {@code engagement})
 * @param features feature names in vector order ({@link dev.gsm.core.features.MatchFeatures})
 */
public record PortableModel(
    @JsonProperty("name") String name,
    @JsonProperty("features") List<String> features,
    @JsonProperty("mean") double[] mean,
    @JsonProperty("scale") double[] scale,
    @JsonProperty("coefficients") double[] coefficients,
    @JsonProperty("intercept") double intercept,
    @JsonProperty("calibration_slope") double calibrationSlope,
    @JsonProperty("calibration_intercept") double calibrationIntercept)
    implements ProbabilityModel {

  public static final String FORMAT = "gsm-logistic-v1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public PortableModel {
    features = List.copyOf(features);
    int n = features.size();
    if (mean.length != n || scale.length != n || coefficients.length != n) {
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
              + " coefficients");
    }
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
    return sigmoid(calibrationSlope * margin(x) + calibrationIntercept);
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
