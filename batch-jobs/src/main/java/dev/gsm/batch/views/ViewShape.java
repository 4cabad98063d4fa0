package dev.gsm.batch.views;

import java.util.List;

/**
 * How a view is laid out in files, chosen so that its bytes depend on its rows alone: rows go to
 * {@code files} files by a hash of {@code bucketBy} (Spark's Murmur3, independent of the input's
 * partitioning) and are sorted by {@code sortBy} inside each, which must be a unique key.
 */
public record ViewShape(int files, List<String> bucketBy, List<String> sortBy) {

  public ViewShape {
    if (files < 1) {
      throw new IllegalArgumentException("a view has at least one file, not " + files);
    }
    bucketBy = List.copyOf(bucketBy);
    sortBy = List.copyOf(sortBy);
    if (sortBy.isEmpty()) {
      throw new IllegalArgumentException("a view needs a sort key to be deterministic");
    }
  }

  /** One file sorted by {@code key}: for views of up to a few million rows. */
  public static ViewShape singleFile(String... key) {
    return new ViewShape(1, List.of(), List.of(key));
  }
}
