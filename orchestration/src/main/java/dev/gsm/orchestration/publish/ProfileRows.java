package dev.gsm.orchestration.publish;

import dev.gsm.store.PlayerProfilesTable.BoardEntry;
import dev.gsm.store.PlayerProfilesTable.HistoryEntry;
import dev.gsm.store.PlayerProfilesTable.InsightsEntry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The rows of the batch views as {@code player-profiles} entries: every board's rows of {@code
 * leaderboards}, {@code rank-history}, and {@code insights}, read without Spark.
 */
final class ProfileRows {
  static final String RANK_HISTORY = "rank-history";
  static final String INSIGHTS = "insights";

  private ProfileRows() {}

  static ViewFiles<BoardEntry> boards(ViewVersion v, Configuration conf) {
    return new ViewFiles<>(v.files(), conf, g -> board(v, g), e -> true);
  }

  static ViewFiles<HistoryEntry> history(
      ViewVersion leaderboards, ViewVersion history, Configuration conf) {
    return new ViewFiles<>(history.files(), conf, g -> history(leaderboards, g), e -> true);
  }

  static ViewFiles<InsightsEntry> insights(
      ViewVersion leaderboards, ViewVersion insights, Configuration conf) {
    return new ViewFiles<>(insights.files(), conf, g -> insights(leaderboards, g), e -> true);
  }

  static BoardEntry board(ViewVersion v, Group g) {
    return new BoardEntry(
        g.getString("season", 0),
        v.version(),
        g.getString("board", 0),
        g.getString("player_id", 0),
        g.getLong("rank", 0),
        g.getDouble("display_score", 0),
        g.getDouble("mu", 0),
        g.getDouble("sigma", 0),
        g.getInteger("games", 0),
        g.getInteger("wins", 0),
        g.getInteger("losses", 0),
        g.getInteger("draws", 0),
        g.getDouble("percentile", 0),
        g.getString("league", 0),
        g.getString("primary_region", 0),
        g.getString("primary_platform", 0),
        g.getInteger("active_days", 0),
        g.getString("recent_form", 0),
        g.getDouble("avg_match_quality", 0),
        ViewFiles.epochSecond(g, "first_played_at"),
        ViewFiles.epochSecond(g, "last_played_at"),
        v.watermarkOffset());
  }

  static HistoryEntry history(ViewVersion v, Group g) {
    List<Float> scores = new ArrayList<>();
    for (Number n : list(g, "display_scores")) {
      scores.add(n.floatValue());
    }
    return new HistoryEntry(
        g.getString("season", 0),
        v.version(),
        g.getString("board", 0),
        g.getString("player_id", 0),
        LocalDate.ofEpochDay(g.getInteger("first_day", 0)),
        list(g, "ranks").stream().map(Number::intValue).toList(),
        scores);
  }

  static InsightsEntry insights(ViewVersion v, Group g) {
    return new InsightsEntry(
        g.getString("season", 0),
        v.version(),
        g.getString("player_id", 0),
        number(g, "games").longValue(),
        present(g, "play_style") ? g.getString("play_style", 0) : "",
        number(g, "play_style_confidence").doubleValue(),
        list(g, "peak_hours").stream().map(Number::intValue).toList(),
        number(g, "peak_hours_confidence").doubleValue(),
        list(g, "peak_days").stream().map(Number::intValue).toList(),
        number(g, "peak_days_confidence").doubleValue(),
        number(g, "progression_per_day").doubleValue(),
        number(g, "progression_per_game").doubleValue());
  }

  private static boolean present(Group g, String field) {
    return g.getType().containsField(field) && g.getFieldRepetitionCount(field) > 0;
  }

  /** A numeric column whatever width Spark chose; 0 when null. */
  private static Number number(Group g, String field) {
    if (!present(g, field)) {
      return 0;
    }
    return value(g, field, 0);
  }

  private static Number value(Group g, String field, int index) {
    PrimitiveTypeName t = g.getType().getType(field).asPrimitiveType().getPrimitiveTypeName();
    return switch (t) {
      case INT32 -> g.getInteger(field, index);
      case INT64 -> g.getLong(field, index);
      case FLOAT -> g.getFloat(field, index);
      case DOUBLE -> g.getDouble(field, index);
      default -> throw new IllegalStateException(field + " is not numeric: " + t);
    };
  }

  /** A Spark array column ({@code LIST} of {@code list.element}, or a bare repeated field). */
  private static List<Number> list(Group g, String field) {
    List<Number> out = new ArrayList<>();
    if (!present(g, field)) {
      return out;
    }
    if (g.getType().getType(field).isPrimitive()) {
      for (int i = 0; i < g.getFieldRepetitionCount(field); i++) {
        out.add(value(g, field, i));
      }
      return out;
    }
    Group list = g.getGroup(field, 0);
    String repeated = list.getType().getFieldName(0);
    for (int i = 0; i < list.getFieldRepetitionCount(repeated); i++) {
      Group item = list.getGroup(repeated, i);
      String element = item.getType().getFieldName(0);
      if (item.getFieldRepetitionCount(element) > 0) {
        out.add(value(item, element, 0));
      }
    }
    return out;
  }
}
