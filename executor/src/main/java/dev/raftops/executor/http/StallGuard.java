package dev.raftops.executor.http;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A read timeout for a streamed body, which the JDK's HTTP client does not have: when no byte has
 * arrived for {@code idle}, or the deadline has passed, the reading thread is interrupted, which
 * ends its blocked read with an IOException (the stream then counts as broken off).
 */
public final class StallGuard implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "stall-guard");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean fired;

    private StallGuard(Thread reader, LongSupplier progress, Duration idle, Deadline deadline) {
        long[] last = {progress.getAsLong(), System.nanoTime()};
        timer.scheduleAtFixedRate(() -> {
            long now = progress.getAsLong();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            } else if (System.nanoTime() - last[1] > idle.toNanos() || deadline.passed()) {
                fired = true;
                reader.interrupt();
                timer.shutdown();
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Watches the calling thread's reads of a stream whose byte count is {@code progress}. */
    public static StallGuard watch(LongSupplier progress, Duration idle, Deadline deadline) {
        return new StallGuard(Thread.currentThread(), progress, idle, deadline);
    }

    public boolean fired() {
        return fired;
    }

    /** Stops watching and clears an interrupt it caused, so later calls (an abort) are not refused. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (fired) {
            Thread.interrupted();
        }
    }
}
