package dev.gsm.batch.input;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.forall;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;

import dev.gsm.schema.MatchSchema;
import dev.gsm.schema.MatchSchema.Field;
import dev.gsm.schema.MatchValidator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * A Spark expression that is true only for rows {@link MatchValidator} finds nothing wrong with: a
 * sufficient condition, never the rules themselves. {@link Validation} runs the validator (through
 * {@link MatchRows}) on every row where it is not true, so every reason a reject carries still
 * comes from {@link MatchValidator} alone; this only spares the clean rows (all but a few per
 * thousand) their conversion to a {@code MatchEvent}, which cost more than the rest of the batch.
 *
 * <p>The per-field half is generated from {@link MatchSchema}'s field tree (required, patterns,
 * ranges, list sizes, no null elements); the cross-field half restates the validator's rules that
 * span fields, each at least as strict as the validator's (the seconds-played rule leaves out the
 * validator's slack, so a leaver's record within it takes the slow path). Being stricter only costs
 * time; being looser would let a bad row through, which {@code ValidRowsTest} guards against: on
 * the generator's planted bad records and on mutations of valid ones, wherever this is true the
 * validator finds nothing.
 */
final class ValidRows {

  private static final long MAX_MATCH_MICROS = MatchValidator.MAX_MATCH_DURATION.toNanos() / 1000;

  private ValidRows() {}

  /** True when the row is surely valid; false (never null) when the validator must look. */
  static Column surelyValid() {
    return coalesce(fields(MatchSchema.MATCH_FIELDS, c -> col(c)).and(crossField()), lit(false));
  }

  private static Column fields(List<Field> fields, Function<String, Column> get) {
    Column all = lit(true);
    for (Field f : fields) {
      all = all.and(field(f, get.apply(f.name())));
    }
    return all;
  }

  /** A field of the row itself: {@code v} is its value. */
  private static Column field(Field f, Column v) {
    Column wellFormed =
        switch (f.type()) {
          case STRING ->
              f.pattern()
                  // the validator's matches(): the whole value, line terminators included
                  .map(p -> v.rlike("\\A(?:" + p.pattern() + ")\\z"))
                  .orElse(lit(true));
          case INT, LONG -> v.between(f.min(), f.max());
          case BOOLEAN, TIMESTAMP -> lit(true);
          case STRUCT -> fields(f.children(), v::getField);
          case LIST -> size(v).between(f.min(), f.max()).and(elements(f, v));
        };
    return f.required() ? v.isNotNull().and(wellFormed) : v.isNull().or(wellFormed);
  }

  /**
   * The elements of a list field {@code list} (an array of structs): each child is checked over the
   * array of its values across all elements at once, with Spark's compiled array functions (lambdas
   * are interpreted, and cost as much as the validator did).
   */
  private static Column elements(Field f, Column list) {
    Column ok = lit(true);
    if (f.children().stream().noneMatch(Field::required)) {
      // a null element shows as a null in a required child's values; without one, look at it
      ok = forall(list, e -> e.isNotNull());
    }
    for (Field c : f.children()) {
      ok = ok.and(values(c, list.getField(c.name())));
    }
    return ok;
  }

  /**
   * A field inside a list: {@code vs} is the array of its values (null where the element or the
   * value is null).
   */
  private static Column values(Field f, Column vs) {
    Column ok = f.required() ? noNulls(f, vs) : lit(true);
    Column wellFormed =
        switch (f.type()) {
          case STRING -> f.pattern().map(p -> allMatch(p).apply(vs)).orElse(lit(true));
          case INT, LONG ->
              coalesce(array_min(vs).geq(f.min()).and(array_max(vs).leq(f.max())), lit(true));
          case BOOLEAN, TIMESTAMP -> lit(true);
          case STRUCT -> {
            Column children = lit(true);
            for (Field c : f.children()) {
              children = children.and(values(c, vs.getField(c.name())));
            }
            yield children;
          }
          case LIST -> {
            Column sizes = transform(vs, l -> size(l));
            // flatten is null when a list is: caught by coalesce(…, false) at the top
            yield array_min(sizes)
                .geq(f.min())
                .and(array_max(sizes).leq(f.max()))
                .and(elements(f, flatten(vs)));
          }
        };
    return ok.and(wellFormed);
  }

  /**
   * No null among the values: {@code arrays_overlap} is null exactly when there is one and no
   * common value; a sentinel that happens to be present only sends the row to the validator.
   */
  private static Column noNulls(Field f, Column vs) {
    Column sentinel =
        switch (f.type()) {
          case STRING -> lit("\u0000");
          case INT -> lit(Integer.MIN_VALUE);
          case LONG -> lit(Long.MIN_VALUE);
          default -> null;
        };
    if (sentinel == null) {
      return forall(vs, v -> v.isNotNull());
    }
    return not(coalesce(arrays_overlap(vs, array(sentinel)), lit(true)));
  }

  /** Whether every non-null string of an array matches the pattern (the validator's own). */
  private static UserDefinedFunction allMatch(Pattern pattern) {
    return udf(
            (UDF1<scala.collection.Seq<String>, Boolean>)
                values -> {
                  if (values == null) {
                    return false;
                  }
                  scala.collection.Iterator<String> it = values.iterator();
                  while (it.hasNext()) {
                    String v = it.next();
                    if (v != null && !pattern.matcher(v).matches()) {
                      return false;
                    }
                  }
                  return true;
                },
            DataTypes.BooleanType)
        .withName("gsm_all_match");
  }

  /** The validator's rules that span fields (on rows whose fields are present and well formed). */
  private static Column crossField() {
    Column sides = col("sides");
    Column length = unix_micros(col("ended_at")).minus(unix_micros(col("started_at")));
    Column lengthSeconds = floor(length.divide(1_000_000L));
    Column players = flatten(sides.getField("players"));
    Column ids = players.getField("player_id");
    Column placements = sides.getField("placement");
    return length
        .between(0L, MAX_MATCH_MICROS)
        .and(size(array_distinct(sides.getField("side_id"))).equalTo(size(sides)))
        .and(array_max(placements).leq(size(sides)))
        .and(array_min(placements).equalTo(1))
        .and(size(array_distinct(ids)).equalTo(size(ids)))
        .and(size(ids).leq(MatchValidator.MAX_PLAYERS_PER_MATCH))
        .and(
            coalesce(
                array_max(players.getField("stats").getField("seconds_played")).leq(lengthSeconds),
                lit(true)));
  }
}
