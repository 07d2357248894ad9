package io.versioned.bench.streaming;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap use of this JVM over a stretch of work, from the garbage collector's notifications: the heap in use only
 * grows between collections, so its peak is the largest use seen just before a collection (or at the end), and the
 * heap still in use just after a collection bounds what the work kept alive (plus old garbage a young collection
 * leaves). {@link #start()} and {@link #stop()} each collect garbage, so a stretch starts clean and its last
 * collection shows what the work left behind. Not thread-safe: one stretch at a time.
 */
final class HeapMeter {

    private static final long NOTIFICATION_WAIT_MILLIS = 2_000;

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final long collectionsBefore;
    private long notified;
    private long peak;
    private long afterCollection;

    /** Listens to the collectors' notifications from now on. */
    HeapMeter() {
        for (GarbageCollectorMXBean collector : collectors) {
            ((NotificationEmitter) collector).addNotificationListener(
                    (notification, handback) -> collected(notification), null, null);
        }
        collectionsBefore = collections();
    }

    /** Collects garbage and starts a new stretch. */
    void start() {
        System.gc();
        awaitNotifications();
        long used = used();
        synchronized (this) {
            peak = used;
            afterCollection = used;
        }
    }

    /** Ends the stretch with a collection and returns its heap use. */
    Usage stop() {
        long used = used();
        System.gc();
        awaitNotifications();
        synchronized (this) {
            return new Usage(Math.max(peak, used), afterCollection);
        }
    }

    private void collected(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
        long before = heap(info.getMemoryUsageBeforeGc());
        long after = heap(info.getMemoryUsageAfterGc());
        synchronized (this) {
            peak = Math.max(peak, before);
            afterCollection = Math.max(afterCollection, after);
            notified++;
        }
    }

    /** Waits (briefly) until every collection so far has been notified: notifications come on another thread. */
    private void awaitNotifications() {
        long expected = collections() - collectionsBefore;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NOTIFICATION_WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            synchronized (this) {
                if (notified >= expected) {
                    return;
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private long collections() {
        return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private long heap(Map<String, MemoryUsage> pools) {
        return pools.entrySet().stream().filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The heap use of a stretch, in bytes.
     *
     * @param peak            the most heap in use at any one time
     * @param afterCollection the most heap still in use just after a collection
     */
    record Usage(long peak, long afterCollection) {
    }
}
