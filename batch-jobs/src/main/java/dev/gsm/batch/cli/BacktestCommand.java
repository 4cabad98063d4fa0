package dev.gsm.batch.cli;

import dev.gsm.core.backtest.BacktestMatch;
import dev.gsm.core.backtest.BacktestProtocol;
import dev.gsm.core.backtest.BacktestReport;
import dev.gsm.core.backtest.EloBaseline;
import dev.gsm.core.backtest.EventBacktestInput;
import dev.gsm.core.backtest.Forecaster;
import dev.gsm.core.backtest.PairwiseTsv;
import dev.gsm.core.backtest.ParameterSearch;
import dev.gsm.core.backtest.RatingForecaster;
import dev.gsm.core.imports.CsvMatchImporter;
import dev.gsm.core.imports.ImportMapping;
import dev.gsm.core.metrics.CalibrationBin;
import dev.gsm.core.metrics.ScoreSummary;
import dev.gsm.core.progress.ProgressBar;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.MatchEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gsm backtest}: the published online protocol on a pairwise TSV, for the rating engine and
 * a plain Elo baseline in one pass; or, with {@code --search}, the parameter search on the data
 * before the cutoff.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description =
        "Backtests the rating engine with the published online protocol (Maystre et al., KDD"
            + " 2019): cutoff = UTC midnight of the match at index floor(0.7 N); earlier matches"
            + " train, each later match is forecast from the current ratings, scored, then"
            + " applied. A plain Elo baseline (natural-log scale) runs in the same pass. The last"
            + " line printed is one JSON object.")
