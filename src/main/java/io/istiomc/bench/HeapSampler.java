package io.istiomc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Peak used heap while a piece of work runs. Method: a {@code System.gc()} first (so that garbage of
 * earlier runs does not count), then a daemon thread samples {@link MemoryMXBean#getHeapMemoryUsage()}
 * every {@value #INTERVAL_MILLIS} ms; the peak is the largest sample, including the moment after the
 * work ends. Used heap includes garbage not yet collected, so the figure is what the program
 * needed under this JVM's collector and heap size, an upper bound on its live data. (Sampling was
 * chosen over the memory pools' peak usage: summing per-pool peaks adds maxima reached at different
 * moments and overstates the peak.)
 */
final class HeapSampler {
    static final long INTERVAL_MILLIS = 2;

    /** What the work returned and the peak heap it took. */
    record Measured<T>(T value, long peakBytes) {
    }

    private HeapSampler() {
    }

    static <T> Measured<T> measure(Supplier<T> work) {
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        var peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        var running = new java.util.concurrent.atomic.AtomicBoolean(true);
        var sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        T value;
        try {
            value = work.get();
        } finally {
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Measured<>(value, peak.get());
    }
}
