package dev.raftops.controller.queue;

import dev.raftops.domain.opslifecycle.RetryTiming;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A rate-limited work queue of cluster keys, in the manner of Kubernetes controllers:
 * <ul>
 *   <li>a key is queued once however many times it is added; the earliest requested time wins;</li>
 *   <li>a key handed to a worker is not handed to another until {@link #done}; an add meanwhile
 *       marks it dirty and it comes back after {@code done} (so no event is lost);</li>
 *   <li>{@link #addRateLimited} backs off per key (base doubling to a cap); {@link #forget} resets it;</li>
 *   <li>{@link #add} (an event) is due at once and overrides a later poll.</li>
 * </ul>
 */
public final class WorkQueue<K extends Comparable<K>> {

    private record Entry<K extends Comparable<K>>(long dueNanos, long sequence, K key) implements Comparable<Entry<K>> {
        @Override
        public int compareTo(Entry<K> o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TreeSet<Entry<K>> waiting = new TreeSet<>();
    private final Map<K, Entry<K>> byKey = new HashMap<>();
    private final Set<K> processing = new HashSet<>();
    private final Map<K, Long> dirtyDue = new HashMap<>();
    private final Map<K, Integer> failures = new HashMap<>();
    private final RetryTiming timing;
    private long sequence;
    private boolean shutdown;

    /** @param timing its error backoff ({@link RetryTiming#errorBackoff}) paces {@link #addRateLimited} */
    public WorkQueue(RetryTiming timing) {
        this.timing = timing;
    }

    /** Queues {@code key} now (an event). */
    public void add(K key) {
        addAfter(key, Duration.ZERO);
    }

    /** Queues {@code key} after {@code delay}, unless it is already due sooner. */
    public void addAfter(K key, Duration delay) {
        long due = System.nanoTime() + Math.max(0, delay.toNanos());
        lock.lock();
        try {
            if (shutdown) {
                return;
            }
            if (processing.contains(key)) {
                dirtyDue.merge(key, due, Math::min);
                return;
            }
            Entry<K> existing = byKey.get(key);
            if (existing != null && existing.dueNanos() <= due) {
                return;
            }
            if (existing != null) {
                waiting.remove(existing);
            }
            enqueue(key, due);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code key} after its next backoff: base, doubling per consecutive failure, capped. */
    public Duration addRateLimited(K key) {
        Duration delay;
        lock.lock();
        try {
            int n = failures.merge(key, 1, Integer::sum);
            delay = timing.errorBackoff(n);
        } finally {
            lock.unlock();
        }
        addAfter(key, delay);
        return delay;
    }

    /** Resets the backoff of {@code key} (after a clean pass). */
    public void forget(K key) {
        lock.lock();
        try {
            failures.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits up to {@code timeout} for a due key that no worker holds, and hands it out; empty on
     * timeout or shutdown.
     */
    public Optional<K> take(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!shutdown) {
                long now = System.nanoTime();
                Entry<K> first = waiting.isEmpty() ? null : waiting.first();
                if (first != null && first.dueNanos() <= now) {
                    waiting.remove(first);
                    byKey.remove(first.key());
                    processing.add(first.key());
                    return Optional.of(first.key());
                }
                long wait = deadline - now;
                if (wait <= 0) {
                    return Optional.empty();
                }
                if (first != null) {
                    wait = Math.min(wait, first.dueNanos() - now);
                }
                changed.awaitNanos(Math.max(wait, TimeUnit.MICROSECONDS.toNanos(100)));
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** The worker finished {@code key}; an add that arrived meanwhile queues it again. */
    public void done(K key) {
        lock.lock();
        try {
            processing.remove(key);
            Long due = dirtyDue.remove(key);
            if (due != null && !shutdown) {
                enqueue(key, due);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Queues {@code key} due at {@code due} (nanoTime), after keys queued earlier for the same time; under the lock. */
    private void enqueue(K key, long due) {
        Entry<K> entry = new Entry<>(due, sequence++, key);
        waiting.add(entry);
        byKey.put(key, entry);
    }

    /** Keys waiting (due or not), not counting those being processed. */
    public int depth() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    public void shutdown() {
        lock.lock();
        try {
            shutdown = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isShutdown() {
        lock.lock();
        try {
            return shutdown;
        } finally {
            lock.unlock();
        }
    }
}
