package dev.gsm.core.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class PairwiseTsvTest {
  @Test
  void malformedRowsAreReportedWithLineNumberAndSkipped() throws IOException {
    String tsv =
        "100\tA\tB\n"
            + "oops\tA\tB\n"
            + "200\tA\n"
            + "\n"
            + "300\tB\tC\n"
            + "400\t\tC\n"
            + "500\tC\tC\n";
    PairwiseTsv.Result r = PairwiseTsv.read(new StringReader(tsv));
    assertThat(r.matches()).hasSize(3);
    assertThat(r.playerIds()).containsExactly("A", "B", "C");
    assertThat(r.rejects())
        .extracting(PairwiseTsv.Reject::lineNumber)
        .containsExactly(2L, 3L, 4L, 6L);
    assertThat(r.rejects().get(0).reason()).contains("epoch_seconds is not an integer");
    assertThat(r.rejects().get(1).reason()).contains("expected 3 tab-separated fields, found 2");
    assertThat(r.selfPlayLines()).containsExactly(7L);
    assertThat(r.matches().get(1).players()).containsExactly(1, 2);
  }
}
