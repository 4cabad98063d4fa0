package dev.gsm.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * File-system helpers shared by the dataset writer and the commands: the file system for a data
 * root (any Hadoop scheme; a bare local path means {@code file:}), atomic publication of small text
 * files, and the listing rule that Spark, Hive and Athena apply (names starting with {@code _} or
 * {@code .} are invisible).
 */
public final class DatasetFs {

  private DatasetFs() {}

  /**
   * The file system of {@code path}. For {@code file:} it is the raw local file system: the
   * checksummed wrapper would leave a hidden {@code .crc} file next to every data file.
   */
  public static FileSystem fileSystem(Path path, Configuration conf) {
    try {
      FileSystem fs = path.getFileSystem(conf);
      return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + path, e);
    }
  }

  /** Whether query engines see a file or directory of this name. */
  public static boolean visible(String name) {
    return !name.startsWith("_") && !name.startsWith(".");
  }

  /** The visible children of a directory, sorted by name; empty when it does not exist. */
  public static List<FileStatus> listVisible(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    if (!fs.exists(dir)) {
      return out;
    }
    for (FileStatus st : fs.listStatus(dir)) {
      if (visible(st.getPath().getName())) {
        out.add(st);
      }
    }
    out.sort(Comparator.comparing(st -> st.getPath().getName()));
    return out;
  }

  /**
   * Publishes a small text file (ground truth, rejects, summaries) atomically: written under a
   * hidden name in the same directory, then renamed over any previous version.
   */
  public static void writeText(String location, String text, Configuration conf) {
    writeText(location, w -> w.write(text), conf);
  }

  /** What writes a text file's content. */
  @FunctionalInterface
  public interface TextContent {
    void writeTo(Writer out) throws IOException;
  }

  /** As {@link #writeText(String, String, Configuration)}, streaming the content (UTF-8). */
  public static void writeText(String location, TextContent content, Configuration conf) {
    Path target = new Path(location);
    FileSystem fs = fileSystem(target, conf);
    Path tmp = new Path(target.getParent(), "_tmp-" + UUID.randomUUID() + "-" + target.getName());
    try {
      fs.mkdirs(target.getParent());
      try (OutputStream out = fs.create(tmp, false);
          Writer w =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
        content.writeTo(w);
      }
      if (fs.exists(target)) {
        fs.delete(target, false);
      }
      if (!fs.rename(tmp, target)) {
        throw new IOException("rename " + tmp + " -> " + target + " failed");
      }
    } catch (IOException e) {
      try {
        fs.delete(tmp, false);
      } catch (IOException ignored) {
        // the hidden temp name keeps a leftover invisible to readers
      }
      throw new UncheckedIOException("cannot write " + location, e);
    }
  }
}