final class BacktestCommand implements Callable<Integer> {
  private static final int SHOWN_REJECTS = 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "FILE",
      description = "Pairwise TSV: epoch_seconds<TAB>winner_id<TAB>loser_id.")
  Path input;

  @Option(
      names = "--csv",
      paramLabel = "PATH",
      split = ",",
      description =
          "Instead of --input: CSV files, directories or globs of historical results, read"
              + " through the importer with --preset (team and free-for-all matches too).")
  List<String> csv = List.of();

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description =
          "Column mapping of --csv: atp-singles or atp-doubles (default: ${DEFAULT-VALUE}).")
  String preset = "atp-doubles";

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description =
          "Override one tunable engine parameter (initialMu, initialSigma, beta, tauPerDay,"
              + " tauPerGame, maxSigma, drawMargin); repeatable.")
  Map<String, Double> overrides = Map.of();

  @Option(
      names = "--smoothing-window-days",
      paramLabel = "DAYS",
      description =
          "Nightly re-smoothing window; 0 = online filter only (default: ${DEFAULT-VALUE}).")
  int smoothingWindowDays = RatingParameters.defaults().smoothingWindowDays();

  @Option(
      names = "--smoothing-iterations",
      paramLabel = "N",
      description = "Forward-backward sweeps per re-smoothing (default: ${DEFAULT-VALUE}).")
  int smoothingIterations = RatingParameters.defaults().smoothingIterations();

  @Option(
      names = "--elo-k",
      paramLabel = "K",
      description = "Learning rate of the Elo baseline (default: ${DEFAULT-VALUE}).")
  double eloK = EloBaseline.PUBLISHED_LEARNING_RATE;

  @Option(
      names = "--search",
      description =
          "Instead of the backtest, search the engine parameters on data before the cutoff only"
              + " (train before --validation-start, validate from it up to the cutoff).")
  boolean search;

  @Option(
      names = "--validation-start",
      paramLabel = "YYYY-MM-DD",
      description = "Start of the validation window of --search (default: ${DEFAULT-VALUE}).")
  LocalDate validationStart = LocalDate.parse("2006-01-01");

  @Option(
      names = "--search-rounds",
      paramLabel = "N",
      description = "Coordinate-descent rounds of --search (default: ${DEFAULT-VALUE}).")
  int searchRounds = 3;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    RatingParameters params = parameters();
    PairwiseTsv.Result data = readInput(err);
    if (data.matches().isEmpty()) {
      throw new IllegalArgumentException("no valid match in " + source());
    }
    List<BacktestMatch> sorted = BacktestProtocol.sortedByTime(data.matches());
    long cutoff = BacktestProtocol.cutoff(sorted);
    out.printf(
        Locale.ROOT,
        "input %s: %d matches, %d players, %d rejected rows; cutoff %s%n",
        source(),
        sorted.size(),
        data.playerIds().size(),
        data.rejects().size(),
        day(cutoff));
    if (search) {
      return runSearch(out, sorted, data.playerIds(), cutoff, params);
    }
    BacktestReport report;
    List<Forecaster> forecasters =
        List.of(
            new RatingForecaster(params, data.playerIds()),
            new EloBaseline(eloK, data.playerIds().size()));
    try (ProgressBar bar = new ProgressBar(System.err, "backtest", sorted.size(), quiet)) {
      report = BacktestProtocol.run(sorted, forecasters, bar::step);
    }
    printSummary(out, report);
    out.println(json(report, params, data.rejects().size()));
    out.flush();
    return 0;
  }

  private RatingParameters parameters() {
    RatingParameters p =
        RatingParameters.defaults().withSmoothing(smoothingWindowDays, smoothingIterations);
    for (Map.Entry<String, Double> e : overrides.entrySet()) {
      p = p.with(e.getKey(), e.getValue());
    }
    return p;
  }

  private PairwiseTsv.Result readInput(PrintWriter err) throws IOException {
    if ((input == null) == csv.isEmpty()) {
      throw new IllegalArgumentException("give either --input FILE or --csv PATH[,PATH...]");
    }
    if (input == null) {
      return readCsv(err);
    }
    if (!Files.isRegularFile(input)) {
      throw new NoSuchFileException(input.toString(), null, "input file not found");
    }
    PairwiseTsv.Result data;
    try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
      data = PairwiseTsv.read(reader);
    }
    int shown = 0;
    for (PairwiseTsv.Reject r : data.rejects()) {
      if (shown++ == SHOWN_REJECTS) {
        err.printf(
            Locale.ROOT, "... %d more rejected rows%n", data.rejects().size() - SHOWN_REJECTS);
        break;
      }
      err.printf(Locale.ROOT, "%s:%d: skipped: %s%n", input, r.lineNumber(), r.reason());
    }
    for (long line : data.selfPlayLines()) {
      err.printf(
          Locale.ROOT,
          "%s:%d: warning: winner and loser are the same player (kept: the protocol counts it"
              + " with p = 0.5)%n",
          input,
          line);
    }
    err.flush();
    return data;
  }

  private int runSearch(
      PrintWriter out,
      List<BacktestMatch> sorted,
      List<String> ids,
      long cutoff,
      RatingParameters start) {
    long from = validationStart.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    if (from >= cutoff) {
      throw new IllegalArgumentException(
          "--validation-start " + validationStart + " must be before the cutoff " + day(cutoff));
    }
    out.printf(
        Locale.ROOT,
        "search: train before %s, validate %s .. %s (test period never read)%n",
        validationStart,
        validationStart,
        day(cutoff));
    out.flush();
    ParameterSearch.Outcome result =
        ParameterSearch.search(
            sorted,
            ids,
            from,
            cutoff,
            start,
            ParameterSearch.defaultAxes(),
            searchRounds,
            line -> {
              out.println(line);
              out.flush();
            });
    out.printf(
        Locale.ROOT,
        "{\"search\":{\"evaluations\":%d,\"validation\":%s,\"parameters\":%s}}%n",
        result.evaluations(),
        scoresJson(result.validation()),
        paramsJson(result.parameters()));
    out.flush();
    return 0;
  }

  /** What the backtest reads, for messages: the TSV, or the CSV arguments. */
  private String source() {
    return input != null ? input.toString() : String.join(",", csv);
  }

  private PairwiseTsv.Result readCsv(PrintWriter err) {
    ImportMapping mapping =
        switch (preset) {
          case "atp-singles" -> ImportMapping.atpSingles();
          case "atp-doubles" -> ImportMapping.atpDoubles();
          default ->
              throw new IllegalArgumentException(
                  "unknown --preset '" + preset + "': use atp-singles or atp-doubles");
        };
    List<Path> files = CsvMatchImporter.expand(csv);
    List<MatchEvent> events = new ArrayList<>();
    List<PairwiseTsv.Reject> rejects = new ArrayList<>();
    new CsvMatchImporter(mapping, SeasonCalendar.quarterly())
        .importFiles(
            files,
            events::add,
            r -> {
              if (rejects.size() < SHOWN_REJECTS) {
                err.println("skipped: " + r.toCsv());
              }
              rejects.add(new PairwiseTsv.Reject(r.line(), r.file() + ": " + r.reason()));
            });
    if (rejects.size() > SHOWN_REJECTS) {
      err.printf(Locale.ROOT, "... %d more rejected rows%n", rejects.size() - SHOWN_REJECTS);
    }
    err.flush();
    PairwiseTsv.Result data = EventBacktestInput.of(events);
    return new PairwiseTsv.Result(data.matches(), data.playerIds(), rejects, data.selfPlayLines());
  }

  private static void printSummary(PrintWriter out, BacktestReport r) {
    out.printf(
        Locale.ROOT,
        "protocol: %d matches, cutoff %s, %d trained, %d scored, %d unscored (shared first place),"
            + " %d self-play%n",
        r.matches(),
        day(r.cutoffEpochSecond()),
        r.trained(),
        r.scored(),
        r.unscored(),
        r.selfPlay());
    out.printf(
        Locale.ROOT, "%-8s %10s %9s %9s %9s%n", "model", "log-loss", "accuracy", "brier", "ece");
    for (Map.Entry<String, ScoreSummary> e : r.scores().entrySet()) {
      ScoreSummary s = e.getValue();
      out.printf(
          Locale.ROOT,
          "%-8s %10.5f %9.5f %9.5f %9.5f%n",
          e.getKey(),
          s.logLoss(),
          s.accuracy(),
          s.brier(),
          s.ece());
    }
    for (Map.Entry<String, ScoreSummary> e : r.scores().entrySet()) {
      out.printf(
          Locale.ROOT,
          "calibration of %s (%d equal-width bins over p and 1-p of every scored match):%n",
          e.getKey(),
          BacktestProtocol.CALIBRATION_BINS);
      out.printf(
          Locale.ROOT, "  %-11s %9s %14s %9s%n", "bin", "count", "mean predicted", "observed");
      for (CalibrationBin b : e.getValue().calibration()) {
        out.printf(
            Locale.ROOT,
            "  [%.2f,%.2f%s %9d %14.4f %9.4f%n",
            b.lower(),
            b.upper(),
            b.upper() >= 1.0 ? "]" : ")",
            b.count(),
            b.meanPredicted(),
            b.observed());
      }
    }
  }

  private String json(BacktestReport r, RatingParameters p, int rejects) {
    ScoreSummary engine = r.scores().get("engine");
    ScoreSummary elo = r.scores().get("elo");
    return String.format(
        Locale.ROOT,
        "{\"n\":%d,\"logloss\":%s,\"accuracy\":%s,\"brier\":%s,\"ece\":%s,\"ece_bins\":%d,"
            + "\"matches\":%d,\"trained\":%d,\"unscored\":%d,\"self_play\":%d,\"rejected_rows\":%d,"
            + "\"cutoff\":\"%s\",\"baseline\":{\"model\":\"elo\",\"k\":%s,\"n\":%d,\"logloss\":%s,"
            + "\"accuracy\":%s,\"brier\":%s,\"ece\":%s},\"parameters\":%s}",
        engine.n(),
        num(engine.logLoss()),
        num(engine.accuracy()),
        num(engine.brier()),
        num(engine.ece()),
        BacktestProtocol.CALIBRATION_BINS,
        r.matches(),
        r.trained(),
        r.unscored(),
        r.selfPlay(),
        rejects,
        day(r.cutoffEpochSecond()),
        num(eloK),
        elo.n(),
        num(elo.logLoss()),
        num(elo.accuracy()),
        num(elo.brier()),
        num(elo.ece()),
        paramsJson(p));
  }

  private static String scoresJson(ScoreSummary s) {
    return String.format(
        Locale.ROOT,
        "{\"n\":%d,\"logloss\":%s,\"accuracy\":%s,\"brier\":%s,\"ece\":%s}",
        s.n(),
        num(s.logLoss()),
        num(s.accuracy()),
        num(s.brier()),
        num(s.ece()));
  }

  private static String paramsJson(RatingParameters p) {
    return String.format(
        Locale.ROOT,
        "{\"initialMu\":%s,\"initialSigma\":%s,\"beta\":%s,\"tauPerDay\":%s,\"tauPerGame\":%s,"
            + "\"maxSigma\":%s,\"drawMargin\":%s,\"minVarianceFactor\":%s,\"conservativeK\":%s,"
            + "\"displayScale\":%s,\"displayOffset\":%s,\"seasonMeanPull\":%s,"
            + "\"seasonSigmaBoost\":%s,\"smoothingWindowDays\":%d,\"smoothingIterations\":%d}",
        num(p.initialMu()),
        num(p.initialSigma()),
        num(p.beta()),
        num(p.tauPerDay()),
        num(p.tauPerGame()),
        num(p.maxSigma()),
        num(p.drawMargin()),
        num(p.minVarianceFactor()),
        num(p.conservativeK()),
        num(p.displayScale()),
        num(p.displayOffset()),
        num(p.seasonMeanPull()),
        num(p.seasonSigmaBoost()),
        p.smoothingWindowDays(),
        p.smoothingIterations());
  }

  private static String num(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  private static LocalDate day(long epochSecond) {
    return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }
}
