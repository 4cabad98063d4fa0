package dev.gsm.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.schema.DynamoTables;
import dev.gsm.store.GlobalRankingsTable.RankingItem;
import dev.gsm.store.GlobalRankingsTable.WriteStats;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The global-rankings table on DynamoDB Local, its own process, over HTTP. */
@ExtendWith(DynamoDbLocalExtension.class)
class GlobalRankingsTableIT {

  static final long GENERATION = 1_795_225_200_000L;

  @Test
  void aBatchWrittenLeaderboardIsReadBackAPageAtATimeThroughRankingIndex(DynamoDbEndpoint db) {
    try (DynamoDbClient client = client(db)) {
      GlobalRankingsTable table = new GlobalRankingsTable(client);
      table.createIfMissing();
      table.createIfMissing(); // a second run finds it there

      TableDescription described =
          client.describeTable(b -> b.tableName(DynamoTables.GLOBAL_RANKINGS)).table();
      assertThat(described.keySchema())
          .extracting(k -> k.attributeName())
          .containsExactly(DynamoTables.PLAYER_ID, DynamoTables.TIMESTAMP);
      assertThat(described.globalSecondaryIndexes())
          .extracting(i -> i.indexName())
          .containsExactly(DynamoTables.RANKING_INDEX);

      String board =
          GlobalRankingsTable.leaderboardKey("2026-S4", "global", "20261121T020000Z-3fa85f64");
      List<RankingItem> items = new ArrayList<>();
      for (int rank = 60; rank >= 1; rank--) {
        items.add(item(String.format("p-%03d", rank), GENERATION, board, rank));
      }
      String otherBoard =
          GlobalRankingsTable.leaderboardKey("2026-S3", "global", "20260921T020000Z-00000000");
      items.add(item("p-001", GENERATION - 1, otherBoard, 1));

      WriteStats stats = table.write(items);

      assertThat(stats.requests()).isGreaterThanOrEqualTo(3);
      List<RankingItem> top = table.page(board, 1, 10);
      assertThat(top)
          .extracting(RankingItem::rank)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(top.get(0)).isEqualTo(item("p-001", GENERATION, board, 1));
      assertThat(table.page(board, 51, 25))
          .extracting(RankingItem::rank)
          .containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L);
    }
  }

  @Test
  void throttledBatchWritesAreRetriedWithBackoff(DynamoDbEndpoint db) {
    // The first two sends are refused with ProvisionedThroughputExceededException (DynamoDB wrote
    // nothing); the next two are only partly taken, the rest coming back as UnprocessedItems.
    ThrottlingDynamoDb throttle = new ThrottlingDynamoDb(2, 2);
    List<Long> pauses = new ArrayList<>();
    try (DynamoDbClient client = client(db, throttle)) {
      GlobalRankingsTable table =
          new GlobalRankingsTable(client, "rankings-throttled", (a, ms) -> pauses.add(ms));
      table.createIfMissing();
      String board = GlobalRankingsTable.leaderboardKey("2026-S4", "global", "v-throttled");
      List<RankingItem> items = new ArrayList<>();
      for (int rank = 1; rank <= 20; rank++) {
        items.add(item("p-" + rank, GENERATION, board, rank));
      }

      WriteStats stats = table.write(items);

      assertThat(throttle.refused()).isEqualTo(2);
      assertThat(throttle.heldBack()).isGreaterThan(0);
      assertThat(stats.retries()).isGreaterThanOrEqualTo(4);
      assertThat(pauses.subList(0, 4)).containsExactly(50L, 100L, 200L, 400L);
      assertThat(table.board(board)).containsExactlyElementsOf(items);
    }
  }

  @Test
  void aWriteThatStaysThrottledGivesUpAfterTheLastAttempt(DynamoDbEndpoint db) {
    ThrottlingDynamoDb throttle = new ThrottlingDynamoDb(GlobalRankingsTable.MAX_ATTEMPTS, 0);
    List<Long> pauses = new ArrayList<>();
    try (DynamoDbClient client = client(db, throttle)) {
      GlobalRankingsTable table =
          new GlobalRankingsTable(client, "rankings-saturated", (a, ms) -> pauses.add(ms));
      table.createIfMissing();
      List<RankingItem> one = List.of(item("p-1", GENERATION, "S#global#v", 1));

      assertThatThrownBy(() -> table.write(one))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after " + GlobalRankingsTable.MAX_ATTEMPTS + " attempts");
      assertThat(pauses).hasSize(GlobalRankingsTable.MAX_ATTEMPTS - 1).endsWith(3200L);
      assertThat(table.board("S#global#v")).isEmpty();
    }
  }

  static RankingItem item(String player, long generation, String board, long rank) {
    return new RankingItem(
        player,
        generation,
        board,
        rank,
        3000.0 - rank,
        25.0 + rank / 100.0,
        1.5,
        40,
        22,
        17,
        1,
        100.0 * (60 - rank) / 60,
        rank <= 3 ? "master" : "gold",
        "eu",
        "pc",
        12_345);
  }

  static DynamoDbClient client(DynamoDbEndpoint db, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(db.endpoint()))
        .region(Region.of(db.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(db.accessKey(), db.secretKey())))
        // Our own retry loop is under test: the SDK's retries would hide the throttling.
        .overrideConfiguration(
            c -> {
              c.retryStrategy(AwsRetryStrategy.doNotRetry());
              for (ExecutionInterceptor i : interceptors) {
                c.addExecutionInterceptor(i);
              }
            })
        .build();
  }
}
