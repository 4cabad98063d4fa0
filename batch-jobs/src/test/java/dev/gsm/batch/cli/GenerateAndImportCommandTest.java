package dev.gsm.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.dataset.MatchDatasetReader;
import dev.gsm.schema.MatchEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateAndImportCommandTest {

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = GsmBatchCli.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void generateWritesTheSeasonItsGroundTruthAndASummary() throws Exception {
    String root = dir.resolve("data").toString();
    Run r =
        run(
            "generate",
            "--out",
            root,
            "--players",
            "600",
            "--matches",
            "3000",
            "--seed",
            "5",
            "--bad-share",
            "0.01",
            "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("generated 3000 records")
        .contains("matches by mode: 5v5=")
        .contains("bad records planted:")
        .contains("churned players");
    List<MatchEvent> read = MatchDatasetReader.readSeason(root, "2026-S3", new Configuration());
    assertThat(read).hasSize(3000);
    Path truth = dir.resolve("data/ground-truth/season=2026-S3");
    assertThat(Files.readAllLines(truth.resolve("players.csv"))).hasSize(601);
    assertThat(Files.readString(truth.resolve("bad-records.csv"))).startsWith("kind,count");
    assertThat(Files.readString(truth.resolve("summary.txt")))
        .contains("seed=5")
        .contains("generated 3000 records");
  }

  @Test
  void generatingTheSameSeasonTwiceIntoOneRootIsRefused() {
    String root = dir.resolve("data").toString();
    assertThat(
            run("generate", "--out", root, "--players", "600", "--matches", "500", "--quiet")
                .exit())
        .isZero();
    Run again = run("generate", "--out", root, "--players", "600", "--matches", "500", "--quiet");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).contains("already holds matches");
  }

  @Test
  void badGeneratorOptionsFailBeforeAnythingIsWritten() {
    String root = dir.resolve("data").toString();
    Run r = run("generate", "--out", root, "--players", "10", "--duel-share", "0.9", "--quiet");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("players must be between").contains("mode shares");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void importWritesMatchesAndARejectsFileWithReasons() throws URISyntaxException, Exception {
    String root = dir.resolve("data").toString();
    Path fixture = Path.of(getClass().getResource("/imports/dirty_results.csv").toURI());
    Run r =
        run(
            "import",
            fixture.toString(),
            "--out",
            root,
            "--time-column",
            "tourney_date",
            "--time-format",
            "yyyyMMdd",
            "--winner-columns",
            "winner_id",
            "--loser-columns",
            "loser_id",
            "--id-columns",
            "tourney_id,match_num",
            "--duration-column",
            "minutes",
            "--run-id",
            "r1",
            "--quiet");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("imported 4 of 13 rows from 1 files")
        .contains("rejected 9: malformed_csv=1, missing_id=2")
        .contains("rejects/import/version=r1/rejects.csv");
    assertThat(MatchDatasetReader.readSeason(root, "2019-S1", new Configuration()))
        .extracting(MatchEvent::matchId)
        .containsExactly("2019-050-1", "2019-050-8", "2019-100-1", "2019-100-2");
    List<String> rejects =
        Files.readAllLines(dir.resolve("data/rejects/import/version=r1/rejects.csv"));
    assertThat(rejects.get(0)).isEqualTo("file,line,reason,detail");
    assertThat(rejects).hasSize(10);
    assertThat(rejects.get(3)).contains(",8,same_player_on_both_sides,");
    assertThat(dir.resolve("data/matches/season=2019-S1/date=2019-02-04")).isDirectory();
  }

  @Test
  void importWithAMissingRequiredFlagExplainsIt() {
    Run r = run("import", "x.csv", "--time-column", "d");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("Missing required options");
  }

  @Test
  void helpListsTheCommands() {
    Run r = run("--help");
    assertThat(r.out()).contains("generate").contains("import");
  }
}
