package dev.raftops.controller.queue;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.pass.PassReasons;
import dev.raftops.ports.driving.ReconcileOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller: workers that take cluster keys from a {@link WorkQueue}, reconcile them, and
 * queue them again as the outcome asks (a poll, a fallback after an awaited event, a backoff after
 * an error). Workers are the only threads; the reconcile itself is sequential.
 */
public final class ControllerLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerLoop.class);

    private final String name;
    private final WorkQueue<ClusterKey> queue;
    private final Function<ClusterKey, ReconcileOutcome> reconciler;
    private final List<Thread> workers = new ArrayList<>();
    private final Timer duration;
    private final Counter errors;
    private volatile boolean stopping;

    public ControllerLoop(String name, WorkQueue<ClusterKey> queue, Function<ClusterKey, ReconcileOutcome> reconciler,
            MeterRegistry registry) {
        this.name = Objects.requireNonNull(name);
        this.queue = Objects.requireNonNull(queue);
        this.reconciler = Objects.requireNonNull(reconciler);
        this.duration = Timer.builder("raftops_reconcile_duration").description("Duration of one reconcile pass")
                .tag("controller", name).publishPercentileHistogram().register(registry);
        this.errors = Counter.builder("raftops_reconcile_errors").description("Reconcile passes that failed")
                .tag("controller", name).register(registry);
        registry.gauge("raftops_queue_depth", io.micrometer.core.instrument.Tags.of("controller", name), queue,
                WorkQueue::depth);
    }

    public WorkQueue<ClusterKey> queue() {
        return queue;
    }

    public synchronized void start(int workerCount) {
        for (int i = 0; i < workerCount; i++) {
            Thread t = new Thread(this::work, "raftops-" + name + "-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
    }

    private void work() {
        while (!stopping) {
            ClusterKey key;
            try {
                key = queue.take(Duration.ofMillis(500)).orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                continue;
            }
            try {
                ReconcileOutcome outcome = duration.record(() -> reconcileSafely(key));
                requeue(key, outcome);
            } finally {
                queue.done(key);
            }
        }
    }

    private ReconcileOutcome reconcileSafely(ClusterKey key) {
        try {
            return reconciler.apply(key);
        } catch (RuntimeException e) {
            LOG.warn("controller={} cluster={} reconcile failed: {}", name, key, e.toString());
            return new ReconcileOutcome.Error(PassReasons.RECONCILE_ERROR, e.toString());
        }
    }

    private void requeue(ClusterKey key, ReconcileOutcome outcome) {
        if (outcome instanceof ReconcileOutcome.Error error) {
            errors.increment();
            Duration backoff = queue.addRateLimited(key);
            LOG.info("controller={} cluster={} reason={} retry_in={}ms message={}", name, key, error.reason(),
                    backoff.toMillis(), error.message());
            return;
        }
        queue.forget(key);
        outcome.callAgainIn().ifPresent(delay -> queue.addAfter(key, delay));
    }

    /** Stops taking work and waits for the passes in flight to finish. */
    @Override
    public void close() {
        stopping = true;
        queue.shutdown();
        for (Thread t : workers) {
            try {
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
