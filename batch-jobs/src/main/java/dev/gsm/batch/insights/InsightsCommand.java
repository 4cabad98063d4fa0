package dev.gsm.batch.insights;

import dev.gsm.batch.season.JobArguments;
import dev.gsm.batch.season.JobOptions;
import dev.gsm.batch.views.ViewManifest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gsm batch insights}: the season's player insights from its rankings run. */
@Command(
    name = "insights",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Builds the player insights of a season from a committed rankings run (the",
      "current one unless --run): play style (k-means over behaviour features, each",
      "cluster named from its centroid), peak hours and days (where results beat",
      "the rating engine's expectation, with a confidence), progression (display",
      "score slope per day and per game). Writes views/insights/version=<V>/ with",
      "its manifest, then views/_current/insights/season=<S>.",
      "Takes the arguments of `gsm batch rankings`, so that one argument list",
      "serves every nightly step; the watermark and rating options do not apply:",
      "the insights follow the run they read."
    })
public final class InsightsCommand implements Callable<Integer> {

  @Mixin JobArguments arguments = new JobArguments();

  @Option(
      names = "--run",
      description = "The rankings run (version id) to read (default: the season's current run).")
  String run;

  @Option(
      names = "--styles",
      defaultValue = "5",
      description = "Clusters of the k-means fit (default: ${DEFAULT-VALUE}).")
  int styles;

  @Option(
      names = "--min-games",
      defaultValue = "20",
      description =
          "Games a player needs to take part in the style fit (default: ${DEFAULT-VALUE}).")
  int minGames;

  @Option(
      names = "--peak-alpha",
      defaultValue = "0.05",
      description =
          "Family-wise error of a reported peak window, Bonferroni over the windows tried"
              + " (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    JobOptions options = arguments.options();
    PlayerInsights.Options insights =
        PlayerInsights.Options.defaults()
            .withStyles(styles)
            .withMinGames(minGames)
            .withAlpha(alpha);
    InsightsJob.progress("season %s from %s...", options.season(), options.dataRoot());
    print(InsightsJob.run(options, insights, Optional.ofNullable(run), Clock.systemUTC()));
    return 0;
  }

  /** The final summary, on standard output. */
  public static void print(InsightsJob.RunResult r) {
    ViewManifest m = r.manifest();
    System.out.printf(
        "insights of season %s: version %s from rankings run %s, watermark log_offset %d%n"
            + "  counts %s%n  timings (ms) %s%n",
        m.season(), r.version(), r.sourceRun(), m.watermarkOffset(), m.counts(), m.timingsMillis());
    PlayStyles.Model s = r.styles();
    for (int k = 0; k < s.names().size(); k++) {
      System.out.printf(
          "  style %-10s %s%n", s.names().get(k), InsightsJob.traits(s.centroids().get(k)));
    }
    System.out.printf("  view %-16s %,d rows%n", m.view(), m.rows());
    System.out.println("peak RSS " + dev.gsm.batch.season.RankingsCommand.peakRss());
  }
}
