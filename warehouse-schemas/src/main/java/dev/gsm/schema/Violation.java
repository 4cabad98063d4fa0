package dev.gsm.schema;

/**
 * One problem with one field of a record.
 *
 * @param field the path of the field, e.g. {@code sides[1].players[0].player_id}; empty for the
 *     whole record
 * @param message what is wrong, in words a game-server developer can act on
 */
public record Violation(String field, String message) {
  @Override
  public String toString() {
    return field.isEmpty() ? message : field + ": " + message;
  }
}
