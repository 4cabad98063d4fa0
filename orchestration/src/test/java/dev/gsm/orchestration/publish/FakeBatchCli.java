package dev.gsm.orchestration.publish;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Stands in for batch-jobs' {@code GsmBatchCli} in the nightly flow's tests (Spark is not on this
 * module's classpath): {@code batch rankings --data-root R --season S} writes a leaderboards
 * version as the rankings job does; {@code batch insights ...} fails once when {@code
 * R/fail-insights-once} exists. Every call is appended to {@code R/calls.txt}.
 */
public final class FakeBatchCli {
  public static void main(String[] args) throws Exception {
    String step = args[1];
    Path root = Path.of(args[3]);
    Files.writeString(
        root.resolve("calls.txt"),
        step + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    switch (step) {
      case "rankings" -> {
        LeaderboardsFixture.write(root, "20261122T020000Z-0a1b2c3d", 230, 777);
        System.out.println("season 2026-S4: version 20261122T020000Z-0a1b2c3d");
      }
      case "insights" -> {
        Path marker = root.resolve("fail-insights-once");
        if (Files.exists(marker)) {
          Files.delete(marker);
          System.out.println("insights: out of memory (injected)");
          System.exit(3);
        }
        System.out.println("insights: done");
      }
      default -> System.exit(64);
    }
  }
}
