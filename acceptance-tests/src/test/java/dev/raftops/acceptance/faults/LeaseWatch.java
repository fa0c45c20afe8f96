package dev.raftops.acceptance.faults;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Samples the controllers' Lease every 100 ms and notes when it is held by a replica that runs no
 * process able to renew it (killed, paused) for longer than the Lease lasts plus {@code slack}:
 * a lock held by a dead holder beyond its expiry. Also keeps the holders in the order seen.
 */
final class LeaseWatch implements AutoCloseable {

    private final KubernetesClient client;
    private final String namespace;
    private final Function<String, ControllerSlot> slots;
    private final Duration slack;
    private final List<String> violations = new ArrayList<>();
    private final List<String> holders = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closing;

    LeaseWatch(KubernetesClient client, String namespace, Function<String, ControllerSlot> slots, Duration slack) {
        this.client = client;
        this.namespace = namespace;
        this.slots = slots;
        this.slack = slack;
        this.thread = new Thread(this::sample, "lease-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        while (!closing) {
            try {
                Thread.sleep(100);
                look(client.leases().inNamespace(namespace).withName(ProcessWorld.LEASE).get());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the API server is closing: the run is over
            }
        }
    }

    private void look(Lease lease) {
        if (lease == null || lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null
                || lease.getSpec().getHolderIdentity().isEmpty()) {
            return;
        }
        String holder = lease.getSpec().getHolderIdentity();
        synchronized (this) {
            if (holders.isEmpty() || !holders.get(holders.size() - 1).equals(holder)) {
                holders.add(holder);
            }
        }
        ControllerSlot slot = slots.apply(holder);
        if (slot == null || slot.running() || lease.getSpec().getRenewTime() == null) {
            return;
        }
        Instant renewed = lease.getSpec().getRenewTime().toInstant();
        Instant expired = renewed.plusSeconds(lease.getSpec().getLeaseDurationSeconds());
        Instant now = Instant.now();
        if (now.isAfter(expired.plus(slack))) {
            synchronized (this) {
                if (violations.isEmpty()) {
                    violations.add("the Lease is still held by " + holder + ", which runs no process, " + Duration
                            .between(expired, now).toMillis() + " ms after it expired (renewed " + renewed + ")");
                }
            }
        }
    }

    synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    synchronized List<String> holders() {
        return List.copyOf(holders);
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        thread.interrupt();
        thread.join(2000);
    }
}
