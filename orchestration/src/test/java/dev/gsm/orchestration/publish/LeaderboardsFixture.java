package dev.gsm.orchestration.publish;

import dev.gsm.core.rating.PlayerRating;
import dev.gsm.core.rating.RankKey;
import dev.gsm.core.rating.RatingEngine;
import dev.gsm.core.rating.RatingParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Writes a {@code leaderboards} view version the way batch-jobs' rankings step does (the columns of
 * {@code SeasonRankings}, Spark's INT96 timestamps, several part files, {@code _manifest.json}
 * last, then the season's run pointer), without Spark: this module has none.
 */
final class LeaderboardsFixture {

  static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(
          """
          message spark_schema {
            required binary player_id (STRING);
            required binary season (STRING);
            required binary board (STRING);
            required int64 rank;
            required double display_score;
            required double mu;
            required double sigma;
            required int64 rank_key;
            required int32 games;
            required int32 wins;
            required int32 losses;
            required int32 draws;
            required int32 active_days;
            required binary recent_form (STRING);
            required double avg_match_quality;
            required int96 first_played_at;
            required int96 last_played_at;
            required double percentile;
            required binary league (STRING);
            required binary primary_region (STRING);
            required binary primary_platform (STRING);
          }
          """);

  static final String SEASON = "2026-S4";
  static final long LAST_PLAYED = 1_795_000_000L;

  final Path root;
  final String version;
  final long watermarkOffset;

  /** Board name → player ids in rank order. */
  final Map<String, List<String>> boards = new LinkedHashMap<>();

  final List<LeaderboardRow> rows = new ArrayList<>();

  private LeaderboardsFixture(Path root, String version, long watermarkOffset) {
    this.root = root;
    this.version = version;
    this.watermarkOffset = watermarkOffset;
  }

  /** {@code players} on the global board; about half on mode:1v1, a third on mode:5v5. */
  static LeaderboardsFixture write(Path root, String version, int players, long watermarkOffset) {
    LeaderboardsFixture f = new LeaderboardsFixture(root, version, watermarkOffset);
    RatingEngine engine = new RatingEngine(RatingParameters.defaults());
    Random random = new Random(players);
    record P(String id, PlayerRating r, String region, String platform) {}
    Map<String, List<P>> byBoard = new LinkedHashMap<>();
    String[] regions = {"eu", "na", "asia"};
    String[] platforms = {"pc", "console"};
    for (int i = 1; i <= players; i++) {
      String id = String.format("p-%05d", i);
      String region = regions[i % 3];
      String platform = platforms[i % 2];
      int games = 1 + random.nextInt(60);
      int wins = random.nextInt(games + 1);
      int draws = random.nextInt(games - wins + 1);
      PlayerRating global =
          new PlayerRating(
              20 + random.nextGaussian() * 4,
              1 + random.nextDouble() * 5,
              LAST_PLAYED - i,
              games,
              wins,
              games - wins - draws,
              draws);
      byBoard
          .computeIfAbsent("global", k -> new ArrayList<>())
          .add(new P(id, global, region, platform));
      if (i % 2 == 0) {
        byBoard
            .computeIfAbsent("mode:1v1", k -> new ArrayList<>())
            .add(
                new P(
                    id,
                    new PlayerRating(
                        21 + random.nextGaussian() * 3, 2.0, LAST_PLAYED - i, 5, 3, 2, 0),
                    region,
                    platform));
      }
      if (i % 3 == 0) {
        byBoard
            .computeIfAbsent("mode:5v5", k -> new ArrayList<>())
            .add(
                new P(
                    id,
                    new PlayerRating(
                        19 + random.nextGaussian() * 3, 3.0, LAST_PLAYED - i, 7, 3, 3, 1),
                    region,
                    platform));
      }
    }
    // The filtered boards of the view: the publish step ignores them (Redis derives its own).
    byBoard.put(
        "region:eu", byBoard.get("global").stream().filter(p -> p.region().equals("eu")).toList());
    for (Map.Entry<String, List<P>> e : byBoard.entrySet()) {
      List<P> ranked = new ArrayList<>(e.getValue());
      ranked.sort(
          Comparator.comparingLong((P p) -> -RankKey.of(engine.displayScore(p.r()), p.r().games()))
              .thenComparing(P::id));
      f.boards.put(e.getKey(), ranked.stream().map(P::id).toList());
      for (int r = 0; r < ranked.size(); r++) {
        P p = ranked.get(r);
        PlayerRating x = p.r();
        f.rows.add(
            new LeaderboardRow(
                SEASON,
                e.getKey(),
                p.id(),
                r + 1,
                engine.displayScore(x),
                x.mu(),
                x.sigma(),
                x.games(),
                x.wins(),
                x.losses(),
                x.draws(),
                x.lastActiveEpochSecond(),
                100.0 * (ranked.size() - r - 1) / ranked.size(),
                r < ranked.size() / 100 + 1 ? "master" : "gold",
                p.region(),
                p.platform(),
                new TreeMap<>(),
                new TreeMap<>()));
      }
    }
    f.writeFiles(3);
    return f;
  }

