package dev.gsm.dataset;

import dev.gsm.schema.MatchEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Runs a {@link MatchDatasetWriter} on its own thread, fed through a small bounded queue of
 * batches, so that a producer (the generator, an importer) and Parquet encoding use two cores.
 * Order is kept: one consumer thread writes batches in the order they were queued, so the files are
 * the same as with the writer used directly. A failure on the writer thread is rethrown to the
 * producer at its next {@link #accept} or at {@link #close()}; the uncommitted files are dropped.
 */
public final class BackgroundWriter implements Consumer<MatchEvent>, AutoCloseable {

  private static final int BATCH = 2048;
  private static final List<MatchEvent> END = List.of();

  private final MatchDatasetWriter writer;
  private final BlockingQueue<List<MatchEvent>> queue = new ArrayBlockingQueue<>(16);
  private final Thread thread;
  private volatile Throwable failure;
  private List<MatchEvent> batch = new ArrayList<>(BATCH);
  private boolean closed;

  public BackgroundWriter(MatchDatasetWriter writer) {
    this.writer = writer;
    this.thread = new Thread(this::drain, "dataset-writer-" + writer.writerId());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void accept(MatchEvent e) {
    batch.add(e);
    if (batch.size() == BATCH) {
      put(batch);
      batch = new ArrayList<>(BATCH);
    }
  }

  /** Writes what is queued, commits every file and stops the thread. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (!batch.isEmpty()) {
      put(batch);
    }
    put(END);
    join();
    rethrow();
  }

  /** Stops the thread and drops every uncommitted file. */
  public void abort() {
    closed = true;
    thread.interrupt();
    join();
    writer.abort();
  }

  public MatchDatasetWriter.Summary summary() {
    return writer.summary();
  }

  private void put(List<MatchEvent> b) {
    rethrow();
    try {
      while (!queue.offer(b, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        rethrow();
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while queueing matches", ex);
    }
  }

  private void drain() {
    try {
      while (true) {
        List<MatchEvent> b = queue.take();
        if (b == END) {
          writer.close();
          return;
        }
        for (MatchEvent e : b) {
          writer.write(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      failure = t;
      writer.abort();
    }
  }

  private void join() {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the writer", e);
    }
  }

  private void rethrow() {
    Throwable t = failure;
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
