package io.istiomc.bench;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The heap a piece of work takes, two ways.
 *
 * <ul>
 *   <li>Peak used heap (the reported figure): a {@code System.gc()} first, so that garbage of earlier
 *       runs does not count, then a daemon thread samples {@link MemoryMXBean#getHeapMemoryUsage()}
 *       every {@value #INTERVAL_MILLIS} ms; the peak is the largest sample. Used heap includes
 *       garbage not yet collected, so it depends on the collector and the heap size: with a large
 *       maximum heap, G1 lets the young generation grow before it collects. (Sampling was chosen
 *       over the memory pools' peak usage, whose per-pool maxima, reached at different moments,
 *       would add up to more than the heap ever held.)</li>
 *   <li>Peak heap after GC: the largest heap occupancy right after a collection during the work,
 *       from the collectors' notifications; close to the live data, i.e. what the work needs
 *       at least. 0 when no collection ran.</li>
 * </ul>
 */
final class HeapSampler {
    static final long INTERVAL_MILLIS = 2;

    /** What the work returned, its wall time (without the GC before it) and the heap it took, in bytes. */
    record Measured<T>(T value, long elapsedNanos, long peakUsedBytes, long peakAfterGcBytes) {
    }

    private HeapSampler() {
    }

    static <T> Measured<T> measure(Supplier<T> work) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        var peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        var afterGc = new AtomicLong();
        var running = new AtomicBoolean(true);
        var listeners = listenAfterGc(afterGc);
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
        long start = System.nanoTime();
        long elapsed;
        try {
            value = work.get();
        } finally {
            elapsed = System.nanoTime() - start;
            running.set(false);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listeners.forEach(Runnable::run);
        }
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        return new Measured<>(value, elapsed, peak.get(), afterGc.get());
    }

    /** Subscribes to every collector; returns what unsubscribes. */
    private static java.util.List<Runnable> listenAfterGc(AtomicLong afterGc) {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        NotificationListener listener = (Notification notification, Object handback) -> {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
            afterGc.accumulateAndGet(used, Math::max);
        };
        var unsubscribe = new ArrayList<Runnable>();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            }
        }
        return unsubscribe;
    }
}
