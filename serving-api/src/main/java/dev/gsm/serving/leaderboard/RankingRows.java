package dev.gsm.serving.leaderboard;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The rows of a leaderboard page, whose JSON is written once and then reused. A page of the
 * real-time view is served from the page cache for as long as the view's stamp does not move (every
 * request until the speed layer next applies a match), and writing a hundred rows (five hundred
 * numbers) is most of what such a request costs; the cached page carries its rows' JSON.
 */
@JsonSerialize(using = RankingRows.Json.class)
final class RankingRows extends AbstractList<RankingRow> implements RandomAccess {
  private final List<RankingRow> rows;
  private volatile SerializedString json;

  private RankingRows(List<RankingRow> rows) {
    this.rows = List.copyOf(rows);
  }

  static RankingRows of(List<RankingRow> rows) {
    return rows instanceof RankingRows r ? r : new RankingRows(rows);
  }

  @Override
  public RankingRow get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  /**
   * Writes the rows as the API's own mapper does (the generator's codec), once; then the same
   * bytes. Without a mapper for codec (not the case under Spring's encoders), row by row.
   */
  static final class Json extends StdSerializer<RankingRows> {
    Json() {
      super(RankingRows.class);
    }

    @Override
    public void serialize(RankingRows value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      SerializedString written = value.json;
      if (written == null) {
        if (!(gen.getCodec() instanceof ObjectMapper mapper)) {
          provider.defaultSerializeValue(value.rows, gen);
          return;
        }
        written = new SerializedString(mapper.writeValueAsString(value.rows));
        value.json = written;
      }
      gen.writeRawValue(written);
    }
  }
}
