package dev.gsm.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Where things live under the data root ({@code file:///…} locally, {@code s3a://bucket/prefix} in
 * production):
 *
 * <pre>
 * matches/season=2026-S4/date=2026-11-21/part-&lt;writer&gt;-&lt;seq&gt;.parquet   master dataset, immutable
 * matches/_archived_through.json                                the archiver's checkpoint: every
 *                                                               match with log_offset &lt;= L is in
 * bans/season=2026-S4/…                                         bans, recorded as facts
 * views/&lt;name&gt;/version=&lt;V&gt;/…                                    versioned batch views
 * views/_current/season=&lt;S&gt;                                     the season's current run: one version id
 *                                                               for every view of that run
 * views/_current/&lt;job&gt;/season=&lt;S&gt;                               the current run of a job that builds on
 *                                                               that run (the insights job)
 * rejects/&lt;job&gt;/version=&lt;V&gt;/…                                   records a job set aside, with reasons
 * ground-truth/season=&lt;S&gt;/…                                      what the generator planted (synthetic data only)
 * </pre>
 *
 * A match is filed under its season and the UTC date of its {@code ended_at}: event time, not
 * arrival time, so a late match lands in the partition of the day it was played.
 */
public record DatasetLayout(String root) {

  public static final String MATCHES = "matches";
  public static final String VIEWS = "views";
  public static final String REJECTS = "rejects";
  public static final String GROUND_TRUTH = "ground-truth";

  public DatasetLayout {
    Objects.requireNonNull(root, "root");
    while (root.endsWith("/") && root.length() > 1 && !root.endsWith("://")) {
      root = root.substring(0, root.length() - 1);
    }
  }

  public static LocalDate partitionDate(Instant endedAt) {
    return LocalDate.ofInstant(endedAt, ZoneOffset.UTC);
  }

  public String matches() {
    return root + "/" + MATCHES;
  }

  public String season(String season) {
    return matches() + "/season=" + season;
  }

  public String partition(String season, LocalDate date) {
    return season(season) + "/date=" + date;
  }

  public String partitionOf(MatchEvent e) {
    return partition(e.season(), partitionDate(e.endedAt()));
  }

  /** A data file's name: writer id and sequence keep concurrent writers from colliding. */
  public static String fileName(String writerId, long sequence) {
    return String.format("part-%s-%08d.parquet", writerId, sequence);
  }

  /**
   * The archiver's checkpoint, {@code {"log_offset": L, ...}}: every accepted match with {@code
   * log_offset <= L} is durably in the master dataset. A batch run reads it first and covers
   * exactly those matches (docs/LAMBDA.md). Its name starts with {@code _}, so Spark skips it.
   */
  public String archivedThrough() {
    return matches() + "/_archived_through.json";
  }

  /** Bans of a season, recorded as facts: a banned player's matches are left out of the rebuild. */
  public String bans(String season) {
    return root + "/bans/season=" + season;
  }

  public String view(String name) {
    return root + "/" + VIEWS + "/" + name;
  }

  public String viewVersion(String name, String version) {
    return view(name) + "/version=" + version;
  }

  /**
   * The pointer to the current run of a season: one object holding the version id that every view
   * of that run shares, so a season's views become current together, in one atomic PUT or rename.
   */
  public String currentRun(String season) {
    return root + "/" + VIEWS + "/_current/season=" + season;
  }

  /**
   * The pointer to the current run of a season by a job that derives its views from the season's
   * rankings run (the insights job): a version id of that job's own, moved when that job commits.
   */
  public String currentRunOf(String job, String season) {
    return root + "/" + VIEWS + "/_current/" + job + "/season=" + season;
  }

  public String rejects(String job, String version) {
    return root + "/" + REJECTS + "/" + job + "/version=" + version;
  }

  /**
   * The generator's ground truth for a season: players' planted styles, peak hours, latent skill
   * and churn, and the bad records it planted. Beside the dataset, never in it.
   */
  public String groundTruth(String season) {
    return root + "/" + GROUND_TRUTH + "/season=" + season;
  }
}
