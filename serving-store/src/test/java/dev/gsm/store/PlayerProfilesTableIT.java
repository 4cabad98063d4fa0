package dev.gsm.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.store.PlayerProfilesTable.BoardEntry;
import dev.gsm.store.PlayerProfilesTable.HistoryEntry;
import dev.gsm.store.PlayerProfilesTable.InsightsEntry;
import dev.gsm.store.PlayerProfilesTable.SeasonEntry;
import dev.gsm.testing.DynamoDbEndpoint;
import dev.gsm.testing.DynamoDbLocalExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** player-profiles on DynamoDB Local: profiles by one query, board pages, the season pointer. */
@ExtendWith(DynamoDbLocalExtension.class)
class PlayerProfilesTableIT {

  static BoardEntry row(String version, String board, String player, long rank) {
    return new BoardEntry(
        "2026-S3",
        version,
        board,
        player,
        rank,
        30.5 - rank,
        35.0 - rank,
        1.5,
        12,
        7,
        4,
        1,
        100.0 * (3 - rank) / 3,
        rank == 1 ? "gold" : "bronze",
        "eu-west",
        "pc",
        5,
        "WWLDW",
        0.41,
        1_780_000_000L,
        1_781_000_000L,
        42);
  }

  @Test
  void aPlayersPageIsOneVersionsEntriesAndBoardsPageByRank(DynamoDbEndpoint db) {
    try (DynamoDbClient client = GlobalRankingsTableIT.client(db)) {
      PlayerProfilesTable t = new PlayerProfilesTable(client, "profiles-1", (a, ms) -> {});
      t.createIfMissing();
      List<PlayerProfilesTable.Entry> entries = new ArrayList<>();
      for (String v : List.of("v1", "v2")) {
        entries.add(row(v, "global", "ann", 1));
        entries.add(row(v, "global", "bob", 2));
        entries.add(row(v, "global", "cy", 3));
        entries.add(row(v, "mode:duel", "ann", 1));
      }
      entries.add(
          new HistoryEntry(
              "2026-S3",
              "v2",
              "global",
              "ann",
              LocalDate.of(2026, 7, 2),
              List.of(3, 2, 1),
              List.of(20.5f, 21.25f, 22.0f)));
      entries.add(
          new InsightsEntry(
              "2026-S3",
              "v2",
              "ann",
              12,
              "aggressive",
              0.8,
              List.of(20, 21),
              0.6,
              List.of(5, 6),
              0.5,
              0.12,
              0.03));
      t.write(entries);

      PlayerProfilesTable.Profile p = t.profile("2026-S3", "v2", "ann");
      assertThat(p.boards())
          .containsExactlyInAnyOrder(
              row("v2", "global", "ann", 1), row("v2", "mode:duel", "ann", 1));
      assertThat(p.history())
          .singleElement()
          .extracting(HistoryEntry::ranks)
          .isEqualTo(List.of(3, 2, 1));
      assertThat(p.insights()).get().extracting(InsightsEntry::playStyle).isEqualTo("aggressive");
      assertThat(t.profile("2026-S3", "v1", "ann").insights()).isEmpty();
      assertThat(t.profile("2026-S3", "v2", "nobody").isEmpty()).isTrue();

      String lb = PlayerProfilesTable.leaderboardKey("2026-S3", "global", "v2");
      assertThat(t.page(lb, 2, 10)).extracting(BoardEntry::playerId).containsExactly("bob", "cy");
      assertThat(t.boardSize(lb)).isEqualTo(3);
      assertThat(t.boardSize(PlayerProfilesTable.leaderboardKey("2026-S3", "region:x", "v2")))
          .isZero();
    }
  }

  @Test
  void anOlderVersionNeverTakesASeasonBack(DynamoDbEndpoint db) {
    try (DynamoDbClient client = GlobalRankingsTableIT.client(db)) {
      PlayerProfilesTable t = new PlayerProfilesTable(client, "profiles-2", (a, ms) -> {});
      t.createIfMissing();
      SeasonEntry newer =
          new SeasonEntry(
              "2026-S3", "v2", 9, 2_000, Instant.ofEpochMilli(5), List.of("global", "mode:duel"));
      SeasonEntry older =
          new SeasonEntry("2026-S3", "v1", 5, 1_000, Instant.ofEpochMilli(6), List.of("global"));
      assertThat(t.publishSeason(newer)).isTrue();
      assertThat(t.publishSeason(older)).isFalse();
      assertThat(t.publishSeason(newer)).as("a repeated publish is fine").isTrue();
      assertThat(t.season("2026-S3")).contains(newer);
      assertThat(t.season("2026-S2")).isEmpty();
    }
  }
}
