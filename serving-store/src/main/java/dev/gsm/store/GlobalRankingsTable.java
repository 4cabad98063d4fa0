package dev.gsm.store;

import dev.gsm.schema.DynamoTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The {@code global-rankings} table (see {@link DynamoTables}): created from the same constants as
 * its Terraform and CLI forms, written in batches, read a page of ranks at a time through {@code
 * RankingIndex}. The publish job (orchestration) drives {@link #write} chunk by chunk; the serving
 * API reads {@link #page}.
 *
 * <p>Writes are puts of whole items keyed by player and generation, so sending an item twice (a
 * retried batch, a restarted chunk) leaves the same single item: retries are safe.
 */
public final class GlobalRankingsTable {

  /** DynamoDB's limit on the items of one BatchWriteItem request. */
  public static final int MAX_BATCH = 25;

  /** Attempts per batch (first send included) before a write gives up and fails its chunk. */
  public static final int MAX_ATTEMPTS = 8;

  static final long FIRST_BACKOFF_MILLIS = 50;
  static final long MAX_BACKOFF_MILLIS = 5_000;

  /**
   * One ranked player on one leaderboard of one view version.
   *
   * @param timestamp the generation of the write, epoch milliseconds (the view version's run start,
   *     see the publish job): the table's range key, so an older view never overwrites a newer one
   * @param leaderboard {@code <season>#<board>#<version>}, see {@link #leaderboardKey}
   * @param rank 1 = best
   * @param percentile share of the board ranked below, in percent
   * @param watermarkOffset the view covers every log offset up to this one (docs/LAMBDA.md)
   */
  public record RankingItem(
      String playerId,
      long timestamp,
      String leaderboard,
      long rank,
      double displayScore,
      double mu,
      double sigma,
      int games,
      int wins,
      int losses,
      int draws,
      double percentile,
      String league,
      String region,
      String platform,
      long watermarkOffset) {

    public RankingItem {
      Objects.requireNonNull(playerId, "playerId");
      Objects.requireNonNull(leaderboard, "leaderboard");
      Objects.requireNonNull(league, "league");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(platform, "platform");
    }
  }

  /** What one {@link #write} cost: requests sent, and how many of them were resends. */
  public record WriteStats(int requests, int retries) {
    public WriteStats plus(WriteStats o) {
      return new WriteStats(requests + o.requests, retries + o.retries);
    }
  }

  /**
   * Waits before a resend. The default sleeps a random time in {@code [millis / 2, millis]} ("equal
   * jitter"): writers that were throttled together do not come back together.
   */
  @FunctionalInterface
  public interface Backoff {
    void pause(int attempt, long millis) throws InterruptedException;

    static Backoff jittered() {
      return (attempt, millis) ->
          Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
  }

  private final DynamoDbClient client;
  private final String tableName;
  private final Backoff backoff;

  public GlobalRankingsTable(DynamoDbClient client) {
    this(client, DynamoTables.GLOBAL_RANKINGS, Backoff.jittered());
  }

  public GlobalRankingsTable(DynamoDbClient client, String tableName, Backoff backoff) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  public String tableName() {
    return tableName;
  }

  public static String leaderboardKey(String season, String board, String version) {
    return season + "#" + board + "#" + version;
  }

  /** The backoff before attempt {@code attempt} (2 = the first resend): 50 ms doubling to 5 s. */
  static long backoffMillis(int attempt) {
    return Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(20, attempt - 2));
  }

  /** Creates the table and its index unless it exists, and waits until it is active. */
  public void createIfMissing() {
    Tables.createIfMissing(
        client,
        tableName,
        DynamoTables.TIMESTAMP,
        ScalarAttributeType.N,
        DynamoTables.RANKING_INDEX);
  }

  /**
   * Writes the items in batches of {@link #MAX_BATCH}. What DynamoDB leaves unprocessed is resent,
   * and a batch refused for throughput ({@code ProvisionedThroughputExceededException}, {@code
   * RequestLimitExceeded}, any throttling error the SDK's own retries gave up on) is sent again,
   * with exponential backoff, up to {@link #MAX_ATTEMPTS} attempts per batch.
   *
   * @throws IllegalStateException when a batch still is not through after {@link #MAX_ATTEMPTS}
   */
  public WriteStats write(List<RankingItem> items) {
    WriteStats stats = new WriteStats(0, 0);
    for (int from = 0; from < items.size(); from += MAX_BATCH) {
      List<WriteRequest> batch = new ArrayList<>();
      for (RankingItem item : items.subList(from, Math.min(items.size(), from + MAX_BATCH))) {
        batch.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(toItem(item)).build())
                .build());
      }
      stats = stats.plus(Tables.write(client, tableName, batch, backoff));
    }
    return stats;
  }

  /** Ranks {@code fromRank} to {@code fromRank + limit - 1} of one leaderboard, best first. */
  public List<RankingItem> page(String leaderboard, long fromRank, int limit) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":lb", AttributeValue.fromS(leaderboard));
    values.put(":from", AttributeValue.fromN(Long.toString(fromRank)));
    QueryRequest query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(DynamoTables.RANKING_INDEX)
            .keyConditionExpression("#lb = :lb AND #rank >= :from")
            .expressionAttributeNames(
                Map.of("#lb", DynamoTables.LEADERBOARD, "#rank", DynamoTables.RANK))
            .expressionAttributeValues(values)
            .scanIndexForward(true)
            .limit(limit)
            .build();
    return client.query(query).items().stream().map(GlobalRankingsTable::fromItem).toList();
  }

  /** Every item of one leaderboard, best first (tools and tests; pages through the index). */
  public List<RankingItem> board(String leaderboard) {
    List<RankingItem> out = new ArrayList<>();
    for (long from = 1; ; ) {
      List<RankingItem> page = page(leaderboard, from, 1000);
      out.addAll(page);
      if (page.size() < 1000) {
        return out;
      }
      from = page.get(page.size() - 1).rank() + 1;
    }
  }

  static Map<String, AttributeValue> toItem(RankingItem item) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(DynamoTables.PLAYER_ID, AttributeValue.fromS(item.playerId()));
    m.put(DynamoTables.TIMESTAMP, number(item.timestamp()));
    m.put(DynamoTables.LEADERBOARD, AttributeValue.fromS(item.leaderboard()));
    m.put(DynamoTables.RANK, number(item.rank()));
    m.put("display_score", AttributeValue.fromN(Double.toString(item.displayScore())));
    m.put("mu", AttributeValue.fromN(Double.toString(item.mu())));
    m.put("sigma", AttributeValue.fromN(Double.toString(item.sigma())));
    m.put("games", number(item.games()));
    m.put("wins", number(item.wins()));
    m.put("losses", number(item.losses()));
    m.put("draws", number(item.draws()));
    m.put("percentile", AttributeValue.fromN(Double.toString(item.percentile())));
    m.put("league", AttributeValue.fromS(item.league()));
    m.put("region", AttributeValue.fromS(item.region()));
    m.put("platform", AttributeValue.fromS(item.platform()));
    m.put("watermark_offset", number(item.watermarkOffset()));
    return m;
  }

  static RankingItem fromItem(Map<String, AttributeValue> m) {
    return new RankingItem(
        m.get(DynamoTables.PLAYER_ID).s(),
        Long.parseLong(m.get(DynamoTables.TIMESTAMP).n()),
        m.get(DynamoTables.LEADERBOARD).s(),
        Long.parseLong(m.get(DynamoTables.RANK).n()),
        Double.parseDouble(m.get("display_score").n()),
        Double.parseDouble(m.get("mu").n()),
        Double.parseDouble(m.get("sigma").n()),
        Integer.parseInt(m.get("games").n()),
        Integer.parseInt(m.get("wins").n()),
        Integer.parseInt(m.get("losses").n()),
        Integer.parseInt(m.get("draws").n()),
        Double.parseDouble(m.get("percentile").n()),
        m.get("league").s(),
        m.get("region").s(),
        m.get("platform").s(),
        Long.parseLong(m.get("watermark_offset").n()));
  }

  private static AttributeValue number(long n) {
    return AttributeValue.fromN(Long.toString(n));
  }
}
