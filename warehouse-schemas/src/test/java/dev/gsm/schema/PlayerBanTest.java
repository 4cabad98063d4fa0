package dev.gsm.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlayerBanTest {

  @Test
  void aBanNeedsAPlayerIdAndABanId() {
    Instant t = Instant.parse("2026-11-02T00:00:00Z");
    assertThat(new PlayerBan("p-1", t, null, "ban-1").playerId()).isEqualTo("p-1");
    assertThatThrownBy(() -> new PlayerBan("has space", t, "x", "ban-1"))
        .hasMessageContaining("player_id");
    assertThatThrownBy(() -> new PlayerBan("p-1", t, "x", "")).hasMessageContaining("ban_id");
  }

  @Test
  void theSparkAndParquetFormsNameTheSameColumns() {
    for (String column : new String[] {"player_id", "banned_at", "reason", "ban_id"}) {
      assertThat(PlayerBan.SPARK_DDL).contains(column);
      assertThat(PlayerBan.PARQUET_MESSAGE_TYPE).contains(" " + column + " ");
    }
  }
}
