package dev.gsm.orchestration.publish;

/** The version asked for cannot be published: no manifest, or data that does not match it. */
public final class PublishRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PublishRefused(String message) {
    super(message);
  }

  public PublishRefused(String message, Throwable cause) {
    super(message, cause);
  }
}
