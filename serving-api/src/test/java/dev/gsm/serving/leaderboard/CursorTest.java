package dev.gsm.serving.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.serving.system.BadQueryException;
import org.junit.jupiter.api.Test;

class CursorTest {
  @Test
  void aCursorCarriesItsBoardLeagueAndPosition() {
    Cursor c = new Cursor("2026-S4", "mode:duel", "gold", 400, 200);
    assertThat(Cursor.decode(c.encode())).isEqualTo(c);
    Cursor noLeague = new Cursor("2026-S4", "global", null, 0, 50);
    assertThat(Cursor.decode(noLeague.encode())).isEqualTo(noLeague);
    assertThat(c.encode()).doesNotContain("=", "+", "/");
  }

  @Test
  void aForgedOrForeignCursorIsABadQuery() {
    assertThatThrownBy(() -> Cursor.decode("not a cursor!"))
        .isInstanceOf(BadQueryException.class)
        .hasMessageContaining("not a cursor");
    assertThatThrownBy(() -> Cursor.decode("bm90LWEtY3Vyc29y"))
        .isInstanceOf(BadQueryException.class);
  }
}
