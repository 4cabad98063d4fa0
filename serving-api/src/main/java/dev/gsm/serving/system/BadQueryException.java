package dev.gsm.serving.system;

/** A read request the API cannot answer as asked (bad cursor, conflicting filters): 400. */
public final class BadQueryException extends RuntimeException {
  private final String parameter;

  public BadQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
