package dev.gsm.batch.input;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import dev.gsm.schema.MatchValidator;
import dev.gsm.schema.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Judges every row with warehouse-schemas' {@link MatchValidator}: the rows that pass go on, the
 * others are set aside with every reason and counted. The validator looks at every row that {@link
 * ValidRows}' Spark expression does not clear (the rejects and the few valid rows it is unsure of):
 * the reasons are always the validator's. Nothing a row holds can stop the run: a row the
 * conversion itself chokes on becomes a reject too.
 */
public final class Validation {

  /** The column holding a row's problems: {@code array<struct<field, message>>}, empty if none. */
  public static final String VIOLATIONS = "violations";

  static final StructType VIOLATION =
      new StructType().add("field", DataTypes.StringType).add("message", DataTypes.StringType);

  private static final UserDefinedFunction CHECK =
      udf((UDF1<Row, Row[]>) Validation::check, DataTypes.createArrayType(VIOLATION, false))
          .withName("gsm_validate_match");

  /** No violations, for the rows {@link ValidRows} clears without the validator. */
  private static final Column NONE = array().cast(DataTypes.createArrayType(VIOLATION, false));

  /**
   * The result of {@link #validate}.
   *
   * @param valid rows without problems, in the input's columns
   * @param rejects rows with problems, in the input's columns plus {@link #VIOLATIONS}
   */
  public record Validated(Dataset<Row> valid, Dataset<Row> rejects) {}

  /** What {@link #writeRejects} wrote. */
  public record RejectSummary(String path, long count, Map<String, Long> byReason) {}

  private Validation() {}

  /** Lazily splits the rows; the caller decides what to persist. */
  public static Validated validate(Dataset<Row> matches) {
    return split(check(matches));
  }

  /**
   * Every row with its {@link #VIOLATIONS}, lazily. The job persists this frame: rejects, dedupe
   * and every later step read it; without it each of them (rejects file, reject counts, the three
   * branches of dedupe) runs the validator again: a 1M-match run sat in it for minutes.
   */
  public static Dataset<Row> check(Dataset<Row> matches) {
    Column[] columns = Arrays.stream(matches.columns()).map(c -> col(c)).toArray(Column[]::new);
    return matches.withColumn(
        VIOLATIONS, when(ValidRows.surelyValid(), NONE).otherwise(CHECK.apply(struct(columns))));
  }

  /** The valid rows and the rejects of a {@link #check}ed frame. */
  public static Validated split(Dataset<Row> checked) {
    return new Validated(
        checked.filter(size(col(VIOLATIONS)).equalTo(0)).drop(VIOLATIONS),
        checked.filter(size(col(VIOLATIONS)).gt(0)));
  }

  /**
   * Writes rejects as JSON lines to {@code path} (one file, in a fixed order): {@code match_id}
   * when the row has one, {@code reasons} as field and message, and the whole row as JSON in {@code
   * record}. Counts them per reason: the field path with list indices folded ({@code
   * sides[].players[].player_id}), {@code record} for problems of the whole row.
   */
  public static RejectSummary writeRejects(Dataset<Row> allRejects, String path) {
    // A few rows, read three times below: find them once.
    Dataset<Row> rejects = allRejects.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return writeRejectsOnce(rejects, path);
    } finally {
      rejects.unpersist();
    }
  }

  private static RejectSummary writeRejectsOnce(Dataset<Row> rejects, String path) {
    Column[] original =
        Arrays.stream(rejects.columns())
            .filter(c -> !c.equals(VIOLATIONS))
            .map(c -> col(c))
            .toArray(Column[]::new);
    Dataset<Row> out =
        rejects.select(
            col("match_id"),
            col(VIOLATIONS).as("reasons"),
            to_json(struct(original), Dedup.EXACT_JSON).as("record"));
    out.repartition(1)
        .sortWithinPartitions(col("match_id"), col("record"))
        .write()
        .mode("overwrite")
        .json(path);

    Map<String, Long> byReason = new TreeMap<>();
    long count = 0;
    Dataset<Row> reasons =
        rejects
            .select(explode(col(VIOLATIONS)).as("v"))
            .select(regexp_replace(col("v.field"), "\\[[0-9]+\\]", "[]").as("reason"))
            .groupBy("reason")
            .count();
    for (Row r : reasons.collectAsList()) {
      String reason = r.getString(0);
      byReason.put(reason.isEmpty() ? "record" : reason, r.getLong(1));
    }
    count = rejects.count();
    return new RejectSummary(path, count, byReason);
  }

  static Row[] check(Row row) {
    List<Violation> violations;
    try {
      MatchRows.Converted converted = MatchRows.toEvent(row);
      Set<String> reported = new LinkedHashSet<>();
      violations = new ArrayList<>(converted.violations());
      converted.violations().forEach(v -> reported.add(v.field()));
      for (Violation v : MatchValidator.validate(converted.event())) {
        if (!reported.contains(v.field())) {
          violations.add(v);
        }
      }
    } catch (RuntimeException e) {
      violations = List.of(new Violation("", "the row cannot be read: " + e));
    }
    Row[] out = new Row[violations.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = RowFactory.create(violations.get(i).field(), violations.get(i).message());
    }
    return out;
  }
}
