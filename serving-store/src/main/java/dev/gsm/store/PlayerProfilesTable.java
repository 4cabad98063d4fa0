package dev.gsm.store;

import dev.gsm.schema.DynamoTables;
import dev.gsm.store.GlobalRankingsTable.Backoff;
import dev.gsm.store.GlobalRankingsTable.WriteStats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The {@code player-profiles} table (see {@link DynamoTables}): what the batch view knows of a
 * player that the real-time view does not hold (every board's row with its stats, the daily rank
 * history, the insights), and every board of every published version for pages of past seasons. The
 * publish job writes it chunk by chunk and names the version of a season last ({@link
 * #publishSeason}); the serving API reads a player's page with one query and a board's page through
 * {@code BoardIndex}.
 */
public final class PlayerProfilesTable {

  /** An item of the table that the publish job writes in chunks. */
  public sealed interface Entry permits BoardEntry, HistoryEntry, InsightsEntry {
    String playerId();
  }

  /**
   * One player's row of one board of a view version (the {@code leaderboards} view).
   *
   * @param rank 1 = best
   * @param firstPlayedAt epoch seconds of the player's first rated match on this board
   */
  public record BoardEntry(
      String season,
      String version,
      String board,
      String playerId,
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
      int activeDays,
      String recentForm,
      double avgMatchQuality,
      long firstPlayedAt,
      long lastPlayedAt,
      long watermarkOffset)
      implements Entry {}

  /** The daily rank history of one player on one board: rank and score per day from firstDay. */
  public record HistoryEntry(
      String season,
      String version,
      String board,
      String playerId,
      LocalDate firstDay,
      List<Integer> ranks,
      List<Float> displayScores)
      implements Entry {
    public HistoryEntry {
      ranks = List.copyOf(ranks);
      displayScores = List.copyOf(displayScores);
    }
  }

  /** The batch's insights of one player in one season (the {@code insights} view). */
  public record InsightsEntry(
      String season,
      String version,
      String playerId,
      long games,
      String playStyle,
      double playStyleConfidence,
      List<Integer> peakHours,
      double peakHoursConfidence,
      List<Integer> peakDays,
      double peakDaysConfidence,
      double progressionPerDay,
      double progressionPerGame)
      implements Entry {
    public InsightsEntry {
      peakHours = List.copyOf(peakHours);
      peakDays = List.copyOf(peakDays);
    }
  }

  /**
   * The version of a season that readers use: written once all of its items are in.
   *
   * @param generation the version's run start, epoch ms: a season never goes back to an older one
   * @param boards the season's boards in that version
   */
  public record SeasonEntry(
      String season,
      String version,
      long watermarkOffset,
      long generation,
      Instant publishedAt,
      List<String> boards) {
    public SeasonEntry {
      boards = List.copyOf(boards);
    }
  }

  /** Everything the table holds of one player in one version of a season. */
  public record Profile(
      List<BoardEntry> boards, List<HistoryEntry> history, Optional<InsightsEntry> insights) {
    public boolean isEmpty() {
      return boards.isEmpty();
    }
  }

  private final DynamoDbClient client;
  private final String tableName;
  private final Backoff backoff;

  public PlayerProfilesTable(DynamoDbClient client) {
    this(client, DynamoTables.PLAYER_PROFILES, Backoff.jittered());
  }

  public PlayerProfilesTable(DynamoDbClient client, String tableName, Backoff backoff) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = Objects.requireNonNull(tableName, "tableName");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
  }

  public String tableName() {
    return tableName;
  }

  public void createIfMissing() {
    Tables.createIfMissing(
        client, tableName, DynamoTables.ENTRY, ScalarAttributeType.S, DynamoTables.BOARD_INDEX);
  }

  /** {@code <season>#<board>#<version>}: the BoardIndex hash key of one board of one version. */
  public static String leaderboardKey(String season, String board, String version) {
    return GlobalRankingsTable.leaderboardKey(season, board, version);
  }

  static String versionPrefix(String season, String version) {
    return season + "#" + version + "#";
  }

  /** Puts the entries in batches of 25 with backoff; a resent entry leaves the same one item. */
  public WriteStats write(List<? extends Entry> entries) {
    WriteStats stats = new WriteStats(0, 0);
    for (int from = 0; from < entries.size(); from += GlobalRankingsTable.MAX_BATCH) {
      List<WriteRequest> batch = new ArrayList<>();
      for (Entry e :
          entries.subList(from, Math.min(entries.size(), from + GlobalRankingsTable.MAX_BATCH))) {
        batch.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(toItem(e)).build())
                .build());
      }
      stats = stats.plus(Tables.write(client, tableName, batch, backoff));
    }
    return stats;
  }

  /**
   * Names the version of a season, unless a newer generation is already named (a late or repeated
   * publish of an older view never takes a season back).
   *
   * @return false when a newer version was already published
   */
  public boolean publishSeason(SeasonEntry s) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(DynamoTables.PLAYER_ID, s(DynamoTables.SEASONS_PARTITION));
    item.put(DynamoTables.ENTRY, s(s.season()));
    item.put("version", s(s.version()));
    item.put("watermark_offset", n(s.watermarkOffset()));
    item.put("generation", n(s.generation()));
    item.put("published_at", n(s.publishedAt().toEpochMilli()));
    item.put("boards", s(String.join(",", s.boards())));
    try {
      client.putItem(
          b ->
              b.tableName(tableName)
                  .item(item)
                  .conditionExpression("attribute_not_exists(generation) OR generation <= :g")
                  .expressionAttributeValues(Map.of(":g", n(s.generation()))));
      return true;
    } catch (ConditionalCheckFailedException newer) {
      return false;
    }
  }

  /** The published version of a season, if any. */
  public Optional<SeasonEntry> season(String season) {
    Map<String, AttributeValue> key =
        Map.of(
            DynamoTables.PLAYER_ID,
            s(DynamoTables.SEASONS_PARTITION),
            DynamoTables.ENTRY,
            s(season));
    Map<String, AttributeValue> item =
        client.getItem(b -> b.tableName(tableName).key(key).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    String boards = item.get("boards").s();
    return Optional.of(
        new SeasonEntry(
            season,
            item.get("version").s(),
            num(item, "watermark_offset"),
            num(item, "generation"),
            Instant.ofEpochMilli(num(item, "published_at")),
            boards.isEmpty() ? List.of() : Arrays.asList(boards.split(","))));
  }

  /** Every item of one player in one version of a season, in one query. */
  public Profile profile(String season, String version, String playerId) {
    List<BoardEntry> boards = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    InsightsEntry insights = null;
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder q =
          QueryRequest.builder()
              .tableName(tableName)
              .keyConditionExpression("#p = :p AND begins_with(#e, :prefix)")
              .expressionAttributeNames(
                  Map.of("#p", DynamoTables.PLAYER_ID, "#e", DynamoTables.ENTRY))
              .expressionAttributeValues(
                  Map.of(":p", s(playerId), ":prefix", s(versionPrefix(season, version))));
      if (start != null) {
        q.exclusiveStartKey(start);
      }
      QueryResponse r = client.query(q.build());
      for (Map<String, AttributeValue> item : r.items()) {
        switch (item.get("kind").s()) {
          case "board" -> boards.add(board(item));
          case "history" -> history.add(history(item));
          case "insights" -> insights = insights(item);
          default -> throw new IllegalStateException("unknown entry " + item.get("entry"));
        }
      }
      start =
          r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
    } while (start != null);
    return new Profile(boards, history, Optional.ofNullable(insights));
  }

  /** Ranks {@code fromRank} to {@code fromRank + limit - 1} of one board of one version. */
  public List<BoardEntry> page(String leaderboard, long fromRank, int limit) {
    return query(leaderboard, fromRank, limit, true);
  }

  /** Players on one board of one version (the largest rank; 0 for a board without players). */
  public long boardSize(String leaderboard) {
    List<BoardEntry> last = query(leaderboard, 1, 1, false);
    return last.isEmpty() ? 0 : last.get(0).rank();
  }

  private List<BoardEntry> query(String leaderboard, long fromRank, int limit, boolean forward) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":lb", s(leaderboard));
    values.put(":from", n(fromRank));
    QueryRequest query =
        QueryRequest.builder()
            .tableName(tableName)
            .indexName(DynamoTables.BOARD_INDEX)
            .keyConditionExpression("#lb = :lb AND #rank >= :from")
            .expressionAttributeNames(
                Map.of("#lb", DynamoTables.LEADERBOARD, "#rank", DynamoTables.RANK))
            .expressionAttributeValues(values)
            .scanIndexForward(forward)
            .limit(limit)
            .build();
    return client.query(query).items().stream().map(PlayerProfilesTable::board).toList();
  }

  static Map<String, AttributeValue> toItem(Entry e) {
    Map<String, AttributeValue> m = new HashMap<>();
    m.put(DynamoTables.PLAYER_ID, s(e.playerId()));
    if (e instanceof BoardEntry b) {
      m.put(DynamoTables.ENTRY, s(versionPrefix(b.season(), b.version()) + "board#" + b.board()));
      m.put("kind", s("board"));
      m.put(DynamoTables.LEADERBOARD, s(leaderboardKey(b.season(), b.board(), b.version())));
      m.put(DynamoTables.RANK, n(b.rank()));
      m.put("season", s(b.season()));
      m.put("version", s(b.version()));
      m.put("board", s(b.board()));
      m.put("display_score", d(b.displayScore()));
      m.put("mu", d(b.mu()));
      m.put("sigma", d(b.sigma()));
      m.put("games", n(b.games()));
      m.put("wins", n(b.wins()));
      m.put("losses", n(b.losses()));
      m.put("draws", n(b.draws()));
      m.put("percentile", d(b.percentile()));
      m.put("league", s(b.league()));
      m.put("region", s(b.region()));
      m.put("platform", s(b.platform()));
      m.put("active_days", n(b.activeDays()));
      m.put("recent_form", s(b.recentForm()));
      m.put("avg_match_quality", d(b.avgMatchQuality()));
      m.put("first_played_at", n(b.firstPlayedAt()));
      m.put("last_played_at", n(b.lastPlayedAt()));
      m.put("watermark_offset", n(b.watermarkOffset()));
    } else if (e instanceof HistoryEntry h) {
      m.put(DynamoTables.ENTRY, s(versionPrefix(h.season(), h.version()) + "history#" + h.board()));
      m.put("kind", s("history"));
      m.put("season", s(h.season()));
      m.put("version", s(h.version()));
      m.put("board", s(h.board()));
      m.put("first_day", s(h.firstDay().toString()));
      // compact text lists: a season of days is one short string, not a DynamoDB list of maps
      m.put("ranks", s(join(h.ranks())));
      m.put("display_scores", s(join(h.displayScores())));
    } else if (e instanceof InsightsEntry i) {
      m.put(DynamoTables.ENTRY, s(versionPrefix(i.season(), i.version()) + "insights"));
      m.put("kind", s("insights"));
      m.put("season", s(i.season()));
      m.put("version", s(i.version()));
      m.put("games", n(i.games()));
      m.put("play_style", s(i.playStyle()));
      m.put("play_style_confidence", d(i.playStyleConfidence()));
      m.put("peak_hours", s(join(i.peakHours())));
      m.put("peak_hours_confidence", d(i.peakHoursConfidence()));
      m.put("peak_days", s(join(i.peakDays())));
      m.put("peak_days_confidence", d(i.peakDaysConfidence()));
      m.put("progression_per_day", d(i.progressionPerDay()));
      m.put("progression_per_game", d(i.progressionPerGame()));
    }
    return m;
  }

  static BoardEntry board(Map<String, AttributeValue> m) {
    return new BoardEntry(
        m.get("season").s(),
        m.get("version").s(),
        m.get("board").s(),
        m.get(DynamoTables.PLAYER_ID).s(),
        num(m, DynamoTables.RANK),
        dbl(m, "display_score"),
        dbl(m, "mu"),
        dbl(m, "sigma"),
        (int) num(m, "games"),
        (int) num(m, "wins"),
        (int) num(m, "losses"),
        (int) num(m, "draws"),
        dbl(m, "percentile"),
        m.get("league").s(),
        m.get("region").s(),
        m.get("platform").s(),
        (int) num(m, "active_days"),
        m.get("recent_form").s(),
        dbl(m, "avg_match_quality"),
        num(m, "first_played_at"),
        num(m, "last_played_at"),
        num(m, "watermark_offset"));
  }

  static HistoryEntry history(Map<String, AttributeValue> m) {
    return new HistoryEntry(
        m.get("season").s(),
        m.get("version").s(),
        m.get("board").s(),
        m.get(DynamoTables.PLAYER_ID).s(),
        LocalDate.parse(m.get("first_day").s()),
        split(m.get("ranks").s()).stream().map(Integer::valueOf).toList(),
        split(m.get("display_scores").s()).stream().map(Float::valueOf).toList());
  }

  static InsightsEntry insights(Map<String, AttributeValue> m) {
    return new InsightsEntry(
        m.get("season").s(),
        m.get("version").s(),
        m.get(DynamoTables.PLAYER_ID).s(),
        num(m, "games"),
        m.get("play_style").s(),
        dbl(m, "play_style_confidence"),
        split(m.get("peak_hours").s()).stream().map(Integer::valueOf).toList(),
        dbl(m, "peak_hours_confidence"),
        split(m.get("peak_days").s()).stream().map(Integer::valueOf).toList(),
        dbl(m, "peak_days_confidence"),
        dbl(m, "progression_per_day"),
        dbl(m, "progression_per_game"));
  }

  private static String join(List<? extends Number> values) {
    StringBuilder b = new StringBuilder();
    for (Number v : values) {
      b.append(b.length() == 0 ? "" : ",").append(v);
    }
    return b.toString();
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
  }

  private static AttributeValue s(String v) {
    return AttributeValue.fromS(v);
  }

  private static AttributeValue n(long v) {
    return AttributeValue.fromN(Long.toString(v));
  }

  private static AttributeValue d(double v) {
    // Double.toString: the shortest decimal that parses back to the same double
    return AttributeValue.fromN(Double.toString(v));
  }

  private static long num(Map<String, AttributeValue> m, String k) {
    return Long.parseLong(m.get(k).n());
  }

  private static double dbl(Map<String, AttributeValue> m, String k) {
    return Double.parseDouble(m.get(k).n());
  }
}
