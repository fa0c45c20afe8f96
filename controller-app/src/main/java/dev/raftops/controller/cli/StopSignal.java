package dev.raftops.controller.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What ends {@code raftops run}: a stop asked for by the system (SIGTERM from the kubelet, SIGINT
 * from a terminal: the JVM's shutdown) or a lost Lease. On a signal the JVM would halt as soon as its
 * shutdown hooks return, with 128 + the signal as exit code; this hook first waits until the
 * controller stopped (passes in flight finished, Lease released), at most {@code grace}, then halts
 * with 0: a stop on request is a clean exit.
 */
final class StopSignal implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean requested;
    private volatile boolean leaseLost;

    StopSignal(Duration grace) {
        hook = new Thread(() -> {
            requested = true;
            stop.countDown();
            try {
                if (stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    Runtime.getRuntime().halt(0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "raftops-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The Lease was lost (or released because a stop was asked for: then it is no loss). */
    void leaseLost() {
        if (!requested) {
            leaseLost = true;
        }
        stop.countDown();
    }

    /** Blocks until a signal or a lost Lease. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Whether the run ended because the Lease was lost rather than on request. */
    boolean leaseWasLost() {
        return leaseLost && !requested;
    }

    /** The controller has stopped: a shutdown under way may halt the JVM now; otherwise the hook goes. */
    @Override
    public void close() {
        stopped.countDown();
        if (!requested) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownUnderWay) {
                // the hook runs and halts once it sees the count above
            }
        }
    }
}
