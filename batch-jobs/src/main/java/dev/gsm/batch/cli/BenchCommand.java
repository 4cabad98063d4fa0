package dev.gsm.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gsm batch bench}: generates seasons once into a cache folder (reused by later runs) and
 * rebuilds each end to end (rankings, then insights) in its own JVM, printing wall time and the
 * child's peak RSS (VmHWM). A benchmark, not a test: it prints figures and asserts nothing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds generated seasons of the given sizes end to end (rankings then insights, in a",
      "child JVM each) and prints wall time and peak memory. Seasons are generated once into",
      "--cache."
    })
public final class BenchCommand implements Callable<Integer> {

  static final String SEASON = "2026-S3";

  @Option(
      names = "--sizes",
      split = ",",
      defaultValue = "1000000,3000000,10000000",
      description = "Matches per season (default: ${DEFAULT-VALUE}); players = matches / 10.")
  List<Long> sizes = new ArrayList<>();

  @Option(
      names = "--cache",
      defaultValue = "/tmp/gsm-bench",
      description = "Where generated seasons are kept (default: ${DEFAULT-VALUE}).")
  Path cache;

  @Option(
      names = "--heap",
      defaultValue = "12g",
      description = "-Xmx of each rebuild's JVM (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--smoothing-window-days",
      description = "Passed to the rebuild (default: the engine's).")
  Integer smoothingWindowDays;

  @Override
  public Integer call() throws Exception {
    List<String> summary = new ArrayList<>();
    for (long n : sizes) {
      Path root = cache.resolve("m" + n);
      if (!Files.exists(root.resolve("_generated"))) {
        System.err.printf("bench: generating %,d matches into %s (once)...%n", n, root);
        int rc =
            GsmBatchCli.newCommandLine()
                .execute(
                    "generate",
                    "--out",
                    root.toString(),
                    "--matches",
                    Long.toString(n),
                    "--players",
                    Long.toString(Math.max(1000, n / 10)),
                    "--season",
                    SEASON);
        if (rc != 0) {
          return rc;
        }
        Files.writeString(root.resolve("_generated"), "ok\n");
      }
      deleteViews(root);
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx" + heap);
      // the module opens this JVM was started with (bin/spark-java.options): Spark needs them
      for (String a :
          java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
        if (a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")) {
          cmd.add(a);
        }
      }
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(GsmBatchCli.class.getName());
      // rankings, then insights of that run, in one session (batch-jobs' nightly)
      cmd.addAll(List.of("batch", "nightly", "--data-root", root.toString(), "--season", SEASON));
      if (smoothingWindowDays != null) {
        cmd.addAll(List.of("--smoothing-window-days", smoothingWindowDays.toString()));
      }
      System.err.printf("bench: rebuilding %,d matches...%n", n);
      long start = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String peak = "?";
      String cpu = "?";
      String loadBefore = loadAverage();
      try (var reader = p.inputReader()) {
        String line;
        while ((line = reader.readLine()) != null) {
          System.out.println("  | " + line);
          if (line.startsWith("peak RSS ")) {
            peak = line.substring("peak RSS ".length());
          }
          if (line.startsWith("process CPU ")) {
            cpu = line.substring("process CPU ".length());
          }
        }
      }
      int rc = p.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      summary.add(
          String.format(
              "%,12d matches: %6.1f s wall (JVM start included), %s CPU, peak RSS %s, exit %d;"
                  + " load average %s at start, %s at end",
              n, seconds, cpu, peak, rc, loadBefore, loadAverage()));
    }
    System.out.println("bench summary (" + Runtime.getRuntime().availableProcessors() + " cores):");
    summary.forEach(System.out::println);
    return 0;
  }

  /** The 1, 5 and 15 minute load averages (Linux), "?" elsewhere: wall time depends on them. */
  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static void deleteViews(Path root) throws IOException {
    for (String dir : new String[] {"views", "rejects"}) {
      Path p = root.resolve(dir);
      if (Files.exists(p)) {
        try (var walk = Files.walk(p)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    }
  }

  static {
    // keeps picocli's reflection happy when only this class is loaded
    CommandLine.class.getName();
  }
}
