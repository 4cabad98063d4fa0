package dev.gsm.train.data;

import dev.gsm.core.imports.CsvMatchImporter;
import dev.gsm.core.imports.ImportMapping;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The matches a model is trained on and the exact snapshot they came from: every input file with
 * its length and SHA-256, so a registered model names the data bit for bit.
 *
 * <p>The master dataset is read with master-dataset's reader on the driver: the point-in-time
 * replay is one sequential pass anyway (ratings are a fold in event-time order). Invalid records
 * are counted and left out; duplicates keep the earliest {@code ended_at}, as the batch's Dedup
 * does. What should be extracted: batch-jobs' Spark {@code MasterDataset}/{@code Validation}/{@code
 * Dedup} into a shared module, so training on a cluster reads exactly what the batch rates.
 */
public record TrainingInput(
    String kind,
    String location,
    List<InputFile> files,
    List<MatchEvent> events,
    long rejected,
    long duplicates) {

  /** The same snapshot without the matches, so that they can be collected once replayed. */
  public TrainingInput withoutEvents() {
    return new TrainingInput(kind, location, files, List.of(), rejected, duplicates);
  }

  /** One input file of the snapshot. */
  public record InputFile(String path, long length, String sha256) {}

  private static final Pattern ATP_TOUR = Pattern.compile("atp_matches_(\\d{4})\\.csv");

  /** Every season of the master dataset under {@code root}, or the named ones. */
  public static TrainingInput fromDataset(String root, List<String> seasons, Configuration conf) {
    List<String> which = seasons.isEmpty() ? MatchDatasetReader.seasons(root, conf) : seasons;
    List<InputFile> files = new ArrayList<>();
    Map<String, MatchEvent> byId = new HashMap<>();
    long[] rejected = {0};
    long[] dups = {0};
    Instant now = Instant.now();
    for (String season : which) {
      for (org.apache.hadoop.fs.Path f : MatchDatasetReader.files(root, season, conf)) {
        files.add(describe(f, conf));
      }
      MatchDatasetReader.forEach(
          root,
          season,
          conf,
          e -> {
            if (!MatchValidator.validate(e, now).isEmpty()) {
              rejected[0]++;
              return;
            }
            MatchEvent prev = byId.putIfAbsent(e.matchId(), e);
            if (prev != null) {
              dups[0]++;
              if (e.endedAt().isBefore(prev.endedAt())) {
                byId.put(e.matchId(), e);
              }
            }
          });
    }
    List<MatchEvent> events = new ArrayList<>(byId.values());
    events.sort(dev.gsm.core.features.PointInTimeReplay.START_ORDER);
    return new TrainingInput(
        "dataset", root + " seasons " + which, files, events, rejected[0], dups[0]);
  }

  /**
   * ATP tour-level singles ({@code atp_matches_YYYY.csv}, years {@code from..to}) through the
   * importer's {@link ImportMapping#atpSingles()} preset, read in place.
   */
  public static TrainingInput fromAtp(Path dir, int fromYear, int toYear) {
    List<Path> csvs = new ArrayList<>();
    try (var s = Files.list(dir)) {
      s.sorted()
          .forEach(
              p -> {
                var m = ATP_TOUR.matcher(p.getFileName().toString());
                if (m.matches()) {
                  int y = Integer.parseInt(m.group(1));
                  if (y >= fromYear && y <= toYear) {
                    csvs.add(p);
                  }
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (csvs.isEmpty()) {
      throw new IllegalArgumentException(
          "no atp_matches_YYYY.csv for " + fromYear + ".." + toYear + " in " + dir);
    }
    List<InputFile> files = new ArrayList<>();
    Configuration conf = new Configuration();
    for (Path p : csvs) {
      files.add(describe(new org.apache.hadoop.fs.Path(p.toUri()), conf));
    }
    List<MatchEvent> events = new ArrayList<>();
    long[] rejected = {0};
    new CsvMatchImporter(ImportMapping.atpSingles(), SeasonCalendar.quarterly())
        .importFiles(csvs, events::add, r -> rejected[0]++);
    events.sort(dev.gsm.core.features.PointInTimeReplay.START_ORDER);
    return new TrainingInput(
        "atp", dir + " " + fromYear + ".." + toYear, files, events, rejected[0], 0);
  }

  static InputFile describe(org.apache.hadoop.fs.Path p, Configuration conf) {
    FileSystem fs = DatasetFs.fileSystem(p, conf);
    try (InputStream in = fs.open(p)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      long len = 0;
      for (int r; (r = in.read(buf)) > 0; ) {
        md.update(buf, 0, r);
        len += r;
      }
      return new InputFile(p.toString(), len, HexFormat.of().formatHex(md.digest()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
