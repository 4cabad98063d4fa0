package dev.gsm.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.Side;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMatchImporterTest {

  static final ImportMapping FIXTURE =
      new ImportMapping(
          "tourney_date",
          "yyyyMMdd",
          ZoneId.of("UTC"),
          List.of("winner_id"),
          List.of("loser_id"),
          List.of("tourney_id", "match_num"),
          "",
          "",
          "duel",
          "global",
          "tennis",
          null,
          "minutes",
          null);

  @TempDir Path tmp;

  static Path fixture() throws URISyntaxException {
    return Path.of(CsvMatchImporterTest.class.getResource("/imports/dirty_results.csv").toURI());
  }

  private static List<String> ids(List<MatchEvent> events) {
    return events.stream().map(MatchEvent::matchId).toList();
  }

  private static List<String> players(Side s) {
    return s.players().stream().map(PlayerResult::playerId).toList();
  }

  @Test
  void malformedRowsGoToRejectsWithReasonAndImportContinues() throws Exception {
    List<MatchEvent> out = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ImportResult r =
        new CsvMatchImporter(FIXTURE, SeasonCalendar.quarterly())
            .importFiles(List.of(fixture()), out::add, rejects::add);

    assertThat(ids(out)).containsExactly("2019-050-1", "2019-050-8", "2019-100-1", "2019-100-2");
    assertThat(rejects)
        .extracting(Reject::line, Reject::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(6L, RejectReason.MISSING_ID),
            org.assertj.core.groups.Tuple.tuple(7L, RejectReason.UNPARSABLE_TIME),
            org.assertj.core.groups.Tuple.tuple(8L, RejectReason.SAME_PLAYER_ON_BOTH_SIDES),
            org.assertj.core.groups.Tuple.tuple(9L, RejectReason.BAD_ID),
            org.assertj.core.groups.Tuple.tuple(10L, RejectReason.MISSING_TIME),
            org.assertj.core.groups.Tuple.tuple(11L, RejectReason.DUPLICATE_MATCH_ID),
            org.assertj.core.groups.Tuple.tuple(12L, RejectReason.BAD_DURATION),
            org.assertj.core.groups.Tuple.tuple(13L, RejectReason.MISSING_ID),
            org.assertj.core.groups.Tuple.tuple(16L, RejectReason.MALFORMED_CSV));
    assertThat(rejects).allSatisfy(j -> assertThat(j.file()).endsWith("dirty_results.csv"));
    assertThat(rejects.get(0).detail()).contains("winner_id");
    assertThat(rejects.get(5).detail()).isEqualTo("2019-100-1");
    assertThat(r.rows()).isEqualTo(13);
    assertThat(r.imported()).isEqualTo(4);
    assertThat(r.rejected()).isEqualTo(9);
    assertThat(r.rejects().get(RejectReason.MISSING_ID)).isEqualTo(2);
    assertThat(r.rejects().get(RejectReason.INVALID_MATCH)).isZero();
    assertThat(out).allSatisfy(e -> assertThat(MatchValidator.validate(e)).isEmpty());
    assertThat(rejects.get(1).toCsv()).endsWith(",7,unparsable_time,'2019-02-30' is not yyyyMMdd");
  }

  @Test
  void aRowMapsToAMatchWithWinnerFirstAndItsDuration() throws Exception {
    List<MatchEvent> out = new ArrayList<>();
    new CsvMatchImporter(FIXTURE, SeasonCalendar.quarterly())
        .importFiles(List.of(fixture()), out::add, r -> {});
    MatchEvent rome = out.get(0);
    assertThat(rome.matchId()).isEqualTo("2019-050-1");
    assertThat(rome.startedAt()).isEqualTo(Instant.parse("2019-02-04T00:00:00Z"));
    assertThat(rome.endedAt()).isEqualTo(Instant.parse("2019-02-04T02:00:00Z"));
    assertThat(rome.season()).isEqualTo("2019-S1");
    assertThat(rome.mode()).isEqualTo("duel");
    assertThat(rome.sides())
        .extracting(Side::sideId, Side::placement)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("winner", 1),
            org.assertj.core.groups.Tuple.tuple("loser", 2));
    assertThat(players(rome.sides().get(0))).containsExactly("p5");
    assertThat(rome.rated()).isTrue();
  }

  /** Columns d (yyyyMMdd), w, l, n (the id, prefixed t-), and the given order column. */
  private static ImportMapping dateWinnerLoser(String orderColumn) {
    return new ImportMapping(
        "d",
        "yyyyMMdd",
        ZoneId.of("UTC"),
        List.of("w"),
        List.of("l"),
        List.of("n"),
        "t-",
        "",
        "duel",
        "global",
        "pc",
        null,
        null,
        orderColumn);
  }

  @Test
  void unsortedFilesAreImportedInStableTimeOrder() throws Exception {
    Path a = tmp.resolve("a.csv");
    Path b = tmp.resolve("b.csv");
    Files.writeString(
        a, "d,w,l,n\n20200301,x1,y1,1\n20200101,x2,y2,2\n20200301,x3,y3,3\n20200101,x4,y4,4\n");
    Files.writeString(b, "d,w,l,n\n20200101,x5,y5,5\n20191231,x6,y6,6\n");
    ImportMapping m = dateWinnerLoser(null);
    List<MatchEvent> out = new ArrayList<>();
    ImportResult r =
        new CsvMatchImporter(m, SeasonCalendar.quarterly())
            .importFiles(CsvMatchImporter.expand(List.of(tmp.toString())), out::add, x -> {});

    assertThat(ids(out)).containsExactly("t-6", "t-2", "t-4", "t-5", "t-1", "t-3");
    assertThat(out.get(1).startedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    assertThat(out.get(2).startedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00.000001Z"));
    assertThat(out.get(3).startedAt()).isEqualTo(Instant.parse("2020-01-01T00:00:00.000002Z"));
    for (int i = 1; i < out.size(); i++) {
      assertThat(out.get(i).startedAt()).isAfter(out.get(i - 1).startedAt());
    }
    assertThat(r.seasons()).containsExactly(Map.entry("2019-S4", 1L), Map.entry("2020-S1", 5L));
    assertThat(r.first()).isEqualTo(Instant.parse("2019-12-31T00:00:00Z"));
  }

  @Test
  void anOrderColumnOrdersTheMatchesThatShareATime() throws Exception {
    // a tournament listed final first, as ATP's files of recent years are: every match carries
    // the tournament's date, and match_num counts up from the first round
    Path a = tmp.resolve("a.csv");
    Files.writeString(
        a,
        "d,w,l,n,o\n20200101,x1,y1,f,3\n20200101,x1,y2,s,2\n20200101,x1,y3,q,1\n"
            + "20200101,x4,y4,z,?\n");
    ImportMapping m = dateWinnerLoser("o");
    List<MatchEvent> out = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    new CsvMatchImporter(m, SeasonCalendar.quarterly())
        .importFiles(List.of(a), out::add, rejects::add);

    assertThat(ids(out)).containsExactly("t-q", "t-s", "t-f");
    assertThat(out.get(2).startedAt()).isAfter(out.get(1).startedAt());
    assertThat(rejects)
        .singleElement()
        .satisfies(j -> assertThat(j.reason()).isEqualTo(RejectReason.BAD_ORDER));
  }

  @Test
  void aFixedSeasonOverridesTheCalendar() {
    ImportMapping m =
        new ImportMapping(
            "d",
            "iso",
            ZoneId.of("UTC"),
            List.of("w"),
            List.of("l"),
            List.of("n"),
            "",
            "",
            "duel",
            "global",
            "pc",
            "2020-S2",
            null,
            null);
    List<MatchEvent> out = new ArrayList<>();
    new CsvMatchImporter(m, SeasonCalendar.quarterly())
        .importSources(
            List.of(
                new CsvMatchImporter.Source(
                    "inline", () -> new StringReader("n,d,w,l\n1,2020-01-05T10:00:00Z,a,b\n"))),
            out::add,
            x -> {});
    assertThat(out).singleElement().extracting(MatchEvent::season).isEqualTo("2020-S2");
  }

  @Test
  void aMappedColumnMissingFromTheHeaderFailsBeforeAnythingIsImported() throws Exception {
    Path a = tmp.resolve("a.csv");
    Files.writeString(a, "date,w,l,n\n20200301,x1,y1,1\n");
    List<MatchEvent> out = new ArrayList<>();
    assertThatThrownBy(
            () ->
                new CsvMatchImporter(FIXTURE, SeasonCalendar.quarterly())
                    .importFiles(List.of(fixture(), a), out::add, x -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a.csv has no column")
        .hasMessageContaining("tourney_date");
    assertThat(out).isEmpty();
  }

  @Test
  void globsAndDirectoriesExpandInNameOrder() throws Exception {
    for (String n : List.of("x_2.csv", "x_1.csv", "y_1.csv", "x_3.txt")) {
      Files.writeString(tmp.resolve(n), "");
    }
    assertThat(CsvMatchImporter.expand(List.of(tmp.resolve("x_*.csv").toString())))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("x_1.csv", "x_2.csv");
    assertThat(CsvMatchImporter.expand(List.of(tmp.toString())))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("x_1.csv", "x_2.csv", "y_1.csv");
    assertThatThrownBy(() -> CsvMatchImporter.expand(List.of(tmp.resolve("nope").toString())))
        .hasMessageContaining("no such file");
  }

  @Test
  void invalidMappingNamesEveryProblem() {
    assertThatThrownBy(
            () ->
                new ImportMapping(
                    "d",
                    "qqq-not-a-pattern-[",
                    ZoneId.of("UTC"),
                    List.of(),
                    List.of("l"),
                    List.of(),
                    "",
                    "",
                    "Duel",
                    "global",
                    "pc",
                    "2020-S9",
                    null,
                    null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("winner column")
        .hasMessageContaining("id column")
        .hasMessageContaining("mode")
        .hasMessageContaining("season")
        .hasMessageContaining("time format");
  }

  // --- the real ATP files, read in place from ../shared/data (skipped when absent) ---

  static Path atp(String name) {
    Path dir = AtpData.dir();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir != null, "../shared/data/atp is absent: the ATP import tests are skipped");
    return dir.resolve(name);
  }

  @Test
  void atpSinglesOf2019ImportCompletely() {
    List<MatchEvent> out = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ImportResult r =
        new CsvMatchImporter(ImportMapping.atpSingles(), SeasonCalendar.quarterly())
            .importFiles(List.of(atp("atp_matches_2019.csv")), out::add, rejects::add);

    assertThat(rejects).isEmpty();
    assertThat(r.rows()).isEqualTo(2806);
    assertThat(r.imported()).isEqualTo(2806);
    MatchEvent brisbaneFinal =
        out.stream().filter(e -> e.matchId().equals("atp-2019-M020-300")).findFirst().orElseThrow();
    assertThat(players(brisbaneFinal.sides().get(0))).containsExactly("105453"); // Nishikori
    assertThat(players(brisbaneFinal.sides().get(1))).containsExactly("106421"); // Medvedev
    assertThat(brisbaneFinal.startedAt().toString()).startsWith("2018-12-31T00:00:00");
    // the file lists the final first; match_num puts it after its semi-finals
    for (String semi : List.of("atp-2019-M020-298", "atp-2019-M020-299")) {
      assertThat(out.stream().filter(e -> e.matchId().equals(semi)).findFirst().orElseThrow())
          .satisfies(e -> assertThat(e.startedAt()).isBefore(brisbaneFinal.startedAt()));
    }
    assertThat(brisbaneFinal.season()).isEqualTo("2018-S4");
    assertThat(r.seasons().keySet())
        .containsExactly("2018-S4", "2019-S1", "2019-S2", "2019-S3", "2019-S4");
    Set<String> unique = new HashSet<>(ids(out));
    assertThat(unique).hasSize(2806);
    for (int i = 1; i < out.size(); i++) {
      assertThat(out.get(i).startedAt()).isAfter(out.get(i - 1).startedAt());
    }
  }

  @Test
  void atpDoublesOf2019ImportAsTwoPlayerTeams() {
    List<MatchEvent> out = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ImportResult r =
        new CsvMatchImporter(ImportMapping.atpDoubles(), SeasonCalendar.quarterly())
            .importFiles(List.of(atp("atp_matches_doubles_2019.csv")), out::add, rejects::add);

    // the source writes an unknown player as a placeholder id: row 1349 has 900004 twice
    assertThat(rejects)
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.line()).isEqualTo(1349);
              assertThat(j.reason()).isEqualTo(RejectReason.DUPLICATE_PLAYER_IN_SIDE);
              assertThat(j.detail()).contains("900004");
            });
    assertThat(r.rows()).isEqualTo(1363);
    assertThat(r.imported()).isEqualTo(1362);
    MatchEvent brisbaneFinal =
        out.stream()
            .filter(e -> e.matchId().equals("atp-d-2019-M020-269"))
            .findFirst()
            .orElseThrow();
    assertThat(brisbaneFinal.mode()).isEqualTo("doubles");
    assertThat(players(brisbaneFinal.sides().get(0))).containsExactly("105428", "105323");
    assertThat(players(brisbaneFinal.sides().get(1))).containsExactly("104330", "110749");
    assertThat(out).allSatisfy(e -> assertThat(e.playerCount()).isEqualTo(4));
  }
}
