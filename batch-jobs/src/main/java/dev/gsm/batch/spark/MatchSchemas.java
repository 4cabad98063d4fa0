package dev.gsm.batch.spark;

import dev.gsm.schema.SchemaForms;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Spark form of the match schema, from warehouse-schemas' one definition. */
public final class MatchSchemas {

  private static final StructType MATCH = StructType.fromDDL(SchemaForms.sparkDdl());

  private MatchSchemas() {}

  /**
   * A master-dataset row, partition columns ({@code season}, {@code date}) last. Spark reads files
   * with every column nullable whatever the DDL says, so code on these rows expects nulls.
   */
  public static StructType match() {
    return MATCH;
  }

  /** {@code type} with every field and element nullable: the schema for writing dirty rows. */
  public static StructType nullable(StructType type) {
    StructField[] fields = new StructField[type.fields().length];
    for (int i = 0; i < fields.length; i++) {
      StructField f = type.fields()[i];
      fields[i] = new StructField(f.name(), nullable(f.dataType()), true, f.metadata());
    }
    return new StructType(fields);
  }

  private static DataType nullable(DataType type) {
    if (type instanceof StructType s) {
      return nullable(s);
    }
    if (type instanceof ArrayType a) {
      return DataTypes.createArrayType(nullable(a.elementType()), true);
    }
    if (type instanceof MapType m) {
      return DataTypes.createMapType(m.keyType(), nullable(m.valueType()), true);
    }
    return type;
  }
}
