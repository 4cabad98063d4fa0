package dev.gsm.core.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code epoch_seconds<TAB>winner_id<TAB>loser_id} rows (the published benchmark's format)
 * into one-versus-one {@link BacktestMatch}es, interning player ids in order of first appearance. A
 * malformed row is reported with its line number and reason, counted and skipped; it never stops
 * the read.
 */
public final class PairwiseTsv {
  private PairwiseTsv() {}

  /** A skipped row. */
  public record Reject(long lineNumber, String reason) {}

  /**
   * What was read. {@code selfPlayLines} are rows whose winner is also the loser: kept (the
   * published protocol counts them) but worth a warning.
   */
  public record Result(
      List<BacktestMatch> matches,
      List<String> playerIds,
      List<Reject> rejects,
      List<Long> selfPlayLines) {}

  public static Result read(Reader in) throws IOException {
    List<BacktestMatch> matches = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    List<Reject> rejects = new ArrayList<>();
    List<Long> selfPlay = new ArrayList<>();
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    long lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        rejects.add(new Reject(lineNumber, "empty line"));
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 3) {
        rejects.add(new Reject(lineNumber, "expected 3 tab-separated fields, found " + f.length));
        continue;
      }
      long t;
      try {
        t = Long.parseLong(f[0].trim());
      } catch (NumberFormatException e) {
        rejects.add(new Reject(lineNumber, "epoch_seconds is not an integer: '" + f[0] + "'"));
        continue;
      }
      String w = f[1].trim();
      String l = f[2].trim();
      if (w.isEmpty() || l.isEmpty()) {
        rejects.add(new Reject(lineNumber, "empty player id"));
        continue;
      }
      if (w.equals(l)) {
        selfPlay.add(lineNumber);
      }
      int wi = intern(w, index, ids);
      int li = intern(l, index, ids);
      matches.add(BacktestMatch.oneVsOne(t, wi, li));
    }
    return new Result(matches, List.copyOf(ids), rejects, selfPlay);
  }

  private static int intern(String id, Map<String, Integer> index, List<String> ids) {
    Integer i = index.get(id);
    if (i != null) {
      return i;
    }
    index.put(id, ids.size());
    ids.add(id);
    return ids.size() - 1;
  }
}
