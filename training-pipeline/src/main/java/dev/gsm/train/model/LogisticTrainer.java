package dev.gsm.train.model;

import dev.gsm.core.prediction.PortableModel;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark MLlib logistic regression with explicit standardisation, calibrated on a separate (later)
 * validation set, and exported as a {@link PortableModel}.
 *
 * <p>The calibration is Platt scaling of the margin, optionally with raw features beside it ({@code
 * calibrationInputs}): the win model's calibration also takes the rating engine's logit, so that
 * the validation period, which is closer to the test period than the training period, decides how
 * much the engine is trusted against the other features (see the module README: ratings are
 * immature in the early training matches, so the regression alone under-weights the engine).
 *
 * <p>Examples reach Spark as Parquet files ({@link ExampleFiles}), never as driver-side rows.
 */
public final class LogisticTrainer {

  /** A labelled example in driver memory. */
  public record Example(long id, double[] x, boolean y) {}

  /**
   * The fitted Spark stages and the portable export of the same model.
   *
   * @param calibrationInputs indices of the raw features the calibration takes beside the margin
   */
  public record Fitted(
      PipelineModel pipeline,
      LogisticRegressionModel platt,
      int[] calibrationInputs,
      PortableModel portable) {}

  private final SparkSession spark;
  private final double regParam;
  private final ExampleFiles files;

  /**
   * @param workDir where the example files go while Spark reads them (path or URI; a shared store
   *     on a cluster); each is deleted once used
   */
  public LogisticTrainer(SparkSession spark, double regParam, int partitions, String workDir) {
    this.spark = spark;
    this.regParam = regParam;
    this.files = new ExampleFiles(spark, workDir, partitions);
  }

  /** Plain Platt calibration of the margin. */
  public Fitted fit(
      String name, List<String> features, List<Example> train, List<Example> validation) {
    return fit(name, features, train, validation, List.of());
  }

  public Fitted fit(
      String name,
      List<String> features,
      List<Example> train,
      List<Example> validation,
      List<String> calibrationInputs) {
    int[] cal = new int[calibrationInputs.size()];
    for (int i = 0; i < cal.length; i++) {
      cal[i] = features.indexOf(calibrationInputs.get(i));
      if (cal[i] < 0) {
        throw new IllegalArgumentException(
            "calibration input " + calibrationInputs.get(i) + " is not a feature of " + name);
      }
    }
    StandardScaler scaler =
        new StandardScaler()
            .setInputCol("features")
            .setOutputCol("scaled")
            .setWithMean(true)
            .setWithStd(true);
    LogisticRegression lr =
        new LogisticRegression()
            .setFeaturesCol("scaled")
            .setLabelCol("label")
            .setStandardization(false)
            .setRegParam(regParam)
            .setElasticNetParam(0.0)
            .setMaxIter(200)
            .setTol(1e-9);
    PipelineModel pipeline =
        files.with(
            train,
            tr -> {
              Dataset<Row> cached = tr.cache();
              PipelineModel m =
                  new Pipeline().setStages(new PipelineStage[] {scaler, lr}).fit(cached);
              cached.unpersist();
              return m;
            });

    // The calibration on the validation period: a logistic regression on the margin (Platt)
    // and the calibration inputs.
    LogisticRegressionModel platt =
        files.with(
            calibrationRows(validation, margins(pipeline, validation), cal),
            v ->
                new LogisticRegression()
                    .setStandardization(false)
                    .setRegParam(0.0)
                    .setMaxIter(100)
                    .setTol(1e-10)
                    .fit(v));

    StandardScalerModel sm = (StandardScalerModel) pipeline.stages()[0];
    LogisticRegressionModel lm = (LogisticRegressionModel) pipeline.stages()[1];
    double[] mean = sm.mean().toArray();
    double[] std = sm.std().toArray();
    double[] scale = new double[std.length];
    for (int i = 0; i < std.length; i++) {
      scale[i] = std[i] == 0.0 ? 0.0 : 1.0 / std[i];
    }
    double[] calibrationWeights = new double[features.size()];
    for (int i = 0; i < cal.length; i++) {
      calibrationWeights[cal[i]] = platt.coefficients().apply(1 + i);
    }
    PortableModel portable =
        new PortableModel(
            name,
            features,
            mean,
            scale,
            lm.coefficients().toArray(),
            lm.intercept(),
            platt.coefficients().apply(0),
            platt.intercept(),
            calibrationWeights);
    return new Fitted(pipeline, platt, cal, portable);
  }

  /** The uncalibrated margins Spark computes, in the order of {@code examples}. */
  public double[] margins(PipelineModel pipeline, List<Example> examples) {
    List<Row> out =
        files.with(
            examples, f -> pipeline.transform(f).select("id", "rawPrediction").collectAsList());
    return aligned(examples, out, r -> ((Vector) r.get(1)).apply(1));
  }

  /** Calibrated probabilities as Spark computes them, in the order of {@code examples}. */
  public double[] predict(Fitted f, List<Example> examples) {
    List<Example> rows =
        calibrationRows(examples, margins(f.pipeline(), examples), f.calibrationInputs());
    List<Row> out =
        files.with(
            rows, frame -> f.platt().transform(frame).select("id", "probability").collectAsList());
    return aligned(examples, out, r -> ((Vector) r.get(1)).apply(1));
  }

  /** The calibration's input vectors: the margin, then the chosen raw features. */
  private static List<Example> calibrationRows(
      List<Example> examples, double[] margins, int[] cal) {
    Example[] rows = new Example[examples.size()];
    for (int i = 0; i < rows.length; i++) {
      Example e = examples.get(i);
      double[] z = new double[1 + cal.length];
      z[0] = margins[i];
      for (int k = 0; k < cal.length; k++) {
        z[1 + k] = e.x()[cal[k]];
      }
      rows[i] = new Example(e.id(), z, e.y());
    }
    return List.of(rows);
  }

  private static double[] aligned(
      List<Example> examples, List<Row> rows, ToDoubleFunction<Row> value) {
    Map<Long, Integer> pos = new java.util.HashMap<>(examples.size() * 2);
    for (int i = 0; i < examples.size(); i++) {
      pos.put(examples.get(i).id(), i);
    }
    double[] out = new double[examples.size()];
    for (Row r : rows) {
      out[pos.get(r.getLong(0))] = value.applyAsDouble(r);
    }
    return out;
  }
}
