package dev.gsm.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gsm.schema.MatchSchema.Field;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every stored form of the match schema, derived from {@link MatchSchema}: nobody writes these by
 * hand. {@code gsm schema} prints them, and {@code warehouse-schemas/generated/} holds a copy for
 * readers who do not build (a test fails when that copy is stale).
 */
public final class SchemaForms {

  private SchemaForms() {}

  /** JSON Schema (2020-12) of the HTTP/JSON form of a match. */
  public static String jsonSchema() {
    ObjectNode root = MatchJson.MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://gsm.dev/schemas/match-event-v" + MatchEvent.CURRENT_SCHEMA_VERSION);
    root.put("title", "MatchEvent");
    root.put("description", "A finished match as a game server reports it.");
    objectSchema(root, MatchSchema.MATCH_FIELDS);
    try {
      return MatchJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void objectSchema(ObjectNode node, List<Field> fields) {
    node.put("type", "object");
    node.put("additionalProperties", false);
    ObjectNode props = node.putObject("properties");
    ArrayNode required = node.putArray("required");
    for (Field f : fields) {
      ObjectNode p = props.putObject(f.name());
      p.put("description", f.doc());
      switch (f.type()) {
        case STRING -> {
          p.put("type", "string");
          f.pattern().ifPresent(pt -> p.put("pattern", "^" + pt.pattern() + "$"));
        }
        case INT, LONG -> {
          p.put("type", "integer");
          p.put("minimum", f.min());
          p.put("maximum", f.max());
        }
        case BOOLEAN -> p.put("type", "boolean");
        case TIMESTAMP -> {
          p.put("type", "string");
          p.put("format", "date-time");
        }
        case STRUCT -> objectSchema(p, f.children());
        case LIST -> {
          p.put("type", "array");
          p.put("minItems", f.min());
          p.put("maxItems", f.max());
          objectSchema(p.putObject("items"), f.children());
        }
      }
      if (f.required()) {
        required.add(f.name());
      }
    }
  }

  /**
   * The Parquet schema of a master-dataset file. Partition keys ({@code season}) are not stored in
   * the files: they come back from the path, as Hive, Spark and Athena expect.
   */
  public static String parquetMessageType() {
    StringBuilder sb = new StringBuilder("message match_event {\n");
    for (Field f : MatchSchema.MATCH_FIELDS) {
      if (!f.partitionKey()) {
        parquetField(sb, f, 1);
      }
    }
    return sb.append("}\n").toString();
  }

  private static void parquetField(StringBuilder sb, Field f, int depth) {
    String indent = "  ".repeat(depth);
    String rep = f.required() ? "required" : "optional";
    switch (f.type()) {
      case STRING ->
          sb.append(indent).append(rep).append(" binary ").append(f.name()).append(" (STRING);\n");
      case INT -> sb.append(indent).append(rep).append(" int32 ").append(f.name()).append(";\n");
      case LONG -> sb.append(indent).append(rep).append(" int64 ").append(f.name()).append(";\n");
      case BOOLEAN ->
          sb.append(indent).append(rep).append(" boolean ").append(f.name()).append(";\n");
      case TIMESTAMP ->
          sb.append(indent)
              .append(rep)
              .append(" int64 ")
              .append(f.name())
              .append(" (TIMESTAMP(MICROS,true));\n");
      case STRUCT -> {
        sb.append(indent).append(rep).append(" group ").append(f.name()).append(" {\n");
        f.children().forEach(c -> parquetField(sb, c, depth + 1));
        sb.append(indent).append("}\n");
      }
      case LIST -> {
        sb.append(indent).append(rep).append(" group ").append(f.name()).append(" (LIST) {\n");
        sb.append(indent).append("  repeated group list {\n");
        sb.append(indent).append("    required group element {\n");
        f.children().forEach(c -> parquetField(sb, c, depth + 3));
        sb.append(indent).append("    }\n");
        sb.append(indent).append("  }\n");
        sb.append(indent).append("}\n");
      }
    }
  }

  /**
   * The Spark SQL schema of a master-dataset row as a DDL string ({@code StructType.fromDDL}),
   * including the partition columns that Spark adds from the path.
   */
  public static String sparkDdl() {
    String columns =
        MatchSchema.MATCH_FIELDS.stream()
            .filter(f -> !f.partitionKey())
            .map(f -> f.name() + " " + sqlType(f, false) + (f.required() ? " NOT NULL" : ""))
            .collect(Collectors.joining(", "));
    return columns + ", season STRING, date DATE";
  }

  /** The table analysts create in Athena or Glue over the master dataset at {@code location}. */
  public static String athenaDdl(String database, String location) {
    String columns =
        MatchSchema.MATCH_FIELDS.stream()
            .filter(f -> !f.partitionKey())
            .map(f -> "  `" + f.name() + "` " + sqlType(f, true) + " COMMENT '" + f.doc() + "'")
            .collect(Collectors.joining(",\n"));
    return "CREATE EXTERNAL TABLE IF NOT EXISTS `"
        + database
        + "`.`matches` (\n"
        + columns
        + "\n)\nPARTITIONED BY (`season` string, `date` string)\n"
        + "STORED AS PARQUET\nLOCATION '"
        + location
        + "'\nTBLPROPERTIES (\n"
        + "  'projection.enabled' = 'true',\n"
        + "  'projection.season.type' = 'injected',\n"
        + "  'projection.date.type' = 'date',\n"
        + "  'projection.date.format' = 'yyyy-MM-dd',\n"
        + "  'projection.date.range' = '2020-01-01,NOW',\n"
        + "  'storage.location.template' = '"
        + location
        + "season=${season}/date=${date}/'\n);\n";
  }

  /** Spark SQL for analysts who use a Spark session instead of Athena. */
  public static String sparkSqlDdl(String location) {
    String columns =
        MatchSchema.MATCH_FIELDS.stream()
            .filter(f -> !f.partitionKey())
            .map(f -> "  " + f.name() + " " + sqlType(f, false))
            .collect(Collectors.joining(",\n"));
    return "CREATE TABLE IF NOT EXISTS matches (\n"
        + columns
        + ",\n  season STRING,\n  date DATE\n)\nUSING PARQUET\nPARTITIONED BY (season, date)\n"
        + "LOCATION '"
        + location
        + "';\n";
  }

  private static String sqlType(Field f, boolean hive) {
    String t =
        switch (f.type()) {
          case STRING -> "STRING";
          case INT -> "INT";
          case LONG -> "BIGINT";
          case BOOLEAN -> "BOOLEAN";
          case TIMESTAMP -> "TIMESTAMP";
          case STRUCT -> "STRUCT<" + structBody(f.children(), hive) + ">";
          case LIST -> "ARRAY<STRUCT<" + structBody(f.children(), hive) + ">>";
        };
    return hive ? t.toLowerCase(Locale.ROOT) : t;
  }

  private static String structBody(List<Field> children, boolean hive) {
    return children.stream()
        .map(c -> c.name() + ":" + (hive ? "" : " ") + sqlType(c, hive))
        .collect(Collectors.joining(hive ? "," : ", "));
  }
}
