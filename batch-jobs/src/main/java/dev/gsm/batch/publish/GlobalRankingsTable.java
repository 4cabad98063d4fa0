package dev.gsm.batch.publish;

import dev.gsm.schema.DynamoTables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The {@code global-rankings} table (see {@link DynamoTables}): created from the same constants as
 * its Terraform and CLI forms, written in batches, read a page of ranks at a time through {@code
 * RankingIndex}. The Spring Batch publish step will drive {@link #write} chunk by chunk.
 */
public final class GlobalRankingsTable {

  /** DynamoDB's limit on the items of one BatchWriteItem request. */
  public static final int MAX_BATCH = 25;

  private static final int MAX_ATTEMPTS = 8;

  /**
   * One ranked player on one leaderboard of one view version.
   *
   * @param timestamp the view's watermark in epoch milliseconds: the generation of the write
   * @param leaderboard {@code <season>#<board>#<version>}, see {@link #leaderboardKey}
   */
  public record RankingItem(
      String playerId, long timestamp, String leaderboard, long rank, double displayScore) {}

  private final DynamoDbClient client;
  private final String tableName;

  public GlobalRankingsTable(DynamoDbClient client) {
    this(client, DynamoTables.GLOBAL_RANKINGS);
  }

  public GlobalRankingsTable(DynamoDbClient client, String tableName) {
    this.client = client;
    this.tableName = tableName;
  }

  public static String leaderboardKey(String season, String board, String version) {
    return season + "#" + board + "#" + version;
  }

  /** Creates the table and its index unless it exists, and waits until it is active. */
  public void createIfMissing() {
    try {
      client.createTable(
          CreateTableRequest.builder()
              .tableName(tableName)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(
                  attribute(DynamoTables.PLAYER_ID, ScalarAttributeType.S),
                  attribute(DynamoTables.TIMESTAMP, ScalarAttributeType.N),
                  attribute(DynamoTables.LEADERBOARD, ScalarAttributeType.S),
                  attribute(DynamoTables.RANK, ScalarAttributeType.N))
              .keySchema(
                  key(DynamoTables.PLAYER_ID, KeyType.HASH),
                  key(DynamoTables.TIMESTAMP, KeyType.RANGE))
              .globalSecondaryIndexes(
                  GlobalSecondaryIndex.builder()
                      .indexName(DynamoTables.RANKING_INDEX)
                      .keySchema(
                          key(DynamoTables.LEADERBOARD, KeyType.HASH),
                          key(DynamoTables.RANK, KeyType.RANGE))
                      .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                      .build())
              .build());
    } catch (ResourceInUseException exists) {
      // Created by an earlier run or by Terraform: fine.
    }
    client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
  }

  /**
   * Writes the items in batches of {@link #MAX_BATCH}, resending what DynamoDB leaves unprocessed
   * (throttling) with exponential backoff. Returns the number of requests sent.
   */
  public int write(List<RankingItem> items) {
    int requests = 0;
    for (int from = 0; from < items.size(); from += MAX_BATCH) {
      List<WriteRequest> batch = new ArrayList<>();
      for (RankingItem item : items.subList(from, Math.min(items.size(), from + MAX_BATCH))) {
        batch.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(toItem(item)).build())
                .build());
      }
      Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > MAX_ATTEMPTS) {
          throw new IllegalStateException(
              "DynamoDB left items unprocessed after " + MAX_ATTEMPTS + " attempts");
        }
        if (attempt > 1) {
          sleep(Math.min(5_000L, 50L << (attempt - 2)));
        }
        final Map<String, List<WriteRequest>> request = pending;
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
        requests++;
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
      }
    }
    return requests;
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

  static Map<String, AttributeValue> toItem(RankingItem item) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(DynamoTables.PLAYER_ID, AttributeValue.fromS(item.playerId()));
    m.put(DynamoTables.TIMESTAMP, AttributeValue.fromN(Long.toString(item.timestamp())));
    m.put(DynamoTables.LEADERBOARD, AttributeValue.fromS(item.leaderboard()));
    m.put(DynamoTables.RANK, AttributeValue.fromN(Long.toString(item.rank())));
    m.put("display_score", AttributeValue.fromN(Double.toString(item.displayScore())));
    return m;
  }

  static RankingItem fromItem(Map<String, AttributeValue> m) {
    return new RankingItem(
        m.get(DynamoTables.PLAYER_ID).s(),
        Long.parseLong(m.get(DynamoTables.TIMESTAMP).n()),
        m.get(DynamoTables.LEADERBOARD).s(),
        Long.parseLong(m.get(DynamoTables.RANK).n()),
        Double.parseDouble(m.get("display_score").n()));
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