  Path versionDir() {
    return root.resolve("views/leaderboards/version=" + version);
  }

  List<LeaderboardRow> rowsOf(String board) {
    return rows.stream().filter(r -> r.board().equals(board)).toList();
  }

  private void writeFiles(int fileCount) {
    try {
      Path dir = versionDir();
      Files.createDirectories(dir);
      List<Map<String, Object>> files = new ArrayList<>();
      SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
      for (int n = 0; n < fileCount; n++) {
        String name = String.format("part-%05d-6f1c2b7e-c000.snappy.parquet", n);
        Path file = dir.resolve(name);
        try (ParquetWriter<Group> w =
            ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file.toUri()))
                .withConf(new Configuration())
                .withType(SCHEMA)
                .build()) {
          for (int i = n; i < rows.size(); i += fileCount) {
            LeaderboardRow r = rows.get(i);
            Group g = groups.newGroup();
            g.add("player_id", r.playerId());
            g.add("season", r.season());
            g.add("board", r.board());
            g.add("rank", r.rank());
            g.add("display_score", r.displayScore());
            g.add("mu", r.mu());
            g.add("sigma", r.sigma());
            g.add("rank_key", RankKey.of(r.displayScore(), r.games()));
            g.add("games", r.games());
            g.add("wins", r.wins());
            g.add("losses", r.losses());
            g.add("draws", r.draws());
            g.add("active_days", 3);
            g.add("recent_form", "WWLDW");
            g.add("avg_match_quality", 0.5);
            g.add("first_played_at", int96(r.lastPlayedEpochSecond() - 86_400));
            g.add("last_played_at", int96(r.lastPlayedEpochSecond()));
            g.add("percentile", r.percentile());
            g.add("league", r.league());
            g.add("primary_region", r.primaryRegion());
            g.add("primary_platform", r.primaryPlatform());
            w.write(g);
          }
        }
        byte[] bytes = Files.readAllBytes(file);
        Map<String, Object> of = new LinkedHashMap<>();
        of.put("name", name);
        of.put("length", bytes.length);
        of.put(
            "sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        files.add(of);
      }
      Files.writeString(dir.resolve("_SUCCESS"), "");
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("view", "leaderboards");
      manifest.put("version", version);
      manifest.put("job", "season-batch");
      manifest.put("season", SEASON);
      manifest.put("watermark_offset", watermarkOffset);
      manifest.put("watermark_source", "option");
      manifest.put("files", files);
      manifest.put("rows", rows.size());
      Files.writeString(
          dir.resolve("_manifest.json"),
          new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(manifest));
      Path pointer = root.resolve("views/_current/season=" + SEASON);
      Files.createDirectories(pointer.getParent());
      Files.writeString(pointer, version + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Binary int96(long epochSecond) {
    long day = Math.floorDiv(epochSecond, 86_400L);
    long nanos = (epochSecond - day * 86_400L) * 1_000_000_000L;
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(nanos);
    b.putInt((int) (day + 2_440_588L));
    return Binary.fromConstantByteArray(b.array());
  }
}
