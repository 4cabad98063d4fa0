package dev.gsm.orchestration.publish;

import java.util.function.Supplier;
import org.springframework.batch.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * A chunked step's reader over a view version's rows in file order; its position is saved with
 * every chunk, so a restarted step continues after the last committed chunk.
 */
final class ViewRows<T> extends AbstractItemCountingItemStreamItemReader<T> {
  private final Supplier<ViewFiles<T>> open;
  private ViewFiles<T> files;

  ViewRows(String name, Supplier<ViewFiles<T>> open) {
    this.open = open;
    setName(name);
  }

  @Override
  protected void doOpen() {
    files = open.get();
  }

  @Override
  protected T doRead() {
    return files.read();
  }

  @Override
  protected void doClose() {
    if (files != null) {
      files.close();
    }
  }
}
