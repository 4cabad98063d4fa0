package dev.gsm.core.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A terminal progress bar for long commands. Redraws at most every 200 ms so that a tight loop can
 * call {@link #step} for every item; prints a plain line per redraw when the output is not a
 * terminal (CI logs), and nothing at all when {@code quiet}.
 */
public final class ProgressBar implements AutoCloseable {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final boolean interactive;
  private final boolean quiet;
  private final long startNanos;
  private long done;
  private long lastDrawNanos;

  public ProgressBar(PrintStream out, String label, long total, boolean quiet) {
    this.out = out;
    this.label = label;
    this.total = Math.max(total, 0);
    this.interactive = System.console() != null;
    this.quiet = quiet;
    this.startNanos = System.nanoTime();
    this.lastDrawNanos = startNanos - REDRAW_NANOS;
  }

  public static ProgressBar stderr(String label, long total) {
    return new ProgressBar(System.err, label, total, false);
  }

  public void step() {
    step(1);
  }

  public void step(long n) {
    done += n;
    long now = System.nanoTime();
    if (now - lastDrawNanos >= (interactive ? REDRAW_NANOS : 5 * 1_000_000_000L)) {
      lastDrawNanos = now;
      draw(now, false);
    }
  }

  public long done() {
    return done;
  }

  public double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  @Override
  public void close() {
    draw(System.nanoTime(), true);
  }

  private void draw(long now, boolean last) {
    if (quiet) {
      return;
    }
    double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
    double fraction = total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = done / seconds;
    String eta =
        total == 0 || done == 0 || last
            ? ""
            : String.format(Locale.ROOT, " eta %.0fs", (total - done) / Math.max(rate, 1e-9));
    String line =
        String.format(
            Locale.ROOT,
            "%s [%s%s] %d/%d %3.0f%% %.0f/s %.1fs%s",
            label,
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            done,
            total,
            fraction * 100,
            rate,
            seconds,
            eta);
    if (interactive) {
      out.print("\r" + line + (last ? System.lineSeparator() : ""));
    } else {
      out.println(line);
    }
    out.flush();
  }
}
