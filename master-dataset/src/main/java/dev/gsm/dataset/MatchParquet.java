package dev.gsm.dataset;

import dev.gsm.schema.SchemaForms;
import java.time.Instant;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** The Parquet file schema of the master dataset, parsed once from {@link SchemaForms}. */
public final class MatchParquet {

  /** Parsed from {@link SchemaForms#parquetMessageType()}: the one definition, never hand-kept. */
  public static final MessageType SCHEMA =
      MessageTypeParser.parseMessageType(SchemaForms.parquetMessageType());

  private MatchParquet() {}

  static long toMicros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant fromMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
