package dev.raftops.controller;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link ControllerRuntime} is configured with.
 *
 * @param leaseDuration how long a holder's Lease lasts without renewal (whole seconds, at least 2): a
 *        standby takes over at most this long (plus one retry period) after the holder stopped renewing
 * @param bindAddress the address the health and metrics ports listen on, null for every interface
 */
public record ControllerSettings(List<String> namespaces, boolean leaderElection, String identity,
        String leaseNamespace, int healthPort, int metricsPort, int workers, Duration leaseDuration, InetAddress bindAddress) {

    /** How long a Lease lasts unless configured: the Kubernetes components' own default. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);

    public ControllerSettings {
        namespaces = List.copyOf(namespaces);
        Objects.requireNonNull(identity, "identity");
        if (leaseDuration.toMillis() % 1000 != 0 || leaseDuration.getSeconds() < 2) {
            throw new IllegalArgumentException("lease duration must be whole seconds, at least 2: " + leaseDuration);
        }
    }

    /** With the default Lease duration, health and metrics on every interface, as in a pod. */
    public ControllerSettings(List<String> namespaces, boolean leaderElection, String identity, String leaseNamespace,
            int healthPort, int metricsPort, int workers) {
        this(namespaces, leaderElection, identity, leaseNamespace, healthPort, metricsPort, workers,
                DEFAULT_LEASE_DURATION, null);
    }

    /** With this Lease duration, health and metrics on every interface, as in a pod. */
    public ControllerSettings(List<String> namespaces, boolean leaderElection, String identity, String leaseNamespace,
            int healthPort, int metricsPort, int workers, Duration leaseDuration) {
        this(namespaces, leaderElection, identity, leaseNamespace, healthPort, metricsPort, workers,
                leaseDuration, null);
    }

    /** With the default Lease duration, health and metrics only on {@code bindAddress}. */
    public ControllerSettings(List<String> namespaces, boolean leaderElection, String identity, String leaseNamespace,
            int healthPort, int metricsPort, int workers, InetAddress bindAddress) {
        this(namespaces, leaderElection, identity, leaseNamespace, healthPort, metricsPort, workers,
                DEFAULT_LEASE_DURATION, bindAddress);
    }

    /** A holder that could not renew for this long stops acting: two thirds of the Lease (10 s of 15 s). */
    public Duration renewDeadline() {
        return leaseDuration.multipliedBy(2).dividedBy(3);
    }

    /** How often the holder renews and a standby tries: two fifteenths of the Lease (2 s of 15 s). */
    public Duration retryPeriod() {
        return leaseDuration.multipliedBy(2).dividedBy(15);
    }
}
