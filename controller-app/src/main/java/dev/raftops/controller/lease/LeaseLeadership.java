package dev.raftops.controller.lease;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election on a {@code coordination.k8s.io/v1} Lease. Only the holder runs the controllers:
 * {@link #leading()} turns false before {@code onStop} runs, so the write fence
 * ({@link LeaderFence}) refuses writes from the moment leadership is lost.
 */
public final class LeaseLeadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseLeadership.class);

    private final AtomicBoolean leading = new AtomicBoolean();
    private final TimedLeaseLock lock;
    private final long renewDeadlineNanos;
    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final LeaderElector elector;
    private CompletableFuture<?> running;

    /**
     * @param leaseDuration whole seconds (a Lease stores seconds)
     */
    public LeaseLeadership(KubernetesClient client, String namespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, Runnable onStart, Runnable onStop) {
        this(client, namespace, leaseName, identity, leaseDuration, renewDeadline, retryPeriod, onStart, onStop,
                System::nanoTime);
    }

    /** As the public constructor, with the monotonic clock the fence reads ({@link System#nanoTime()} in production). */
    LeaseLeadership(KubernetesClient client, String namespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, Runnable onStart, Runnable onStop,
            LongSupplier nanos) {
        this.client = client;
        this.lock = new TimedLeaseLock(new LeaseLock(namespace, leaseName, identity), nanos);
        this.renewDeadlineNanos = renewDeadline.toNanos();
        this.namespace = namespace;
        this.leaseName = leaseName;
        this.identity = identity;
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> {
                    leading.set(true);
                    LOG.info("lease={} identity={} leading", leaseName, identity);
                    onStart.run();
                },
                () -> {
                    leading.set(false);
                    LOG.info("lease={} identity={} stopped leading", leaseName, identity);
                    onStop.run();
                },
                newLeader -> LOG.info("lease={} leader={}", leaseName, newLeader));
        elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(lock)
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(callbacks)
                .build()).build();
    }

    public synchronized void start() {
        running = elector.start();
    }

    /**
     * Whether this replica leads now: the elector says so and its last renewal was sent within the
     * renew deadline on the monotonic clock. The second half is the fence of a process that was frozen
     * (SIGSTOP, a long GC pause) for longer than the Lease: on waking, its threads go on where they
     * stood and the elector has not yet noticed the Lease is gone, but the clock has moved, so every
     * write is refused from the first instant, not from the elector's next round.
     */
    public boolean leading() {
        return leading.get() && lock.renewedWithin(renewDeadlineNanos);
    }

    /**
     * Stops competing and releases the Lease if this replica still holds it, so a standby takes over
     * at once instead of after the Lease duration: the holder is cleared and the duration set to one
     * second, conditioned on the resourceVersion just read (a Lease someone else renewed is left alone).
     */
    @Override
    public synchronized void close() {
        abandon();
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(leaseName).get();
            if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            client.leases().inNamespace(namespace).resource(lease).update();
            LOG.info("lease={} identity={} released", leaseName, identity);
        } catch (KubernetesClientException e) {
            LOG.info("lease={} identity={} not released ({}); it expires on its own", leaseName, identity,
                    e.getMessage());
        }
    }

    /** Stops competing and renewing without releasing, as a killed process would (fault injection). */
    public synchronized void abandon() {
        leading.set(false);
        if (running != null) {
            running.cancel(true);
        }
    }
}
