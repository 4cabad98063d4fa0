package dev.gsm.serving.system;

/** Something a request names does not exist (player, season, board): 404 problem details. */
public final class NotFoundException extends RuntimeException {
  private final String kind;

  public NotFoundException(String kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** What was not found, e.g. {@code player}: the problem type's last segment. */
  public String kind() {
    return kind;
  }
}
