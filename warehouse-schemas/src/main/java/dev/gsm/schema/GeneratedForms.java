package dev.gsm.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checked-in copies under {@code warehouse-schemas/generated/}: file name to content. Readers
 * who do not build the project (analysts setting up Athena, operators reading Terraform) find the
 * forms there; {@code bin/gsm schema --write} refreshes them and a test fails when one is stale.
 */
public final class GeneratedForms {

  /** Where the master dataset lives in the Terraform-created bucket. */
  public static final String ATHENA_LOCATION = "s3://gsm-master-dataset/matches/";

  private GeneratedForms() {}

  public static Map<String, String> all() {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put("match-event.schema.json", SchemaForms.jsonSchema());
    forms.put("match-event.parquet.txt", SchemaForms.parquetMessageType());
    forms.put("match-event.spark-ddl.txt", SchemaForms.sparkDdl() + "\n");
    forms.put("matches.athena.sql", SchemaForms.athenaDdl("gsm", ATHENA_LOCATION));
    forms.put("matches.spark.sql", SchemaForms.sparkSqlDdl("s3a://gsm-master-dataset/matches/"));
    forms.put("global-rankings.dynamodb.json", DynamoTables.globalRankingsCreateTable());
    forms.put("player-profiles.dynamodb.json", DynamoTables.playerProfilesCreateTable());
    forms.put("player-ban.parquet.txt", PlayerBan.PARQUET_MESSAGE_TYPE);
    forms.put("player-ban.spark-ddl.txt", PlayerBan.SPARK_DDL + ", season STRING\n");
    return forms;
  }

  /** Writes every form into {@code dir}; returns the files written. */
  public static java.util.List<Path> writeTo(Path dir) throws IOException {
    Files.createDirectories(dir);
    java.util.List<Path> written = new java.util.ArrayList<>();
    for (Map.Entry<String, String> form : all().entrySet()) {
      Path file = dir.resolve(form.getKey());
      Files.writeString(file, form.getValue());
      written.add(file);
    }
    return written;
  }
}
