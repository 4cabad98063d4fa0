package dev.gsm.batch.cli;

import dev.gsm.core.imports.CsvMatchImporter;
import dev.gsm.core.imports.ImportMapping;
import dev.gsm.core.imports.ImportResult;
import dev.gsm.core.imports.Reject;
import dev.gsm.core.progress.ProgressBar;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.schema.DatasetLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gsm import}: CSV files of historical results into the master dataset. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Imports CSV files of historical results into the master dataset, mapping columns to",
      "matches with the flags below. Rows are sorted stably by time; bad rows go to a rejects",
      "file with file, line and reason, and never stop the import.",
      "",
      "ATP singles:  gsm import ../shared/data/atp/atp_matches_2019.csv --time-column tourney_date",
      "  --time-format yyyyMMdd --winner-columns winner_id --loser-columns loser_id",
      "  --id-columns tourney_id,match_num --id-prefix atp- --mode duel --region global",
      "ATP doubles:  ... --winner-columns winner1_id,winner2_id --loser-columns loser1_id,loser2_id",
      "  --id-prefix atp-d- --mode doubles"
    })
final class ImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "CSV",
      description = "Files, directories (their *.csv) or globs.")
  List<String> inputs;

  @Option(names = "--time-column", required = true, description = "Column with the match time.")
  String timeColumn;

  @Option(
      names = "--time-format",
      defaultValue = "iso",
      description =
          "iso, epoch-seconds, epoch-millis or a date pattern such as yyyyMMdd (default: ${DEFAULT-VALUE}).")
  String timeFormat;

  @Option(
      names = "--time-zone",
      defaultValue = "UTC",
      description = "Zone of times without one (default: ${DEFAULT-VALUE}).")
  String timeZone;

  @Option(
      names = "--winner-columns",
      required = true,
      split = ",",
      description = "Player id columns of the winning side.")
  List<String> winnerColumns;

  @Option(
      names = "--loser-columns",
      required = true,
      split = ",",
      description = "Player id columns of the losing side.")
  List<String> loserColumns;

  @Option(
      names = "--id-columns",
      required = true,
      split = ",",
      description = "Columns joined with '-' into the match id.")
  List<String> idColumns;

  @Option(names = "--id-prefix", defaultValue = "", description = "Prefix of every match id.")
  String idPrefix;

  @Option(names = "--player-prefix", defaultValue = "", description = "Prefix of every player id.")
  String playerPrefix;

  @Option(
      names = "--mode",
      defaultValue = "duel",
      description = "Mode of every match (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(
      names = "--region",
      defaultValue = "global",
      description = "Region of every match (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(
      names = "--platform",
      defaultValue = "unknown",
      description = "Platform of every match (default: ${DEFAULT-VALUE}).")
  String platform;

  @Option(
      names = "--season",
      description = "Fixed season id; default: each match's season from the calendar.")
  String season;

  @Option(names = "--duration-column", description = "Column with the match length in minutes.")
  String durationColumn;

  @Option(
      names = "--order-column",
      description = {
        "Column with a whole number that orders matches sharing a time (default: file order),",
        "e.g. match_num for results that carry only the tournament's date."
      })
  String orderColumn;

  @Option(
      names = "--out",
      defaultValue = "./data",
      description = "Data root, a path or URI (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--run-id",
      description = "Names the writer and the rejects version (default: UTC time).")
  String runId;

  @Option(
      names = "--rejects",
      description = "Rejects CSV (default: <out>/rejects/import/version=<run-id>/rejects.csv).")
  String rejectsPath;

  @Option(
      names = "--compression",
      defaultValue = "snappy",
      description = "snappy, zstd or uncompressed (default: ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    ImportMapping mapping =
        new ImportMapping(
            timeColumn,
            timeFormat,
            ZoneId.of(timeZone),
            winnerColumns,
            loserColumns,
            idColumns,
            idPrefix,
            playerPrefix,
            mode,
            region,
            platform,
            season,
            durationColumn,
            orderColumn);
    List<Path> files = CsvMatchImporter.expand(inputs);
    String run =
        runId != null
            ? runId
            : DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
    Configuration conf = new Configuration();
    DatasetLayout layout = new DatasetLayout(out);
    String rejectsFile =
        rejectsPath != null ? rejectsPath : layout.rejects("import", run) + "/rejects.csv";

    long t0 = System.nanoTime();
    List<Reject> rejects = new ArrayList<>();
    CsvMatchImporter importer = new CsvMatchImporter(mapping, SeasonCalendar.quarterly());
    List<CsvMatchImporter.Source> sources = new ArrayList<>();
    ProgressBar reading = new ProgressBar(System.err, "read files", files.size(), quiet);
    for (Path f : files) {
      sources.add(
          new CsvMatchImporter.Source(
              f.toString(),
              () -> {
                reading.step();
                try {
                  return java.nio.file.Files.newBufferedReader(f);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException("cannot open " + f, e);
                }
              }));
    }
    CsvMatchImporter.Prepared prepared = importer.read(sources, rejects::add);
    reading.close();

    MatchDatasetWriter writer =
        MatchDatasetWriter.builder(out, "import-" + run)
            .conf(conf)
            .compression(MatchDatasetWriter.Compression.parse(compression))
            .build();
    ProgressBar bar = new ProgressBar(System.err, "import", prepared.size(), quiet);
    ImportResult result;
    try {
      result =
          prepared.emit(
              e -> {
                writer.write(e);
                bar.step();
              });
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    writer.close();
    bar.close();
    if (!rejects.isEmpty()) {
      DatasetFs.writeText(
          rejectsFile,
          w -> {
            w.write(Reject.CSV_HEADER + "\n");
            for (Reject r : rejects) {
              w.write(r.toCsv());
              w.write('\n');
            }
          },
          conf);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    print(result, writer.summary(), seconds, rejects.isEmpty() ? null : rejectsFile);
    return 0;
  }

  private void print(
      ImportResult r, MatchDatasetWriter.Summary written, double seconds, String rejectsFile) {
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        Locale.ROOT,
        "imported %d of %d rows from %d files in %.1f s (%.0f rows/s) into %s%n",
        r.imported(),
        r.rows(),
        r.files(),
        seconds,
        r.rows() / Math.max(seconds, 1e-9),
        new DatasetLayout(out).matches());
    o.printf(
        Locale.ROOT,
        "  partitions %d, files %d, seasons %s%n",
        written.partitions().size(),
        written.files().size(),
        r.seasons().size() <= 8
            ? join(r.seasons())
            : r.seasons().size() + " (" + first(r.seasons()) + " .. " + last(r.seasons()) + ")");
    if (r.first() != null) {
      o.println("  time range " + r.first() + " .. " + r.last());
    }
    o.printf(
        Locale.ROOT,
        "  rejected %d%s%n",
        r.rejected(),
        r.rejected() == 0
            ? ""
            : ": "
                + r.rejects().entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().code() + "=" + e.getValue())
                    .collect(Collectors.joining(", ")));
    if (rejectsFile != null) {
      o.println("  rejects: " + rejectsFile);
    }
    o.flush();
  }

  private static String join(Map<String, Long> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String first(Map<String, Long> m) {
    return m.keySet().iterator().next();
  }

  private static String last(Map<String, Long> m) {
    String last = null;
    for (String k : m.keySet()) {
      last = k;
    }
    return last;
  }
}
