package dev.gsm.realtime;

/**
 * One generation of the real-time view: a batch view version loaded into keys of its own, plus the
 * speed layer's matches after its watermark.
 *
 * @param id the generation number (keys {@code <prefix>g<id>:...})
 * @param state where it is in its life
 * @param version the batch view version it was loaded from ({@code ""} for the empty first one)
 * @param watermark the batch view's watermark L: it covers every log offset {@code <= L}
 * @param applied the applied-through marker: every offset {@code <= applied} is in it
 */
public record Generation(long id, State state, String version, long watermark, long applied) {

  public enum State {
    /** Being written by the publish step; invisible to readers and the speed layer. */
    LOADING,
    /** Complete; the speed layer replays the log after the watermark into it, then switches. */
    READY,
    /** What readers read. */
    LIVE,
    /** Replaced; its keys are being dropped. */
    RETIRED;

    static State parse(String s) {
      return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }

    String redisName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
