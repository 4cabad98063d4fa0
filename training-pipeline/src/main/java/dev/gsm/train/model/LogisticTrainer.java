package dev.gsm.train.model;

import dev.gsm.core.prediction.PortableModel;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StandardScalerModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Spark MLlib logistic regression with explicit standardisation, calibrated by Platt scaling of its
 * margin on a separate (later) validation set, and exported as a {@link PortableModel}.
 */
public final class LogisticTrainer {

  /** Rows of a training table: id (for alignment), features, label (1/0). */
  public static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType, false)
          .add("features", SQLDataTypes.VectorType(), false)
          .add("label", DataTypes.DoubleType, false);

  /** A labelled example in driver memory. */
  public record Example(long id, double[] x, boolean y) {}

  /** The fitted Spark stages and the portable export of the same model. */
  public record Fitted(
      PipelineModel pipeline, LogisticRegressionModel platt, PortableModel portable) {}

  private final SparkSession spark;
  private final double regParam;
  private final int partitions;

  public LogisticTrainer(SparkSession spark, double regParam, int partitions) {
    this.spark = spark;
    this.regParam = regParam;
    this.partitions = partitions;
  }

  public Dataset<Row> frame(List<Example> examples) {
    List<Row> rows = new ArrayList<>(examples.size());
    for (Example e : examples) {
      rows.add(RowFactory.create(e.id(), Vectors.dense(e.x()), e.y() ? 1.0 : 0.0));
    }
    return spark.createDataFrame(rows, SCHEMA).repartition(partitions);
  }

  public Fitted fit(
      String name, List<String> features, List<Example> train, List<Example> validation) {
    Dataset<Row> tr = frame(train).cache();
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
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {scaler, lr}).fit(tr);
    tr.unpersist();

    // Platt scaling on the validation period: a one-feature logistic regression on the margin.
    double[] margins = margins(pipeline, validation);
    List<Row> rows = new ArrayList<>(validation.size());
    for (int i = 0; i < margins.length; i++) {
      rows.add(
          RowFactory.create(
              validation.get(i).id(),
              Vectors.dense(margins[i]),
              validation.get(i).y() ? 1.0 : 0.0));
    }
    LogisticRegressionModel platt =
        new LogisticRegression()
            .setStandardization(false)
            .setRegParam(0.0)
            .setMaxIter(100)
            .setTol(1e-10)
            .fit(spark.createDataFrame(rows, SCHEMA));

    StandardScalerModel sm = (StandardScalerModel) pipeline.stages()[0];
    LogisticRegressionModel lm = (LogisticRegressionModel) pipeline.stages()[1];
    double[] mean = sm.mean().toArray();
    double[] std = sm.std().toArray();
    double[] scale = new double[std.length];
    for (int i = 0; i < std.length; i++) {
      scale[i] = std[i] == 0.0 ? 0.0 : 1.0 / std[i];
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
            platt.intercept());
    return new Fitted(pipeline, platt, portable);
  }

  /** The uncalibrated margins Spark computes, in the order of {@code examples}. */
  public double[] margins(PipelineModel pipeline, List<Example> examples) {
    List<Row> out =
        pipeline.transform(frame(examples)).select("id", "rawPrediction").collectAsList();
    return aligned(examples, out, r -> ((Vector) r.get(1)).apply(1));
  }

  /** Calibrated probabilities as Spark computes them, in the order of {@code examples}. */
  public double[] predict(Fitted f, List<Example> examples) {
    double[] m = margins(f.pipeline(), examples);
    List<Row> rows = new ArrayList<>(examples.size());
    for (int i = 0; i < m.length; i++) {
      rows.add(RowFactory.create(examples.get(i).id(), Vectors.dense(m[i]), 0.0));
    }
    List<Row> out =
        f.platt()
            .transform(spark.createDataFrame(rows, SCHEMA).repartition(partitions))
            .select("id", "probability")
            .collectAsList();
    return aligned(examples, out, r -> ((Vector) r.get(1)).apply(1));
  }

  private static double[] aligned(
      List<Example> examples, List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
    java.util.Map<Long, Integer> pos = new java.util.HashMap<>(examples.size() * 2);
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
