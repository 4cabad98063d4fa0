package dev.gsm.batch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.publish.GlobalRankingsTable.RankingItem;
import dev.gsm.schema.DynamoTables;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** The global-rankings table on DynamoDB Local, its own process, over HTTP. */
@ExtendWith(DynamoDbLocalExtension.class)
class GlobalRankingsTableIT {

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

      long watermark = 1_795_225_200_000L;
      String board =
          GlobalRankingsTable.leaderboardKey("2026-S4", "global", "20261121T020000Z-3fa85f64");
      List<RankingItem> items = new ArrayList<>();
      for (int rank = 60; rank >= 1; rank--) {
        items.add(
            new RankingItem(String.format("p-%03d", rank), watermark, board, rank, 3000.0 - rank));
      }
      String otherBoard =
          GlobalRankingsTable.leaderboardKey("2026-S3", "global", "20260921T020000Z-00000000");
      items.add(new RankingItem("p-001", watermark - 1, otherBoard, 1, 9999.0));

      int requests = table.write(items);

      assertThat(requests).isGreaterThanOrEqualTo(3);
      List<RankingItem> top = table.page(board, 1, 10);
      assertThat(top)
          .extracting(RankingItem::rank)
          .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      assertThat(top.get(0)).isEqualTo(new RankingItem("p-001", watermark, board, 1, 2999.0));
      assertThat(table.page(board, 51, 25))
          .extracting(RankingItem::rank)
          .containsExactly(51L, 52L, 53L, 54L, 55L, 56L, 57L, 58L, 59L, 60L);
    }
  }

  static DynamoDbClient client(DynamoDbEndpoint db) {
    return DynamoDbClient.builder()
        .endpointOverride(URI.create(db.endpoint()))
        .region(Region.of(db.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(db.accessKey(), db.secretKey())))
        .build();
  }
}
