package dev.gsm.store;

import dev.gsm.schema.DynamoTables;
import dev.gsm.store.GlobalRankingsTable.Backoff;
import dev.gsm.store.GlobalRankingsTable.WriteStats;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What the tables of the serving store share: their creation (hash key player_id, a range key, a
 * leaderboard/rank index, as {@code DynamoTables} defines them) and the batch write with backoff.
 */
final class Tables {
  private Tables() {}

  /** Creates the table and its index unless it exists, and waits until it is active. */
  static void createIfMissing(
      DynamoDbClient client,
      String tableName,
      String rangeKey,
      ScalarAttributeType rangeType,
      String indexName) {
    try {
      client.createTable(
          CreateTableRequest.builder()
              .tableName(tableName)
              .billingMode(BillingMode.PAY_PER_REQUEST)
              .attributeDefinitions(
                  attribute(DynamoTables.PLAYER_ID, ScalarAttributeType.S),
                  attribute(rangeKey, rangeType),
                  attribute(DynamoTables.LEADERBOARD, ScalarAttributeType.S),
                  attribute(DynamoTables.RANK, ScalarAttributeType.N))
              .keySchema(key(DynamoTables.PLAYER_ID, KeyType.HASH), key(rangeKey, KeyType.RANGE))
              .globalSecondaryIndexes(
                  GlobalSecondaryIndex.builder()
                      .indexName(indexName)
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

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /** Sends one batch (at most 25 puts) until DynamoDB has taken all of it, with backoff. */
  static WriteStats write(
      DynamoDbClient client, String tableName, List<WriteRequest> batch, Backoff backoff) {
    Map<String, List<WriteRequest>> pending = Map.of(tableName, batch);
    int requests = 0;
    RuntimeException lastThrottle = null;
    for (int attempt = 1; !pending.isEmpty(); attempt++) {
      if (attempt > GlobalRankingsTable.MAX_ATTEMPTS) {
        throw new IllegalStateException(
            "DynamoDB did not take "
                + pending.getOrDefault(tableName, List.of()).size()
                + " items of "
                + tableName
                + " after "
                + GlobalRankingsTable.MAX_ATTEMPTS
                + " attempts",
            lastThrottle);
      }
      if (attempt > 1) {
        pause(backoff, attempt);
      }
      final Map<String, List<WriteRequest>> request = pending;
      requests++;
      try {
        BatchWriteItemResponse response = client.batchWriteItem(b -> b.requestItems(request));
        pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        lastThrottle = null;
      } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
        lastThrottle = e;
      } catch (DynamoDbException e) {
        if (!e.isThrottlingException()) {
          throw e;
        }
        lastThrottle = e;
      }
    }
    return new WriteStats(requests, requests - 1);
  }

  private static void pause(Backoff backoff, int attempt) {
    try {
      backoff.pause(attempt, GlobalRankingsTable.backoffMillis(attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while backing off", e);
    }
  }
}
