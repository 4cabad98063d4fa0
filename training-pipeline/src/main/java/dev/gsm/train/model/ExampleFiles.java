package dev.gsm.train.model;

import dev.gsm.dataset.DatasetFs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Hands labelled examples to Spark through Parquet files instead of driver-side rows: {@code
 * spark.createDataFrame(List<Row>)} keeps every row twice in the driver and ships them inside the
 * tasks (150 MB tasks on a million matches). The examples are written with parquet-hadoop, one file
 * per partition (columns {@code id}, {@code label}, {@code x0..xN}: exact doubles), read back by
 * Spark as {@code (id, features, label)} and deleted once used.
 */
final class ExampleFiles {

  private final SparkSession spark;
  private final String workDir;
  private final int partitions;

  ExampleFiles(SparkSession spark, String workDir, int partitions) {
    this.spark = spark;
    this.workDir = workDir;
    this.partitions = partitions;
  }

  /** Writes {@code examples}, runs {@code use} on their frame, then deletes the files. */
  <T> T with(List<LogisticTrainer.Example> examples, Function<Dataset<Row>, T> use) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to train or score on");
    }
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Path dir = new Path(workDir, "examples-" + UUID.randomUUID());
    FileSystem fs = DatasetFs.fileSystem(dir, conf);
    try {
      int width = examples.get(0).x().length;
      write(examples, width, dir, conf);
      String[] cols = new String[width];
      for (int k = 0; k < width; k++) {
        cols[k] = "x" + k;
      }
      Dataset<Row> frame =
          new VectorAssembler()
              .setInputCols(cols)
              .setOutputCol("features")
              .setHandleInvalid("keep")
              .transform(spark.read().parquet(dir.toString()))
              .select("id", "features", "label");
      return use.apply(frame);
    } finally {
      try {
        fs.delete(dir, true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + dir, e);
      }
    }
  }

  private void write(
      List<LogisticTrainer.Example> examples, int width, Path dir, Configuration conf) {
    Types.GroupBuilder<MessageType> b =
        Types.buildMessage()
            .required(PrimitiveTypeName.INT64)
            .named("id")
            .required(PrimitiveTypeName.DOUBLE)
            .named("label");
    for (int k = 0; k < width; k++) {
      b.required(PrimitiveTypeName.DOUBLE).named("x" + k);
    }
    MessageType schema = b.named("example");
    SimpleGroupFactory groups = new SimpleGroupFactory(schema);
    int n = examples.size();
    int files = Math.max(1, Math.min(partitions, n));
    for (int f = 0; f < files; f++) {
      Path file = new Path(dir, String.format("part-%05d.parquet", f));
      try (ParquetWriter<Group> w =
          ExampleParquetWriter.builder(HadoopOutputFile.fromPath(file, conf))
              .withType(schema)
              .withConf(conf)
              .withCompressionCodec(CompressionCodecName.SNAPPY)
              .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
              .build()) {
        for (int i = (int) ((long) n * f / files); i < (int) ((long) n * (f + 1) / files); i++) {
          LogisticTrainer.Example e = examples.get(i);
          if (e.x().length != width) {
            throw new IllegalArgumentException(
                "example " + e.id() + " has " + e.x().length + " features, not " + width);
          }
          Group g = groups.newGroup().append("id", e.id()).append("label", e.y() ? 1.0 : 0.0);
          for (int k = 0; k < width; k++) {
            g.append("x" + k, e.x()[k]);
          }
          w.write(g);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write training examples to " + file, e);
      }
    }
  }
}
