package dev.gsm.batch.cli;

import dev.gsm.schema.GeneratedForms;
import dev.gsm.schema.SchemaForms;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the match schema in one of its forms, or refreshes the checked-in copies.",
      "Forms: json-schema, parquet, spark-ddl, athena, spark-sql, dynamodb."
    })
final class SchemaCommand implements Callable<Integer> {

  @Option(
      names = "--form",
      defaultValue = "json-schema",
      description = "Form to print (default: ${DEFAULT-VALUE}).")
  String form;

  @Option(
      names = "--location",
      defaultValue = GeneratedForms.ATHENA_LOCATION,
      description = "Data location for the DDL forms (default: ${DEFAULT-VALUE}).")
  String location;

  @Option(names = "--write", description = "Write every form into --dir instead of printing one.")
  boolean write;

  @Option(
      names = "--dir",
      defaultValue = "warehouse-schemas/generated",
      description = "Directory for --write (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    if (write) {
      for (Path p : GeneratedForms.writeTo(dir)) {
        System.out.println("wrote " + p);
      }
      return 0;
    }
    String text =
        switch (form) {
          case "json-schema" -> SchemaForms.jsonSchema();
          case "parquet" -> SchemaForms.parquetMessageType();
          case "spark-ddl" -> SchemaForms.sparkDdl() + "\n";
          case "athena" -> SchemaForms.athenaDdl("gsm", location);
          case "spark-sql" -> SchemaForms.sparkSqlDdl(location);
          case "dynamodb" -> dev.gsm.schema.DynamoTables.globalRankingsCreateTable();
          default ->
              throw new IllegalArgumentException(
                  "unknown form '"
                      + form
                      + "': use json-schema, parquet, spark-ddl, athena, spark-sql or dynamodb");
        };
    System.out.print(text);
    return 0;
  }
}
