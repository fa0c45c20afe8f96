package dev.raftops.controller.lease;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.function.LongSupplier;

/**
 * The Lease lock, remembering on this process's monotonic clock when its last successful
 * acquisition or renewal was sent. The time is taken before the request leaves, so it is never
 * later than the moment the API server stored it: a standby can only take the Lease a full Lease
 * duration after it saw that renewal, hence after this instant plus the duration. A process frozen
 * by SIGSTOP, a long GC pause or a stopped VM finds on waking that the monotonic clock moved on,
 * and knows at once that its renewal is too old, before the elector has even run again.
 */
final class TimedLeaseLock implements Lock {

    private final LeaseLock lease;
    private final LongSupplier nanos;
    private volatile long renewedAtNanos;
    private volatile boolean renewed;

    TimedLeaseLock(LeaseLock lease, LongSupplier nanos) {
        this.lease = lease;
        this.nanos = nanos;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
        return lease.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
        long sent = nanos.getAsLong();
        lease.create(client, record);
        stored(record, sent);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
        long sent = nanos.getAsLong();
        lease.update(client, record);
        stored(record, sent);
    }

    private void stored(LeaderElectionRecord record, long sent) {
        if (identity().equals(record.getHolderIdentity())) {
            renewedAtNanos = sent;
            renewed = true;
        } else {
            renewed = false; // released or handed over: no renewal of ours stands
        }
    }

    /** Whether this process's last renewal was sent less than {@code windowNanos} ago on the monotonic clock. */
    boolean renewedWithin(long windowNanos) {
        return renewed && nanos.getAsLong() - renewedAtNanos < windowNanos;
    }

    @Override
    public String identity() {
        return lease.identity();
    }

    @Override
    public String describe() {
        return lease.describe();
    }
}
