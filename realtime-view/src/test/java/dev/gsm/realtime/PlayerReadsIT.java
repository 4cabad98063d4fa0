package dev.gsm.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RatingParameters;
import dev.gsm.testing.RedisEndpoint;
import dev.gsm.testing.RedisExtension;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The serving API's reads of a player: every board's place, and the window around a player. */
@ExtendWith(RedisExtension.class)
class PlayerReadsIT {
  static final String SEASON = "2026-S4";
  RedisClient client;
  StatefulRedisConnection<String, String> connection;
  RealtimeView view;

  @BeforeEach
  void load(RedisEndpoint redis) {
    client = RedisClient.create(redis.url());
    connection = client.connect();
    view =
        new RealtimeView(
            connection, new RedisLayout(redis.keyPrefix()), RatingParameters.defaults());
    List<PlayerState> players = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      TreeMap<String, PlayerRating> modes = new TreeMap<>();
      if (i % 2 == 0) {
        modes.put("duel", rating(10 + i));
      }
      players.add(
          new PlayerState(SEASON, "p" + (100 + i), rating(i), modes, i < 5 ? "eu" : "na", "pc"));
    }
    view.switchTo(view.loadGeneration("v1", 0, players).id());
  }

  @AfterEach
  void close() {
    connection.close();
    client.shutdown();
  }

  static PlayerRating rating(int strength) {
    return new PlayerRating(20 + strength, 3, 1_700_000_000L, 5 + strength, 3, 2, 0);
  }

  @Test
  void standingListsThePlaceOnEveryBoardThePlayerIsOn() {
    PlayerStanding s = view.standing(SEASON, "p102").orElseThrow();
    assertThat(s.stamp().version()).isEqualTo("v1");
    assertThat(s.positions().keySet())
        .startsWith(Board.global())
        .containsExactlyInAnyOrder(
            Board.global(), Board.mode("duel"), Board.platform("pc"), Board.region("eu"));
    // the strongest of 20 is p119: p102 is 18th of 20 (0-based 17) globally
    assertThat(s.positions().get(Board.global())).isEqualTo(new PlayerStanding.Position(17, 20));
    assertThat(s.positions().get(Board.region("eu"))).isEqualTo(new PlayerStanding.Position(2, 5));
    assertThat(s.positions().get(Board.mode("duel"))).isEqualTo(new PlayerStanding.Position(8, 10));
    assertThat(view.standing(SEASON, "nobody")).isEmpty();
  }

  @Test
  void beforeAnyGenerationEveryReadIsEmpty(RedisEndpoint redis) {
    RealtimeView fresh =
        new RealtimeView(
            connection, new RedisLayout(redis.keyPrefix() + "fresh:"), RatingParameters.defaults());
    assertThat(fresh.stamp()).isEmpty();
    assertThat(fresh.page(SEASON, Board.global(), 0, 10)).isEmpty();
    assertThat(fresh.standing(SEASON, "p100")).isEmpty();
    assertThat(fresh.around(SEASON, Board.global(), "p100", 2, 2)).isEmpty();
  }

  @Test
  void theStampAloneIsThePagesStampAndMovesWithTheGeneration() {
    Stamp before = view.stamp().orElseThrow();
    assertThat(before).isEqualTo(view.page(SEASON, Board.global(), 0, 1).orElseThrow().stamp());
    view.switchTo(view.loadGeneration("v2", 0, List.of()).id());
    assertThat(view.stamp().orElseThrow().generation()).isGreaterThan(before.generation());
  }

  @Test
  void aroundIsTheWindowOfTheSameGenerationAndClipsAtTheTop() {
    BoardPage p = view.around(SEASON, Board.global(), "p117", 3, 2).orElseThrow();
    assertThat(p.total()).isEqualTo(20);
    assertThat(p.rows())
        .extracting(BoardRow::playerId)
        .containsExactly("p119", "p118", "p117", "p116", "p115");
    assertThat(p.rows().get(0).rank()).isZero();
    assertThat(view.page(SEASON, Board.global(), 0, 5).orElseThrow().rows()).isEqualTo(p.rows());
    BoardPage missing = view.around(SEASON, Board.region("eu"), "p119", 3, 2).orElseThrow();
    assertThat(missing.rows()).isEmpty();
  }

  @Test
  void playerCountCountsLoadedPlayersAndPlayersAppliedIntoANewSeason() {
    long id = view.stamp().orElseThrow().generation();
    assertThat(view.playerCount(id)).isEqualTo(20);
    PlayerState newcomer =
        new PlayerState("2027-S1", "p500", rating(3), new TreeMap<>(), "eu", "pc");
    PlayerState known = view.standing(SEASON, "p100").orElseThrow().state();
    PlayerState moved = known.withGlobal(rating(30));
    assertThat(
            view.apply(
                id,
                0,
                1,
                List.of(new PlayerUpdate(null, newcomer), new PlayerUpdate(known, moved)),
                List.of()))
        .isEqualTo(RealtimeView.ApplyOutcome.APPLIED);
    assertThat(view.playerCount(id)).isEqualTo(21);
  }

  @Test
  void aGenerationWrittenAsPlayerHashesByOlderCodeIsRefusedNotOverwritten() {
    long id = view.stamp().orElseThrow().generation();
    // what a generation loaded before the packed layout looks like: no layout field
    assertThat(connection.sync().hdel(view.layout().meta(id), "layout")).isOne();
    PlayerState newcomer = new PlayerState(SEASON, "p500", rating(3), new TreeMap<>(), "eu", "pc");
    assertThatThrownBy(
            () -> view.apply(id, 0, 1, List.of(new PlayerUpdate(null, newcomer)), List.of()))
        .hasMessageContaining("older layout");
    assertThat(view.standing(SEASON, "p500")).isEmpty();
  }
}
