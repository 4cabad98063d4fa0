package dev.gsm.batch.cli;

import dev.gsm.core.generate.BadRecordKind;
import dev.gsm.core.generate.GenerationResult;
import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.core.progress.ProgressBar;
import dev.gsm.dataset.BackgroundWriter;
import dev.gsm.dataset.DatasetFs;
import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.dataset.MatchDatasetWriter;
import dev.gsm.schema.DatasetLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gsm generate}: a synthetic season into the master dataset, with its ground truth. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Generates a synthetic season (players with latent skill, play styles, peak hours, churn;",
      "duel, 5v5 and battle royale matches; planted bad records) into the master dataset under",
      "<out>/matches/season=S/date=D/, and what was planted under <out>/ground-truth/season=S/.",
      "Same seed and options give the same records."
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "./data",
      description = "Data root, a path or URI (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--players",
      defaultValue = "100000",
      description = "Players (default: ${DEFAULT-VALUE}).")
  int players;

  @Option(
      names = "--matches",
      defaultValue = "1000000",
      description = "Records to write, bad ones included (default: ${DEFAULT-VALUE}).")
  long matches;

  @Option(
      names = "--season",
      defaultValue = GeneratorOptions.DEFAULT_SEASON,
      description = "Season id of the quarterly calendar (default: ${DEFAULT-VALUE}).")
  String season;

  @Option(
      names = "--duel-share",
      defaultValue = "0.40",
      description = "Share of 1v1 matches (default: ${DEFAULT-VALUE}).")
  double duelShare;

  @Option(
      names = "--team-share",
      defaultValue = "0.35",
      description = "Share of 5v5 matches (default: ${DEFAULT-VALUE}).")
  double teamShare;

  @Option(
      names = "--battle-royale-share",
      defaultValue = "0.25",
      description = "Share of battle royale matches (default: ${DEFAULT-VALUE}).")
  double battleRoyaleShare;

  @Option(
      names = "--bad-share",
      defaultValue = "0.001",
      description = "Share of bad records (default: ${DEFAULT-VALUE}).")
  double badShare;

  @Option(
      names = "--ranked-share",
      defaultValue = "0.9",
      description = "Share of ranked matches (default: ${DEFAULT-VALUE}).")
  double rankedShare;

  @Option(
      names = "--abandoned-share",
      defaultValue = "0.01",
      description = "Share of abandoned matches (default: ${DEFAULT-VALUE}).")
  double abandonedShare;

  @Option(
      names = "--peak-player-share",
      defaultValue = "0.2",
      description = "Share of players with peak hours (default: ${DEFAULT-VALUE}).")
  double peakShare;

  @Option(
      names = "--churn-share",
      defaultValue = "0.15",
      description = "Base share of players who quit (default: ${DEFAULT-VALUE}).")
  double churnShare;

  @Option(
      names = "--lopsided-churn-factor",
      defaultValue = "8",
      description = "Quit hazard multiplier after a lopsided loss (default: ${DEFAULT-VALUE}).")
  double lopsidedFactor;

  @Option(names = "--writer-id", description = "Data file name part (default: gen-<seed>).")
  String writerId;

  @Option(
      names = "--compression",
      defaultValue = "snappy",
      description = "snappy, zstd or uncompressed (default: ${DEFAULT-VALUE}).")
  String compression;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    GeneratorOptions options = options();
    Configuration conf = new Configuration();
    DatasetLayout layout = new DatasetLayout(out);
    requireEmptySeason(conf);
    BackgroundWriter writer =
        new BackgroundWriter(
            MatchDatasetWriter.builder(out, writerId != null ? writerId : "gen-" + seed)
                .conf(conf)
                .compression(MatchDatasetWriter.Compression.parse(compression))
                .build());
    ProgressBar bar = new ProgressBar(System.err, "generate", options.matches(), quiet);
    GenerationResult result;
    try {
      result =
          new SeasonGenerator(options)
              .run(
                  e -> {
                    writer.accept(e);
                    bar.step();
                  });
    } catch (RuntimeException e) {
      writer.abort();
      throw e;
    }
    writer.close();
    bar.close();
    double seconds = bar.elapsedSeconds();
    String truthDir = layout.groundTruth(season);
    DatasetFs.writeText(
        truthDir + "/players.csv", w -> result.groundTruth().writePlayersCsv(w), conf);
    DatasetFs.writeText(
        truthDir + "/bad-records.csv", w -> result.groundTruth().writeBadRecordsCsv(w), conf);
    StringWriter summary = new StringWriter();
    print(new PrintWriter(summary), result, writer.summary(), seconds, layout, truthDir);
    DatasetFs.writeText(truthDir + "/summary.txt", options + "\n" + summary, conf);
    PrintWriter o = spec.commandLine().getOut();
    o.print(summary);
    o.flush();
    return 0;
  }

  GeneratorOptions options() {
    return new GeneratorOptions(
        seed,
        players,
        matches,
        season,
        duelShare,
        teamShare,
        battleRoyaleShare,
        badShare,
        rankedShare,
        abandonedShare,
        peakShare,
        churnShare,
        lopsidedFactor);
  }

  private void requireEmptySeason(Configuration conf) {
    if (!MatchDatasetReader.files(out, season, conf).isEmpty()) {
      throw new IllegalStateException(
          new DatasetLayout(out).season(season)
              + " already holds matches: the dataset is append-only and a second generated"
              + " season would repeat match ids; use another --out or --season");
    }
  }

  private void print(
      PrintWriter o,
      GenerationResult r,
      MatchDatasetWriter.Summary written,
      double seconds,
      DatasetLayout layout,
      String truthDir) {
    o.printf(
        Locale.ROOT,
        "generated %d records in %.1f s (%.0f records/s) into %s%n",
        r.records(),
        seconds,
        r.records() / Math.max(seconds, 1e-9),
        layout.season(season));
    o.printf(
        Locale.ROOT,
        "  partitions %d, files %d%n",
        written.partitions().size(),
        written.files().size());
    o.println("  matches by mode: " + join(r.matchesByMode()));
    o.printf(
        Locale.ROOT,
        "  bad records planted: %d (%s)%n",
        r.badRecordTotal(),
        r.badRecords().entrySet().stream()
            .map(e -> e.getKey().code() + "=" + e.getValue())
            .collect(Collectors.joining(", ")));
    o.printf(
        Locale.ROOT,
        "    all but %s are rejected by MatchValidator; duplicates are valid re-sent ids%n",
        BadRecordKind.EXACT_DUPLICATE.code());
    o.printf(
        Locale.ROOT,
        "  draws %d, abandoned %d, lopsided losses %d, churned players %d of %d%n",
        r.draws(),
        r.abandoned(),
        r.lopsidedLosses(),
        r.churnedPlayers(),
        players);
    o.println("  ground truth: " + truthDir + "/players.csv, bad-records.csv, summary.txt");
    o.flush();
  }

  private static String join(Map<String, Long> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
