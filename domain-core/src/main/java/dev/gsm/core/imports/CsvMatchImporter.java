package dev.gsm.core.imports;

import dev.gsm.core.season.SeasonCalendar;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchSchema;
import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.PlayerResult;
import dev.gsm.schema.PlayerStats;
import dev.gsm.schema.Side;
import dev.gsm.schema.Violation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns CSV files of historical results into {@link MatchEvent}s through an {@link ImportMapping}.
 *
 * <p>Every file is read first; rows are then sorted stably by time (files of results are often not
 * in date order, and within one date the file order is the only order there is) and handed to the
 * sink. Rows that share a time keep their order in the data too: each gets one more microsecond
 * than the one before it, so sorting the dataset by {@code started_at} gives back the input order.
 *
 * <p>A bad row never stops the import: it goes to the rejects consumer with its file, line and
 * reason. Only a mapping that does not fit a file (a mapped column missing from its header) fails,
 * before anything is handed to the sink.
 */
public final class CsvMatchImporter {

  private static final Pattern ID =
      MatchSchema.MATCH_FIELDS.stream()
          .filter(f -> f.name().equals("match_id"))
          .findFirst()
          .orElseThrow()
          .pattern()
          .orElseThrow();

  private final ImportMapping mapping;
  private final TimeParser time;
  private final SeasonCalendar calendar;

  public CsvMatchImporter(ImportMapping mapping, SeasonCalendar calendar) {
    this.mapping = mapping;
    this.time = TimeParser.of(mapping.timeFormat(), mapping.zone());
    this.calendar = calendar;
  }

