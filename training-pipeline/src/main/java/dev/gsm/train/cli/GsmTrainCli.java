package dev.gsm.train.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.spark.SparkSessions;
import dev.gsm.train.data.TrainingInput;
import dev.gsm.train.model.TrainingRun;
import dev.gsm.train.registry.ModelRegistry;
import dev.gsm.train.registry.Promotion;
import dev.gsm.train.report.EvaluationReport;
import dev.gsm.train.report.Scores;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gsm train|evaluate|promote|rollback}: the model lifecycle. */
@Command(
    name = "gsm",
    mixinStandardHelpOptions = true,
    version = "gsm 0.1.0",
    description = "Model training commands: train, evaluate, promote, rollback.",
    subcommands = {
      CommandLine.HelpCommand.class,
      GsmTrainCli.Train.class,
      GsmTrainCli.Evaluate.class,
      GsmTrainCli.Promote.class,
      GsmTrainCli.Rollback.class
    })
public final class GsmTrainCli implements Runnable {

  static final ObjectMapper JSON = new ObjectMapper();
  static final PrintStream PROGRESS = System.err;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new GsmTrainCli());
    cli.setExecutionExceptionHandler(
        (ex, c, r) -> {
          c.getErr().println("error: " + ex.getMessage());
          return 2;
        });
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class RegistryOption {
    @Option(
        names = "--registry",
        defaultValue = "./models",
        description = "Model registry root (default: ${DEFAULT-VALUE}).")
    Path registry;
  }

  static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      boolean dirty =
          !new String(
                  new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                      .start()
                      .getInputStream()
                      .readAllBytes())
              .isBlank();
      return p.waitFor() == 0 ? out + (dirty ? "-dirty" : "") : "unknown";
    } catch (Exception e) {
      return "unknown";
    }
  }

  static ObjectNode metrics(List<Scores> scores) {
    ObjectNode n = JSON.createObjectNode();
    for (Scores s : scores) {
      n.putObject(s.predictor())
          .put("n", s.n())
          .put("log_loss", s.logLoss())
          .put("auc", s.auc())
          .put("brier", s.brier())
          .put("ece", s.ece());
    }
    return n;
  }

  static void print(String task, List<Scores> scores) {
    for (Scores s : scores) {
      System.out.printf(
          Locale.ROOT,
          "%-11s %-26s n=%-8d log-loss=%.5f AUC=%.4f Brier=%.5f ECE=%.4f%n",
          task,
          s.predictor(),
          s.n(),
          s.logLoss(),
          s.auc(),
          s.brier(),
          s.ece());
    }
  }

  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Replays the matches point-in-time, fits the win and engagement models (Spark",
        "MLlib logistic regression on the first 60%% of the matches by start, calibrated",
        "on the next 20%%; the win model's calibration also weighs the engine's logit),",
        "scores them and their baselines (the rating engine alone and recalibrated; a",
        "constant and a rating-only model for engagement) on the last 20%%, and stores a",
        "new version (portable models, manifest, report) in the registry. Examples",
        "reach Spark as Parquet files under --work-dir. 1M matches: about 5.5 minutes",
        "with GSM_JAVA_OPTS=-Xmx4g (see training-pipeline/README.md)."
      })
  static final class Train implements Callable<Integer> {
    @Mixin DataSource data = new DataSource();
    @Mixin RegistryOption reg = new RegistryOption();

    @Option(
        names = "--engagement-sample",
        defaultValue = "1.0",
        description =
            "Share of player appearances kept as engagement examples (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(
        names = "--max-engagement-examples",
        defaultValue = "2000000",
        description =
            "Cap on the engagement examples (default: ${DEFAULT-VALUE}): above it the sampled"
                + " share is lowered to cap / appearances, by the same hash of match and player"
                + " id.")
    long maxEngagement;

    @Option(
        names = "--work-dir",
        description =
            "Where the example files Spark reads go while a model is fitted, each deleted once"
                + " used (path or URI; default: gsm-train under java.io.tmpdir).")
    String workDir;

    @Option(
        names = "--engagement-window-days",
        defaultValue = "3",
        description = "Played again within this many days (default: ${DEFAULT-VALUE}).")
    int windowDays;

    @Option(
        names = "--promote",
        description = "Promote the new version if it passes the promotion rule.")
    boolean promote;

    @Option(names = "--master", description = "Spark master (default: local[*] or spark-submit's).")
    String master;

    @Override
    public Integer call() {
      long t0 = System.nanoTime();
      PROGRESS.println("train: reading matches");
      TrainingInput input = data.read();
      PROGRESS.printf(
          "train: %,d matches from %d files (%d rejected, %d duplicates)%n",
          input.events().size(), input.files().size(), input.rejected(), input.duplicates());
      TrainingRun.Options o =
          TrainingRun.Options.defaults()
              .withEngagement(Duration.ofDays(windowDays), sample, maxEngagement);
      SparkSession spark = SparkSessions.create("gsm-train", master, Map.of());
      TrainingRun run =
          new TrainingRun(
              spark,
              RatingParameters.defaults(),
              o,
              workDir != null ? workDir : TrainingRun.defaultWorkDir(),
              PROGRESS);
      TrainingRun.Prepared prepared = run.prepare(input.events());
      // the examples are all the fits need: let the matches go (a third of the heap at 1M)
      input = input.withoutEvents();
      TrainingRun.Result r = run.fit(prepared);
      String version =
          DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                  .withZone(ZoneOffset.UTC)
                  .format(Instant.now())
              + "-"
              + input.kind();
      ObjectNode manifest = JSON.createObjectNode();
      manifest
          .put("version", version)
          .put("created", Instant.now().toString())
          .put("git_commit", gitCommit());
      ObjectNode src = manifest.putObject("source");
      src.put("kind", input.kind()).put("location", input.location());
      data.describe(src);
      ArrayNode files = manifest.putArray("input_files");
      input
          .files()
          .forEach(
              f ->
                  files
                      .addObject()
                      .put("path", f.path())
                      .put("length", f.length())
                      .put("sha256", f.sha256()));
      manifest
          .put("matches", r.matches())
          .put("rejected", input.rejected())
          .put("duplicates", input.duplicates());
      manifest.set("parameters", JSON.valueToTree(o.asMap()));
      manifest.put("engagement_sample_effective", r.engagementSample());
      manifest.set("rating_parameters", JSON.valueToTree(RatingParameters.defaults()));
      manifest
          .putObject("hold_out")
          .put("validation_from", Instant.ofEpochSecond(r.split().validationFrom()).toString())
          .put("test_from", Instant.ofEpochSecond(r.split().testFrom()).toString());
      ObjectNode m = manifest.putObject("metrics");
      m.set("win", metrics(r.win().scores()));
      m.set("engagement", metrics(r.engagement().scores()));
      manifest.set("seconds", JSON.valueToTree(r.seconds()));
      ModelRegistry registry = new ModelRegistry(reg.registry);
      Map<String, Object> ctx = new LinkedHashMap<>();
      ctx.put("version", version);
      ctx.put("source", input.location());
      ctx.put("matches", r.matches());
      ctx.put("test period from", Instant.ofEpochSecond(r.split().testFrom()).toString());
      ctx.put("git commit", manifest.get("git_commit").asText());
      if (input.kind().equals("atp")) {
        ctx.put("data", "ATP by Jeff Sackmann / Tennis Abstract (tennis_atp), CC BY-NC-SA 4.0");
      }
      Path html =
          new EvaluationReport("gsm training run " + version, ctx)
              .task("win", r.win().scores())
              .task("engagement", r.engagement().scores())
              .write(registry.versionDir(version));
      registry.store(version, r.win().model(), r.engagement().model(), manifest);
      print("win", r.win().scores());
      print("engagement", r.engagement().scores());
      System.out.printf(
          Locale.ROOT,
          "version %s stored in %s (report %s, %.1f s)%n",
          version,
          registry.versionDir(version),
          html,
          (System.nanoTime() - t0) / 1e9);
      if (promote) {
        return new Promote().promote(registry, version, false);
      }
      return 0;
    }
  }

  @Command(
      name = "evaluate",
      mixinStandardHelpOptions = true,
      description =
          "Scores a stored version (default: current) with the pure-Java evaluator on the hold-out of its own data snapshot, or of --data-root/--atp, and writes a report.")
  static final class Evaluate implements Callable<Integer> {
    @Mixin RegistryOption reg = new RegistryOption();
    @Mixin DataSource data = new DataSource();

    @Option(names = "--version", description = "Version to evaluate (default: current).")
    String version;

    @Option(names = "--out", description = "Report folder (default: <version>/evaluate-<time>).")
    Path out;

    @Override
    public Integer call() {
      ModelRegistry registry = new ModelRegistry(reg.registry);
      String v = version != null ? version : registry.current();
      if (v == null) {
        throw new IllegalArgumentException(
            "no --version and no current version in " + reg.registry);
      }
      JsonNode manifest = registry.manifest(v);
      DataSource source = data.given() ? data : DataSource.of(manifest.get("source"));
      TrainingRun.Prepared p = HoldOuts.prepare(source, manifest);
      List<Scores> win =
          List.of(
              TrainingRun.score("model", registry.model(v, "win"), HoldOuts.test(p.win())),
              Scores.of(
                  "rating_engine",
                  HoldOuts.column(p.winEngine()),
                  TrainingRun.labels(HoldOuts.test(p.winEngine()))));
      List<Scores> eng =
          List.of(
              TrainingRun.score(
                  "model", registry.model(v, "engagement"), HoldOuts.test(p.engagement())));
      print("win", win);
      print("engagement", eng);
      Path dir =
          out != null
              ? out
              : registry.versionDir(v).resolve("evaluate-" + Instant.now().getEpochSecond());
      Path html =
          new EvaluationReport("gsm evaluation of " + v, Map.of("version", v))
              .task("win", win)
              .task("engagement", eng)
              .write(dir);
      System.out.println("report " + html);
      return 0;
    }
  }

  @Command(
      name = "promote",
      mixinStandardHelpOptions = true,
      description =
          "Makes a version current if it is at least as good as the current one on the same hold-out (its own test period).")
  static final class Promote implements Callable<Integer> {
    @Mixin RegistryOption reg = new RegistryOption();

    @Option(names = "--version", required = true, description = "Version to promote.")
    String version;

    @Option(names = "--force", description = "Promote even if worse.")
    boolean force;

    @Override
    public Integer call() {
      return promote(new ModelRegistry(reg.registry), version, force);
    }

    int promote(ModelRegistry registry, String v, boolean force) {
      String cur = registry.current();
      JsonNode manifest = registry.manifest(v);
      PROGRESS.println("promote: rebuilding the hold-out of " + v + " from its data snapshot");
      TrainingRun.Prepared p = HoldOuts.prepare(DataSource.of(manifest.get("source")), manifest);
      Promotion.Decision d =
          Promotion.decide(
              registry.model(v, "win"),
              registry.model(v, "engagement"),
              cur == null ? null : registry.model(cur, "win"),
              cur == null ? null : registry.model(cur, "engagement"),
              HoldOuts.test(p.win()),
              HoldOuts.test(p.engagement()));
      System.out.println("candidate " + v + ": " + d.reason());
      if (d.promote() || force) {
        registry.makeCurrent(v);
        System.out.println("current = " + v);
        return 0;
      }
      System.out.println("current stays " + cur);
      return 1;
    }
  }

  @Command(
      name = "rollback",
      mixinStandardHelpOptions = true,
      description = "Points current back at the previously promoted version.")
  static final class Rollback implements Callable<Integer> {
    @Mixin RegistryOption reg = new RegistryOption();

    @Override
    public Integer call() {
      System.out.println("current = " + new ModelRegistry(reg.registry).rollback());
      return 0;
    }
  }
}
