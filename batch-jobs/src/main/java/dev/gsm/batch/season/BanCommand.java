package dev.gsm.batch.season;

import dev.gsm.batch.rankings.Bans;
import dev.gsm.schema.DatasetLayout;
import dev.gsm.schema.PlayerBan;
import dev.gsm.spark.SparkSessions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gsm batch ban}: records a ban as a fact; the next rebuild leaves the player's matches out.
 */
@Command(
    name = "ban",
    mixinStandardHelpOptions = true,
    description = {
      "Records a ban under <data-root>/bans/season=S/. The next rebuild of the season drops",
      "every match the player played, so his opponents are re-rated as if he never had."
    })
public final class BanCommand implements Callable<Integer> {

  @Option(
      names = "--data-root",
      defaultValue = "data",
      description = "Data root (default: ${DEFAULT-VALUE}).")
  String dataRoot;

  @Option(names = "--season", required = true, description = "Season of the ban, e.g. 2026-S4.")
  String season;

  @Option(names = "--player", required = true, description = "The banned player's id.")
  String player;

  @Option(names = "--reason", defaultValue = "", description = "Why, for people.")
  String reason;

  @Option(names = "--ban-id", description = "Unique id of the ban (default: a random UUID).")
  String banId;

  @Override
  public Integer call() {
    JobOptions options = JobOptions.of(dataRoot, season);
    PlayerBan ban =
        new PlayerBan(
            player, Instant.now(), reason, banId == null ? UUID.randomUUID().toString() : banId);
    SparkSession spark = SparkSessions.create("gsm-ban", null, Map.of());
    try {
      Bans.record(spark, new DatasetLayout(options.dataRoot()), season, List.of(ban));
    } finally {
      spark.stop();
    }
    System.out.printf(
        "banned %s in %s (ban %s); rebuild the season to apply%n", player, season, ban.banId());
    return 0;
  }
}
