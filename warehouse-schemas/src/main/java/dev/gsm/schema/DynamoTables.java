package dev.gsm.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The DynamoDB tables of the serving stores, as {@code aws dynamodb create-table --cli-input-json}
 * documents. The Java adapters build their SDK requests from the same constants, and Terraform
 * ({@code terraform/dynamodb.tf}) mirrors them; a test keeps the three in step.
 *
 * <p>{@code global-rankings} (seed 001): hash key {@code player_id}, range key {@code timestamp}
 * (the run start of the batch view version the item comes from, epoch milliseconds: every write
 * carries its generation, so an older view can never overwrite a newer one; the view's watermark is
 * a log offset, which is 0 for pure history and so cannot tell versions apart). The seed's {@code
 * RankingIndex} on rank is keyed by {@code leaderboard} ({@code <season>#<board>#<version>}) and
 * ranged by {@code rank}: a GSI hashed on rank alone could not read a page of ranks in one query
 * and would mix seasons and boards.
 */
public final class DynamoTables {

  public static final String GLOBAL_RANKINGS = "global-rankings";
  public static final String RANKING_INDEX = "RankingIndex";
  public static final String PLAYER_ID = "player_id";
  public static final String TIMESTAMP = "timestamp";
  public static final String LEADERBOARD = "leaderboard";
  public static final String RANK = "rank";

  private DynamoTables() {}

  public static String globalRankingsCreateTable() {
    ObjectNode t = MatchJson.MAPPER.createObjectNode();
    t.put("TableName", GLOBAL_RANKINGS);
    t.put("BillingMode", "PAY_PER_REQUEST");
    ArrayNode attrs = t.putArray("AttributeDefinitions");
    attr(attrs, PLAYER_ID, "S");
    attr(attrs, TIMESTAMP, "N");
    attr(attrs, LEADERBOARD, "S");
    attr(attrs, RANK, "N");
    ArrayNode keys = t.putArray("KeySchema");
    key(keys, PLAYER_ID, "HASH");
    key(keys, TIMESTAMP, "RANGE");
    ObjectNode gsi = t.putArray("GlobalSecondaryIndexes").addObject();
    gsi.put("IndexName", RANKING_INDEX);
    ArrayNode gsiKeys = gsi.putArray("KeySchema");
    key(gsiKeys, LEADERBOARD, "HASH");
    key(gsiKeys, RANK, "RANGE");
    gsi.putObject("Projection").put("ProjectionType", "ALL");
    try {
      return MatchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(t) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void attr(ArrayNode attrs, String name, String type) {
    ObjectNode a = attrs.addObject();
    a.put("AttributeName", name);
    a.put("AttributeType", type);
  }

  private static void key(ArrayNode keys, String name, String type) {
    ObjectNode k = keys.addObject();
    k.put("AttributeName", name);
    k.put("KeyType", type);
  }
}
