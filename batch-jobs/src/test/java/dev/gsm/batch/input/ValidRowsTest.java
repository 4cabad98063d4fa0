package dev.gsm.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gsm.batch.MatchFixtures;
import dev.gsm.batch.spark.MatchSchemas;
import dev.gsm.core.generate.BadRecordKind;
import dev.gsm.core.generate.GenerationResult;
import dev.gsm.core.generate.GeneratorOptions;
import dev.gsm.core.generate.SeasonGenerator;
import dev.gsm.schema.MatchEvent;
import dev.gsm.schema.MatchValidator;
import dev.gsm.spark.SharedSparkSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ValidRows} against {@link dev.gsm.schema.MatchValidator} (through the row validator {@link
 * Validation#check(Row)}, the reference): on every row, the checked frame's violations are the
 * reference's, and where the Spark expression clears a row the reference finds nothing.
 */
class ValidRowsTest extends SharedSparkSession {

  static List<MatchEvent> records;
  static GenerationResult result;

  @BeforeAll
  static void generate() {
    records = new ArrayList<>();
    result =
        new SeasonGenerator(
                GeneratorOptions.defaults()
                    .withPlayers(1000)
                    .withMatches(10_000)
                    .withBadRecordShare(0.05))
            .run(records::add);
  }

  /** A row's Spark verdict and the reference's violations. */
  record Verdict(Row row, boolean surelyValid, List<Row> violations, List<Row> reference) {}

  static List<Verdict> judge(List<Row> rows) {
    Dataset<Row> frame = spark.createDataFrame(rows, MatchFixtures.WRITE_SCHEMA);
    List<Row> out =
        Validation.check(frame).withColumn("_sure", ValidRows.surelyValid()).collectAsList();
    int n = MatchSchemas.match().fields().length;
    List<Verdict> verdicts = new ArrayList<>();
    for (Row r : out) {
      Object[] values = new Object[n];
      for (int i = 0; i < n; i++) {
        values[i] = r.get(i);
      }
      Row original = new GenericRowWithSchema(values, MatchFixtures.WRITE_SCHEMA);
      verdicts.add(
          new Verdict(
              original,
              r.getBoolean(r.fieldIndex("_sure")),
              r.getList(r.fieldIndex(Validation.VIOLATIONS)),
              Arrays.asList(Validation.check(original))));
    }
    return verdicts;
  }

  @Test
  void agreesWithTheValidatorOnEveryKindOfPlantedBadRecordAndOnTheValidOnes() {
    List<Verdict> verdicts = judge(MatchFixtures.rows(records));
    Map<BadRecordKind, Long> found = new EnumMap<>(BadRecordKind.class);
    Set<String> seen = new HashSet<>();
    long valid = 0;
    for (Verdict v : verdicts) {
      assertThat(v.violations()).as("%s", v.row()).isEqualTo(v.reference());
      if (v.reference().isEmpty()) {
        assertThat(v.surelyValid()).as("a valid generated record: %s", v.row()).isTrue();
        valid++;
        if (!seen.add(v.row().getString(1))) {
          found.merge(BadRecordKind.EXACT_DUPLICATE, 1L, Long::sum);
        }
      } else {
        assertThat(v.surelyValid()).as("a rejected record: %s", v.row()).isFalse();
        found.merge(kind(v.reference()), 1L, Long::sum);
      }
    }
    assertThat(found).isEqualTo(result.badRecords());
    assertThat(found).containsOnlyKeys(BadRecordKind.values());
    assertThat(valid).isGreaterThan(9000);
  }

  @Test
  void whereItClearsARowTheValidatorFindsNothingWhateverTheMutation() {
    Random rng = new Random(42);
    List<MatchEvent> valid =
        records.stream().filter(e -> MatchValidator.validate(e).isEmpty()).limit(400).toList();
    List<Row> rows = new ArrayList<>(MatchFixtures.dirtyRows());
    for (MatchEvent e : valid) {
      Row r = MatchRows.toRow(e);
      rows.add(r);
      for (UnaryOperator<Row> m : MUTATIONS) {
        if (rng.nextInt(4) == 0) {
          rows.add(m.apply(r));
        }
      }
    }
    int cleared = 0;
    int rejected = 0;
    for (Verdict v : judge(rows)) {
      assertThat(v.violations()).as("%s", v.row()).isEqualTo(v.reference());
      if (v.surelyValid()) {
        assertThat(v.reference()).as("cleared by Spark: %s", v.row()).isEmpty();
        cleared++;
      }
      rejected += v.reference().isEmpty() ? 0 : 1;
    }
    assertThat(cleared).isGreaterThanOrEqualTo(valid.size());
    assertThat(rejected).isGreaterThan(1000);
  }

  private static BadRecordKind kind(List<Row> violations) {
    Row first = violations.get(0);
    String field = first.getString(0);
    String message = first.getString(1);
    if (field.equals("match_id")) {
      return BadRecordKind.BAD_ID;
    }
    if (field.equals("ended_at")) {
      return BadRecordKind.ENDED_BEFORE_STARTED;
    }
    if (field.equals("sides")) {
      return BadRecordKind.SINGLE_SIDE;
    }
    if (field.endsWith(".placement")) {
      return BadRecordKind.PLACEMENT_OUT_OF_RANGE;
    }
    if (field.endsWith(".player_id") && message.contains("already plays")) {
      return BadRecordKind.DUPLICATE_PLAYER;
    }
    if (field.contains(".stats.")) {
      return BadRecordKind.NEGATIVE_STAT;
    }
    throw new AssertionError("no planted kind gives " + violations);
  }

  // ---- mutations of a valid row (schema: MatchSchemas.match(), see MatchRows.toRow) ----

  private static final int SCHEMA_VERSION = 0;
  private static final int MATCH_ID = 1;
  private static final int MODE = 2;
  private static final int REGION = 3;
  private static final int PLATFORM = 4;
  private static final int STARTED = 5;
  private static final int ENDED = 6;
  private static final int SIDES = 7;
  private static final int LOG_OFFSET = 11;
  private static final int SEASON = 12;

  private static Row set(Row r, int i, Object value) {
    Object[] v = new Object[r.length()];
    for (int k = 0; k < v.length; k++) {
      v[k] = r.get(k);
    }
    v[i] = value;
    return RowFactory.create(v);
  }

  /** A list field of a row built here (java.util.List) or collected from Spark (a Scala Seq). */
  @SuppressWarnings("unchecked")
  private static List<Row> list(Row r, int i) {
    Object o = r.get(i);
    return new ArrayList<>(
        o instanceof List<?> l
            ? (List<Row>) l
            : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<Row>) o));
  }

  private static List<Row> sides(Row r) {
    return list(r, SIDES);
  }

  private static Row side(Row r, int k, UnaryOperator<Row> change) {
    List<Row> s = sides(r);
    s.set(k, change.apply(s.get(k)));
    return set(r, SIDES, s);
  }

  private static Row player(Row r, int k, int j, UnaryOperator<Row> change) {
    return side(
        r,
        k,
        s -> {
          List<Row> players = list(s, 2);
          players.set(j, change.apply(players.get(j)));
          return set(s, 2, players);
        });
  }

  private static Row stat(Row r, int index, Object value) {
    return player(
        r, 0, 0, p -> set(p, 1, p.isNullAt(1) ? null : set(p.getStruct(1), index, value)));
  }

  private static long lengthSeconds(Row r) {
    return r.<Instant>getAs(ENDED).getEpochSecond() - r.<Instant>getAs(STARTED).getEpochSecond();
  }

  private static final List<UnaryOperator<Row>> MUTATIONS = new ArrayList<>();

  static {
    for (Object v : new Object[] {null, 0, 2, -1}) {
      MUTATIONS.add(r -> set(r, SCHEMA_VERSION, v));
    }
    for (String v : new String[] {null, "", "a\n", "a b", "x".repeat(129), "x".repeat(128)}) {
      MUTATIONS.add(r -> set(r, MATCH_ID, v));
    }
    for (String v : new String[] {null, "Duel", "", "duel\n", "-x", "a".repeat(33)}) {
      MUTATIONS.add(r -> set(r, MODE, v));
      MUTATIONS.add(r -> set(r, REGION, v));
      MUTATIONS.add(r -> set(r, PLATFORM, v));
    }
    for (String v : new String[] {null, "2026-S", "2026-S123"}) {
      MUTATIONS.add(r -> set(r, SEASON, v));
    }
    MUTATIONS.add(r -> set(r, STARTED, null));
    MUTATIONS.add(r -> set(r, ENDED, null));
    MUTATIONS.add(r -> set(r, ENDED, r.<Instant>getAs(STARTED)));
    MUTATIONS.add(r -> set(r, ENDED, r.<Instant>getAs(STARTED).minusNanos(1000)));
    MUTATIONS.add(r -> set(r, ENDED, r.<Instant>getAs(STARTED).plusSeconds(86_400)));
    MUTATIONS.add(
        r -> set(r, ENDED, r.<Instant>getAs(STARTED).plusSeconds(86_400).plusNanos(1000)));
    MUTATIONS.add(r -> set(r, LOG_OFFSET, -1L));
    MUTATIONS.add(r -> set(r, LOG_OFFSET, null));
    MUTATIONS.add(r -> set(r, SIDES, null));
    MUTATIONS.add(r -> set(r, SIDES, List.of()));
    MUTATIONS.add(r -> set(r, SIDES, sides(r).subList(0, 1)));
    MUTATIONS.add(r -> side(r, 0, s -> null));
    MUTATIONS.add(r -> side(r, 0, s -> set(s, 0, null)));
    MUTATIONS.add(r -> side(r, 0, s -> set(s, 0, "bad side")));
    MUTATIONS.add(r -> side(r, 1, s -> set(s, 0, sides(r).get(0).getString(0))));
    for (Object v : new Object[] {null, 0, -1, 1000}) {
      MUTATIONS.add(r -> side(r, 0, s -> set(s, 1, v)));
    }
    MUTATIONS.add(r -> side(r, 1, s -> set(s, 1, sides(r).size() + 1)));
    MUTATIONS.add(
        r -> {
          List<Row> s = sides(r);
          s.replaceAll(x -> set(x, 1, 2));
          return set(r, SIDES, s);
        });
    MUTATIONS.add(
        r -> {
          List<Row> s = sides(r);
          s.replaceAll(x -> set(x, 1, 1));
          return set(r, SIDES, s);
        });
    MUTATIONS.add(r -> side(r, 0, s -> set(s, 2, null)));
    MUTATIONS.add(r -> side(r, 0, s -> set(s, 2, List.of())));
    MUTATIONS.add(
        r -> side(r, 0, s -> set(s, 2, java.util.Collections.nCopies(65, list(s, 2).get(0)))));
    MUTATIONS.add(r -> player(r, 0, 0, p -> null));
    MUTATIONS.add(r -> player(r, 0, 0, p -> set(p, 0, null)));
    MUTATIONS.add(r -> player(r, 0, 0, p -> set(p, 0, "p 1")));
    MUTATIONS.add(r -> player(r, 1, 0, p -> set(p, 0, list(sides(r).get(0), 2).get(0).get(0))));
    MUTATIONS.add(r -> player(r, 0, 0, p -> set(p, 1, null)));
    for (int i = 0; i < 9; i++) {
      int index = i;
      boolean isInt = Set.of(1, 2, 3, 7, 8).contains(i);
      MUTATIONS.add(r -> stat(r, index, isInt ? (Object) (-1) : (Object) (-1L)));
      MUTATIONS.add(r -> stat(r, index, null));
    }
    MUTATIONS.add(r -> stat(r, 8, (int) lengthSeconds(r) + 30));
    MUTATIONS.add(r -> stat(r, 8, (int) lengthSeconds(r) + 60));
    MUTATIONS.add(r -> stat(r, 8, (int) lengthSeconds(r) + 61));
  }
}
