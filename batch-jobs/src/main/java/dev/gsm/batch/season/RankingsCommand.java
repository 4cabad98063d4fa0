package dev.gsm.batch.season;

import dev.gsm.batch.views.ViewManifest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gsm batch rankings}: the season's ranking views, up to the watermark. */
@Command(
    name = "rankings",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds one season's views from the master dataset up to the log-offset watermark:",
      "season-activity, leaderboards (global, per mode, region, platform) and rank-history.",
      "Writes views/<name>/version=<V>/ with manifests, then views/_current/season=<S>."
    })
public final class RankingsCommand implements Callable<Integer> {

  @Mixin JobArguments arguments = new JobArguments();

  JobOptions options() {
    return arguments.options();
  }

  @Override
  public Integer call() {
    JobOptions options = options();
    System.err.printf(
        "gsm batch rankings: season %s from %s...%n", options.season(), options.dataRoot());
    SeasonBatchJob.RunResult result = SeasonBatchJob.run(options, Clock.systemUTC());
    print(result);
    return 0;
  }

  static void print(SeasonBatchJob.RunResult result) {
    ViewManifest m = result.manifest();
    System.out.printf(
        "season %s: version %s, watermark log_offset %d (%s), latest ended_at %s%n"
            + "  counts %s%n  rejects %s %s%n  timings (ms) %s%n",
        m.season(),
        result.version(),
        m.watermarkOffset(),
        m.watermarkSource(),
        m.latestEndedAt(),
        m.counts(),
        result.rejects().path(),
        m.rejectsByReason(),
        m.timingsMillis());
    for (ViewManifest v : result.manifests()) {
      System.out.printf("  view %-16s %,d rows%n", v.view(), v.rows());
    }
    System.out.println("peak RSS " + peakRss());
  }

  /** CPU time of this process so far, e.g. {@code 412.3 s}; "?" where the OS does not say. */
  public static String cpuSeconds() {
    long nanos = StepTimer.processCpuNanos();
    return nanos < 0 ? "?" : String.format("%.1f s", nanos / 1e9);
  }

  /** VmHWM of this process (Linux), e.g. {@code 3,412 MB}; "?" elsewhere. */
  public static String peakRss() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format("%,d MB", kb / 1024);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return "?";
    }
    return "?";
  }
}