  /**
   * The CSV files named by command-line arguments: a file, a directory (its {@code *.csv} files) or
   * a glob in the last path element ({@code data/atp_matches_20*.csv}). Directories and globs
   * expand in name order; the argument order is kept.
   */
  public static List<Path> expand(List<String> args) {
    List<Path> out = new ArrayList<>();
    for (String arg : args) {
      Path p = Path.of(arg);
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{")) {
        Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + name);
        List<Path> hits = list(dir, f -> m.matches(f.getFileName()));
        if (hits.isEmpty()) {
          throw new IllegalArgumentException("no file matches " + arg);
        }
        out.addAll(hits);
      } else if (Files.isDirectory(p)) {
        List<Path> hits = list(p, f -> f.getFileName().toString().endsWith(".csv"));
        if (hits.isEmpty()) {
          throw new IllegalArgumentException("no .csv file in directory " + arg);
        }
        out.addAll(hits);
      } else if (Files.isRegularFile(p)) {
        out.add(p);
      } else {
        throw new IllegalArgumentException("no such file or directory: " + arg);
      }
    }
    return out;
  }

  private static List<Path> list(Path dir, java.util.function.Predicate<Path> keep) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).filter(keep).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Imports local files, in the given order. */
  public ImportResult importFiles(
      List<Path> files, Consumer<MatchEvent> sink, Consumer<Reject> rejects) {
    List<Source> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(
          new Source(
              f.toString(),
              () -> {
                try {
                  return Files.newBufferedReader(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot open " + f, e);
                }
              }));
    }
    return importSources(sources, sink, rejects);
  }

  /** A named CSV input. */
  public record Source(String name, java.util.function.Supplier<Reader> open) {}

  /** Imports CSV inputs, in the given order. */
  public ImportResult importSources(
      List<Source> sources, Consumer<MatchEvent> sink, Consumer<Reject> rejects) {
    return read(sources, rejects).emit(sink);
  }

  /**
   * Reads and checks every input (rejects go to {@code rejects} now), without emitting: the
   * returned batch knows how many matches it holds before they are written.
   */
  public Prepared read(List<Source> sources, Consumer<Reject> rejects) {
    Map<RejectReason, Long> counts = new EnumMap<>(RejectReason.class);
    for (RejectReason r : RejectReason.values()) {
      counts.put(r, 0L);
    }
    Consumer<Reject> counting =
        r -> {
          counts.merge(r.reason(), 1L, Long::sum);
          rejects.accept(r);
        };
    List<Row> rows = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    long read = 0;
    for (Source s : sources) {
      read += readSource(s, rows, ids, counting);
    }
    // List.sort is a stable merge sort: equal times keep the order column's order (if any), then
    // file order, then line order
    rows.sort(
        java.util.Comparator.<Row>comparingLong(r -> r.micros).thenComparingLong(r -> r.order));
    return new Prepared(sources.size(), read, rows, counts);
  }

  /** Checked, time-sorted rows of one import, ready to emit. */
  public final class Prepared {
    private final int files;
    private final long read;
    private final List<Row> rows;
    private final Map<RejectReason, Long> counts;

    private Prepared(int files, long read, List<Row> rows, Map<RejectReason, Long> counts) {
      this.files = files;
      this.read = read;
      this.rows = rows;
      this.counts = counts;
    }

    /** Matches that {@link #emit} will hand over. */
    public int size() {
      return rows.size();
    }

    /** Hands every match to the sink in time order. */
    public ImportResult emit(Consumer<MatchEvent> sink) {
      Map<String, Long> seasons = new TreeMap<>();
      long previous = Long.MIN_VALUE;
      Instant first = null;
      Instant last = null;
      for (Row r : rows) {
        // rows sharing a time get one microsecond each, in input order
        long start = previous == Long.MIN_VALUE ? r.micros : Math.max(r.micros, previous + 1);
        previous = start;
        Instant started = ofMicros(start);
        Instant ended = started.plusSeconds(r.durationSeconds);
        String season = mapping.season() != null ? mapping.season() : calendar.seasonOf(ended);
        MatchEvent e =
            new MatchEvent(
                MatchEvent.CURRENT_SCHEMA_VERSION,
                r.matchId,
                season,
                mapping.mode(),
                mapping.region(),
                mapping.platform(),
                started,
                ended,
                r.sides,
                false,
                true);
        sink.accept(e);
        seasons.merge(season, 1L, Long::sum);
        first = first == null ? started : first;
        last = started;
      }
      return new ImportResult(files, read, rows.size(), counts, seasons, first, last);
    }
  }

  private static Instant ofMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  private long readSource(Source s, List<Row> rows, Set<String> ids, Consumer<Reject> rejects) {
    long n = 0;
    try (CsvReader csv = new CsvReader(s.open().get())) {
      List<String> header = csv.next();
      if (header == null) {
        return 0;
      }
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        index.putIfAbsent(header.get(i).trim(), i);
      }
      Columns cols = columns(s.name(), index);
      while (true) {
        List<String> rec;
        try {
          rec = csv.next();
        } catch (CsvReader.MalformedCsvException e) {
          n++;
          rejects.accept(
              new Reject(s.name(), e.line(), RejectReason.MALFORMED_CSV, e.getMessage()));
          break;
        }
        if (rec == null) {
          break;
        }
        if (rec.size() == 1 && rec.get(0).isBlank()) {
          continue;
        }
        n++;
        Row row = row(s.name(), csv.recordLine(), rec, cols, ids, rejects);
        if (row != null) {
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + s.name(), e);
    }
    return n;
  }

  private record Columns(
      int time, int[] winners, int[] losers, int[] ids, int duration, int order) {}

  private Columns columns(String file, Map<String, Integer> index) {
    List<String> missing = new ArrayList<>();
    java.util.function.ToIntFunction<String> col =
        name -> {
          Integer i = index.get(name);
          if (i == null) {
            missing.add(name);
            return -1;
          }
          return i;
        };
    Columns c =
        new Columns(
            col.applyAsInt(mapping.timeColumn()),
            mapping.winnerColumns().stream().mapToInt(col).toArray(),
            mapping.loserColumns().stream().mapToInt(col).toArray(),
            mapping.idColumns().stream().mapToInt(col).toArray(),
            mapping.durationColumn() == null ? -1 : col.applyAsInt(mapping.durationColumn()),
            mapping.orderColumn() == null ? -1 : col.applyAsInt(mapping.orderColumn()));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          file
              + " has no column "
              + String.join(", ", missing)
              + " (its columns: "
              + String.join(",", index.keySet().stream().sorted().toList())
              + ")");
    }
    return c;
  }

  private static final class Row {
    final long micros;
    final long durationSeconds;
    final long order;
    final String matchId;
    final List<Side> sides;

    Row(long micros, long durationSeconds, long order, String matchId, List<Side> sides) {
      this.micros = micros;
      this.durationSeconds = durationSeconds;
      this.order = order;
      this.matchId = matchId;
      this.sides = sides;
    }
  }

  private Row row(
      String file,
      long line,
      List<String> rec,
      Columns c,
      Set<String> ids,
      Consumer<Reject> rejects) {
    StringBuilder id = new StringBuilder(mapping.idPrefix());
    for (int k = 0; k < c.ids.length; k++) {
      String v = cell(rec, c.ids[k]);
      if (v.isEmpty()) {
        return reject(
            rejects, file, line, RejectReason.MISSING_ID, mapping.idColumns().get(k) + " is empty");
      }
      id.append(k == 0 ? "" : "-").append(v);
    }
    String matchId = id.toString();
    if (!ID.matcher(matchId).matches()) {
      return reject(rejects, file, line, RejectReason.BAD_ID, "match id '" + matchId + "'");
    }
    String t = cell(rec, c.time);
    if (t.isEmpty()) {
      return reject(
          rejects, file, line, RejectReason.MISSING_TIME, mapping.timeColumn() + " is empty");
    }
    Instant when;
    try {
      when = time.parse(t);
    } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
      return reject(
          rejects,
          file,
          line,
          RejectReason.UNPARSABLE_TIME,
          "'" + t + "' is not " + mapping.timeFormat());
    }
    long duration = 0;
    if (c.duration >= 0) {
      String d = cell(rec, c.duration);
      try {
        duration = d.isEmpty() ? 0 : Math.round(Double.parseDouble(d) * 60);
      } catch (NumberFormatException e) {
        duration = -1;
      }
      if (duration < 0 || duration > MatchValidator.MAX_MATCH_DURATION.toSeconds()) {
        return reject(rejects, file, line, RejectReason.BAD_DURATION, "'" + d + "' minutes");
      }
    }
    long order = 0;
    if (c.order >= 0) {
      String o = cell(rec, c.order);
      try {
        order = Long.parseLong(o.trim());
      } catch (NumberFormatException e) {
        return reject(rejects, file, line, RejectReason.BAD_ORDER, "'" + o + "' is not a number");
      }
    }
    List<String> winners = new ArrayList<>();
    List<String> losers = new ArrayList<>();
    for (int side = 0; side < 2; side++) {
      int[] cols = side == 0 ? c.winners : c.losers;
      List<String> names = side == 0 ? mapping.winnerColumns() : mapping.loserColumns();
      List<String> into = side == 0 ? winners : losers;
      for (int k = 0; k < cols.length; k++) {
        String v = cell(rec, cols[k]);
        if (v.isEmpty()) {
          return reject(rejects, file, line, RejectReason.MISSING_ID, names.get(k) + " is empty");
        }
        String player = mapping.playerPrefix() + v;
        if (!ID.matcher(player).matches()) {
          return reject(rejects, file, line, RejectReason.BAD_ID, "player id '" + player + "'");
        }
        if (into.contains(player)) {
          return reject(
              rejects,
              file,
              line,
              RejectReason.DUPLICATE_PLAYER_IN_SIDE,
              "player " + player + " twice");
        }
        into.add(player);
      }
    }
    for (String w : winners) {
      if (losers.contains(w)) {
        return reject(rejects, file, line, RejectReason.SAME_PLAYER_ON_BOTH_SIDES, "player " + w);
      }
    }
    List<Side> sides =
        List.of(new Side("winner", 1, players(winners)), new Side("loser", 2, players(losers)));
    long micros;
    try {
      micros =
          Math.addExact(
              Math.multiplyExact(when.getEpochSecond(), 1_000_000L), when.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return reject(
          rejects, file, line, RejectReason.UNPARSABLE_TIME, "'" + t + "' is out of range");
    }
    Instant started = ofMicros(micros);
    MatchEvent probe =
        new MatchEvent(
            MatchEvent.CURRENT_SCHEMA_VERSION,
            matchId,
            mapping.season() != null ? mapping.season() : calendar.seasonOf(started),
            mapping.mode(),
            mapping.region(),
            mapping.platform(),
            started,
            started.plusSeconds(duration),
            sides,
            false,
            true);
    List<Violation> violations = MatchValidator.validate(probe);
    if (!violations.isEmpty()) {
      return reject(
          rejects,
          file,
          line,
          RejectReason.INVALID_MATCH,
          violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    }
    if (!ids.add(matchId)) {
      return reject(rejects, file, line, RejectReason.DUPLICATE_MATCH_ID, matchId);
    }
    return new Row(micros, duration, order, matchId, sides);
  }

  private static List<PlayerResult> players(List<String> ids) {
    List<PlayerResult> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add(new PlayerResult(id, PlayerStats.NONE));
    }
    return out;
  }

  private static String cell(List<String> rec, int i) {
    return i < rec.size() ? rec.get(i).trim() : "";
  }

  private static Row reject(
      Consumer<Reject> rejects, String file, long line, RejectReason reason, String detail) {
    rejects.accept(new Reject(file, line, reason, detail));
    return null;
  }
}
