package dev.gsm.serving.ingest;

/** A request over the documented size limit (bytes or matches per request). */
public final class PayloadTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long limit;

  PayloadTooLargeException(String message, long limit) {
    super(message);
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
