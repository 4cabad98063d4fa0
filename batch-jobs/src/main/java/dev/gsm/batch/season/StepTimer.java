package dev.gsm.batch.season;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall time of each named step of a run, in run order, for the manifest. Each step also reports its
 * wall and process CPU time on stderr as it ends (progress, and a figure that a loaded machine does
 * not swing as much as wall time: local Spark's executors are threads of this process).
 */
public final class StepTimer {

  private final Map<String, Long> millis = new LinkedHashMap<>();

  public <T> T time(String step, Supplier<T> work) {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    try {
      return work.get();
    } finally {
      long wall = (System.nanoTime() - start) / 1_000_000;
      millis.merge(step, wall, Long::sum);
      long cpuEnd = processCpuNanos();
      if (cpuStart >= 0 && cpuEnd >= 0) {
        System.err.printf(
            "  step %-20s %9.1f s wall %9.1f s CPU%n",
            step, wall / 1000.0, (cpuEnd - cpuStart) / 1e9);
      }
    }
  }

  public Map<String, Long> millis() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(millis));
  }

  /** CPU time of every thread of this JVM, or -1 where the platform does not say. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
