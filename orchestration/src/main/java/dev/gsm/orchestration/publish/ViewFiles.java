package dev.gsm.orchestration.publish;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the rows of a view version's data files in file order, then row order, with parquet-hadoop
 * (no Spark), converted by the caller. Spark writes the views, so timestamps may be INT96 (Spark's
 * default) or INT64 micros.
 */
public class ViewFiles<T> implements Closeable {

  private final List<String> files;
  private final Configuration conf;
  private final java.util.function.Function<Group, T> convert;
  private final Predicate<T> keep;
  private int fileIndex = -1;
  private ParquetReader<Group> reader;
  private T next;

  public ViewFiles(
      List<String> files,
      Configuration conf,
      java.util.function.Function<Group, T> convert,
      Predicate<T> keep) {
    this.files = List.copyOf(files);
    this.conf = conf;
    this.convert = convert;
    this.keep = keep;
  }

  /** The next row that {@code keep} accepts, or {@code null} at the end. */
  public T read() {
    try {
      while (true) {
        if (reader == null) {
          if (++fileIndex >= files.size()) {
            return null;
          }
          reader = open(files.get(fileIndex));
        }
        Group g = reader.read();
        if (g == null) {
          reader.close();
          reader = null;
          continue;
        }
        T row = convert.apply(g);
        if (keep.test(row)) {
          return row;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + files.get(fileIndex), e);
    }
  }

  /** For-each over the remaining rows (reads lazily). */
  public Iterable<T> rows() {
    return () ->
        new java.util.Iterator<>() {
          @Override
          public boolean hasNext() {
            if (next == null) {
              next = read();
            }
            return next != null;
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            T r = next;
            next = null;
            return r;
          }
        };
  }

  @SuppressWarnings("deprecation") // the Configuration overload: view files are on Hadoop FSs
  private ParquetReader<Group> open(String file) throws IOException {
    return ParquetReader.builder(new GroupReadSupport(), new Path(file)).withConf(conf).build();
  }

  /** A timestamp column as epoch seconds, whichever physical form Spark chose. */
  static long epochSecond(Group g, String field) {
    PrimitiveType type = g.getType().getType(field).asPrimitiveType();
    if (type.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
      Binary b = g.getInt96(field, 0);
      ByteBuffer buf = b.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      long nanosOfDay = buf.getLong();
      long julianDay = buf.getInt() & 0xFFFFFFFFL;
      return (julianDay - 2_440_588L) * 86_400L + Math.floorDiv(nanosOfDay, 1_000_000_000L);
    }
    long v = g.getLong(field, 0);
    LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
    if (logical instanceof TimestampLogicalTypeAnnotation ts) {
      return switch (ts.getUnit()) {
        case MILLIS -> Math.floorDiv(v, 1_000L);
        case MICROS -> Math.floorDiv(v, 1_000_000L);
        case NANOS -> Math.floorDiv(v, 1_000_000_000L);
      };
    }
    return Math.floorDiv(v, 1_000_000L); // Spark's TIMESTAMP_MICROS without annotation
  }

  @Override
  public void close() {
    if (reader != null) {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        reader = null;
      }
    }
  }
}
