package dev.raftops.controller.lease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
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
    private final LeaderElector elector;
    private CompletableFuture<?> running;

    /**
     * @param leaseDuration whole seconds (a Lease stores seconds)
     */
    public LeaseLeadership(KubernetesClient client, String namespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod, Runnable onStart, Runnable onStop) {
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
                .withLock(new LeaseLock(namespace, leaseName, identity))
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

    public boolean leading() {
        return leading.get();
    }

    /** Stops competing and releases the Lease if held. */
    @Override
    public synchronized void close() {
        leading.set(false);
        if (running != null) {
            running.cancel(true);
        }
    }
}
