package dev.gsm.batch.season;

import dev.gsm.schema.MatchSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The typed, validated options of a season batch run. Built by {@link SeasonBatchCommand} from
 * arguments, or directly by tests; a bad value fails here, before any Spark work starts.
 *
 * @param dataRoot the data root as a URI: {@code file:///…} (a plain path is made one) or {@code
 *     s3a://bucket/prefix}
 * @param season the season to rebuild, e.g. {@code 2026-S4}
 * @param watermark cover matches with {@code ended_at <=} this; empty: up to the last match of the
 *     data
 * @param master the Spark master; empty: the one spark-submit set, else {@code local[*]}
 * @param partitions shuffle partitions and default parallelism; empty: Spark's defaults
 * @param sparkConf extra Spark settings, e.g. {@code spark.hadoop.fs.s3a.endpoint}
 */
public record JobOptions(
    String dataRoot,
    String season,
    Optional<Instant> watermark,
    Optional<String> master,
    OptionalInt partitions,
    Map<String, String> sparkConf) {

  private static final Pattern SEASON =
      MatchSchema.MATCH_FIELDS.stream()
          .filter(f -> f.name().equals("season"))
          .findFirst()
          .flatMap(MatchSchema.Field::pattern)
          .orElseThrow();

  public JobOptions {
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(watermark, "watermark");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(partitions, "partitions");
    dataRoot = normalizeRoot(dataRoot);
    if (!SEASON.matcher(season).matches()) {
      throw new IllegalArgumentException(
          "--season: '" + season + "' is not a season id such as 2026-S4");
    }
    if (partitions.isPresent() && partitions.getAsInt() < 1) {
      throw new IllegalArgumentException(
          "--partitions: must be at least 1, was " + partitions.getAsInt());
    }
    if (master.isPresent() && master.get().isBlank()) {
      throw new IllegalArgumentException("--master: must not be blank");
    }
    sparkConf = java.util.Collections.unmodifiableMap(new TreeMap<>(sparkConf));
  }

  /** Local defaults: everything up to the end of the data, {@code local[*]}. */
  public static JobOptions of(String dataRoot, String season) {
    return new JobOptions(
        dataRoot, season, Optional.empty(), Optional.empty(), OptionalInt.empty(), Map.of());
  }

  public JobOptions withWatermark(Instant w) {
    return new JobOptions(dataRoot, season, Optional.of(w), master, partitions, sparkConf);
  }

  private static String normalizeRoot(String root) {
    if (root.isBlank()) {
      throw new IllegalArgumentException("--data-root: must not be blank");
    }
    URI uri;
    try {
      uri = URI.create(root);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri != null && uri.getScheme() != null && uri.getScheme().length() > 1) {
      return root;
    }
    return Path.of(root).toAbsolutePath().normalize().toUri().toString();
  }
}
