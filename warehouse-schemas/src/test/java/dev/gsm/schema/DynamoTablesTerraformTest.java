package dev.gsm.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Terraform table and the generated create-table document describe the same table. */
class DynamoTablesTerraformTest {

  @Test
  void terraformTableHasTheKeysAndIndexOfTheSchema() throws Exception {
    inStep(DynamoTables.globalRankingsCreateTable());
  }

  @Test
  void terraformPlayerProfilesHasTheKeysAndIndexOfTheSchema() throws Exception {
    inStep(DynamoTables.playerProfilesCreateTable());
  }

  /** Compares a create-table document with the Terraform resource block of the same name. */
  private static void inStep(String document) throws Exception {
    String all = Files.readString(Path.of("..", "terraform", "dynamodb.tf"));
    JsonNode table = MatchJson.MAPPER.readTree(document);
    int at = all.indexOf("name         = \"" + table.get("TableName").asText() + "\"");
    assertThat(at).as("terraform resource for " + table.get("TableName")).isPositive();
    int start = all.lastIndexOf("resource \"aws_dynamodb_table\"", at);
    int end = all.indexOf("\nresource ", at);
    String tf = all.substring(start, end < 0 ? all.length() : end);

    assertThat(value(tf, "name")).isEqualTo(table.get("TableName").asText());
    assertThat(value(tf, "hash_key")).isEqualTo(keyOf(table.get("KeySchema"), "HASH"));
    assertThat(value(tf, "range_key")).isEqualTo(keyOf(table.get("KeySchema"), "RANGE"));

    for (JsonNode attr : table.get("AttributeDefinitions")) {
      assertThat(tf)
          .containsPattern(
              "attribute \\{\\s*name = \""
                  + attr.get("AttributeName").asText()
                  + "\"\\s*type = \""
                  + attr.get("AttributeType").asText()
                  + "\"");
    }
    JsonNode gsi = table.get("GlobalSecondaryIndexes").get(0);
    String gsiBlock = tf.substring(tf.indexOf("global_secondary_index"));
    assertThat(value(gsiBlock, "name")).isEqualTo(gsi.get("IndexName").asText());
    assertThat(value(gsiBlock, "hash_key")).isEqualTo(keyOf(gsi.get("KeySchema"), "HASH"));
    assertThat(value(gsiBlock, "range_key")).isEqualTo(keyOf(gsi.get("KeySchema"), "RANGE"));
  }

  private static String keyOf(JsonNode keySchema, String type) {
    for (JsonNode k : keySchema) {
      if (k.get("KeyType").asText().equals(type)) {
        return k.get("AttributeName").asText();
      }
    }
    throw new AssertionError("no " + type + " key");
  }

  private static String value(String hcl, String key) {
    Matcher m = Pattern.compile("(?m)^\\s*" + key + "\\s*=\\s*\"([^\"]+)\"").matcher(hcl);
    assertThat(m.find()).as(key + " in terraform").isTrue();
    return m.group(1);
  }
}
