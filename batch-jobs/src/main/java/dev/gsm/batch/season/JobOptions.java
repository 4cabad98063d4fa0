package dev.gsm.batch.season;

import dev.gsm.core.rating.Leagues;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.schema.MatchSchema;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The typed, validated options of a season batch run. Built by the {@code gsm batch} commands from
 * arguments, or directly by tests; a bad value fails here, before any Spark work starts.
 *
 * @param dataRoot the data root as a URI: {@code file:///…} (a plain path is made one) or {@code
 *     s3a://bucket/prefix}
 * @param season the season to rebuild, e.g. {@code 2026-S4}
 * @param watermarkOffset cover matches with {@code log_offset <=} this; empty: the archiver's
 *     checkpoint, else everything present (docs/LAMBDA.md)
 * @param master the Spark master; empty: the one spark-submit set, else {@code local[*]}
 * @param partitions shuffle partitions and default parallelism; empty: Spark's defaults
 * @param sparkConf extra Spark settings, e.g. {@code spark.hadoop.fs.s3a.endpoint}
 * @param rating the rating engine's parameters (smoothing window included)
 * @param leagues league thresholds by percentile
 */
public record JobOptions(
    String dataRoot,
    String season,
    OptionalLong watermarkOffset,
    Optional<String> master,
    OptionalInt partitions,
    Map<String, String> sparkConf,
    RatingParameters rating,
    Leagues leagues) {

  private static final Pattern SEASON =
      MatchSchema.MATCH_FIELDS.stream()
          .filter(f -> f.name().equals("season"))
          .findFirst()
          .flatMap(MatchSchema.Field::pattern)
          .orElseThrow();

  public JobOptions {
    Objects.requireNonNull(dataRoot, "dataRoot");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(watermarkOffset, "watermarkOffset");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(partitions, "partitions");
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(leagues, "leagues");
    dataRoot = normalizeRoot(dataRoot);
    if (!SEASON.matcher(season).matches()) {
      throw new IllegalArgumentException(
          "--season: '" + season + "' is not a season id such as 2026-S4");
    }
    if (watermarkOffset.isPresent() && watermarkOffset.getAsLong() < 0) {
      throw new IllegalArgumentException(
          "--watermark-offset: must be at least 0, was " + watermarkOffset.getAsLong());
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

  /** Local defaults: the archiver's checkpoint or everything, {@code local[*]}, default rating. */
  public static JobOptions of(String dataRoot, String season) {
    return new JobOptions(
        dataRoot,
        season,
        OptionalLong.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        Map.of(),
        RatingParameters.defaults(),
        Leagues.defaults());
  }

  public JobOptions withWatermarkOffset(long offset) {
    return new JobOptions(
        dataRoot, season, OptionalLong.of(offset), master, partitions, sparkConf, rating, leagues);
  }

  public JobOptions withRating(RatingParameters p) {
    return new JobOptions(
        dataRoot, season, watermarkOffset, master, partitions, sparkConf, p, leagues);
  }

  public JobOptions withSeason(String s) {
    return new JobOptions(
        dataRoot, s, watermarkOffset, master, partitions, sparkConf, rating, leagues);
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
