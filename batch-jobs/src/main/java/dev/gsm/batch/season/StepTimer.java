package dev.gsm.batch.season;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time of each named step of a run, in run order, for the manifest. */
public final class StepTimer {

  private final Map<String, Long> millis = new LinkedHashMap<>();

  public <T> T time(String step, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(step, (System.nanoTime() - start) / 1_000_000, Long::sum);
    }
  }

  public Map<String, Long> millis() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }
}
