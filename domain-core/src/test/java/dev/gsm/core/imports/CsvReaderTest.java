package dev.gsm.core.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

  private static List<List<String>> readAll(String text) throws IOException {
    List<List<String>> out = new ArrayList<>();
    try (CsvReader r = new CsvReader(new StringReader(text))) {
      for (List<String> rec = r.next(); rec != null; rec = r.next()) {
        out.add(rec);
      }
    }
    return out;
  }

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
    assertThat(readAll("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nx,,\"\"\n"))
        .containsExactly(List.of("a", "b,c", "say \"hi\"", "two\nlines"), List.of("x", "", ""));
  }

  @Test
  void lineNumbersCountLineBreaksInsideQuotes() throws IOException {
    try (CsvReader r = new CsvReader(new StringReader("h\n\"a\nb\"\nc\r\nd"))) {
      r.next();
      assertThat(r.recordLine()).isEqualTo(1);
      r.next();
      assertThat(r.recordLine()).isEqualTo(2);
      assertThat(r.next()).containsExactly("c");
      assertThat(r.recordLine()).isEqualTo(4);
      assertThat(r.next()).containsExactly("d");
      assertThat(r.recordLine()).isEqualTo(5);
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void byteOrderMarkAndMissingFinalLineBreakAreFine() throws IOException {
    assertThat(readAll("\uFEFFa,b\n1,2")).containsExactly(List.of("a", "b"), List.of("1", "2"));
  }

  @Test
  void unclosedQuoteIsReportedWithTheLineItStartsOn() {
    assertThatThrownBy(() -> readAll("a\n\"open\nstill open"))
        .isInstanceOf(CsvReader.MalformedCsvException.class)
        .hasMessageContaining("line 2");
  }
}
