package dev.gsm.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BacktestCommandTest {
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
  void teamBacktestOnAtpDoublesBeatsTheEloBaseline() throws Exception {
    Path atp = Path.of("..", "..", "shared", "data", "atp").toAbsolutePath().normalize();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isDirectory(atp), "the shared ATP data is not at " + atp + "; skipping");
    Run r =
        run(
            "backtest",
            "--quiet",
            "--preset",
            "atp-doubles",
            "--csv",
            atp.resolve("atp_matches_doubles_*.csv").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    String[] lines = r.out().strip().split("\n");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(json.get("n").asInt()).isGreaterThan(5_000);
    assertThat(json.get("logloss").asDouble())
        .isLessThan(json.get("baseline").get("logloss").asDouble());
    assertThat(r.err()).contains("duplicate_player_in_side");
  }

  @Test
  void inputAndCsvTogetherAreRefused() {
    Run r = run("backtest", "--quiet", "--input", "a.tsv", "--csv", "b.csv");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("either --input FILE or --csv");
  }

  @Test
  void missingInputFileFailsWithAClearMessage() {
    Run r = run("backtest", "--quiet", "--input", dir.resolve("nope.tsv").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("error:").contains("nope.tsv").contains("input file not found");
  }

  @Test
  void malformedRowsAreReportedCountedAndSkipped() throws IOException {
    StringBuilder tsv = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      tsv.append(1_000_000 + i * 86_400).append('\t').append("p").append(i % 5).append('\t');
      tsv.append("p").append(5 + i % 3).append('\n');
      if (i == 10) {
        tsv.append("not-a-time\tp1\tp2\n");
      }
    }
    Path file = dir.resolve("small.tsv");
    Files.writeString(file, tsv);
    Run r = run("backtest", "--quiet", "--input", file.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("small.tsv:12: skipped: epoch_seconds is not an integer");
    String[] lines = r.out().strip().split("\n");
    String json = lines[lines.length - 1];
    assertThat(json)
        .startsWith("{\"n\":12,")
        .contains("\"rejected_rows\":1")
        .contains("\"logloss\":")
        .contains("\"accuracy\":")
        .contains("\"brier\":")
        .contains("\"ece\":")
        .contains("\"baseline\":{\"model\":\"elo\"")
        .contains("\"parameters\":{")
        .endsWith("}}");
    assertThat(r.out()).contains("calibration of engine");
  }

  @Test
  void helpDescribesTheProtocol() {
    Run r = run("backtest", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--input").contains("floor(0.7 N)").contains("--search");
  }
}
