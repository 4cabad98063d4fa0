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
 *
 * <p>{@code player-profiles}: the batch view's details of a player for point reads, and every board
 * of every published season for pages of past seasons. Hash key {@code player_id}, range key {@code
 * entry}: {@code <season>#<version>#board#<board>} (one leaderboard row with its stats), {@code
 * <season>#<version>#history#<board>} (the daily rank history), {@code
 * <season>#<version>#insights}; so one query of {@code <season>#<version>#} reads a player page.
 * Versions are part of the key: a newer view adds items beside an older one and never overwrites
 * it. {@code BoardIndex} ({@code leaderboard} = {@code <season>#<board>#<version>}, {@code rank})
 * pages any board of any published version. The partition {@value #SEASONS_PARTITION} (not a player
 * id: {@code #} is outside the id pattern) holds one item per season naming the version published
 * last, written after all of that version's items.
 */
public final class DynamoTables {

  public static final String GLOBAL_RANKINGS = "global-rankings";
  public static final String RANKING_INDEX = "RankingIndex";
  public static final String PLAYER_ID = "player_id";
  public static final String TIMESTAMP = "timestamp";
  public static final String LEADERBOARD = "leaderboard";
  public static final String RANK = "rank";

  public static final String PLAYER_PROFILES = "player-profiles";
  public static final String ENTRY = "entry";
  public static final String BOARD_INDEX = "BoardIndex";
  public static final String SEASONS_PARTITION = "#seasons";

  private DynamoTables() {}

  public static String globalRankingsCreateTable() {
    return createTable(GLOBAL_RANKINGS, TIMESTAMP, "N", RANKING_INDEX);
  }

  public static String playerProfilesCreateTable() {
    return createTable(PLAYER_PROFILES, ENTRY, "S", BOARD_INDEX);
  }

  /** Both tables: hash key player_id, their own range key, a leaderboard/rank index. */
  private static String createTable(String name, String range, String rangeType, String index) {
    ObjectNode t = MatchJson.MAPPER.createObjectNode();
    t.put("TableName", name);
    t.put("BillingMode", "PAY_PER_REQUEST");
    ArrayNode attrs = t.putArray("AttributeDefinitions");
    attr(attrs, PLAYER_ID, "S");
    attr(attrs, range, rangeType);
    attr(attrs, LEADERBOARD, "S");
    attr(attrs, RANK, "N");
    ArrayNode keys = t.putArray("KeySchema");
    key(keys, PLAYER_ID, "HASH");
    key(keys, range, "RANGE");
    ObjectNode gsi = t.putArray("GlobalSecondaryIndexes").addObject();
    gsi.put("IndexName", index);
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
