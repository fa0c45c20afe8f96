package dev.raftops.controller;

import dev.raftops.controller.http.OpsEndpoints;
import dev.raftops.controller.lease.LeaderFence;
import dev.raftops.controller.lease.LeaseLeadership;
import dev.raftops.controller.lease.WireFence;
import dev.raftops.controller.metrics.DayTwoMetrics;
import dev.raftops.controller.metrics.MeteredStatusPort;
import dev.raftops.controller.queue.ControllerLoop;
import dev.raftops.controller.queue.WorkQueue;
import dev.raftops.controller.watch.ClusterInformers;
import dev.raftops.controller.watch.OwnStatusWrites;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.MemberProbe;
import dev.raftops.ports.driven.RestorePort;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driving.ReconcileOutcome;
import dev.raftops.ports.service.AdminOpsService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running controller: informers feed two work queues (workload repair and Day-2 admin
 * operations, so a long operation never delays repair), each drained by its own loop, and a third
 * ({@link RestoreLoop}) for {@code RaftRestore}s; a Lease
 * decides which replica runs the loops; every write of either loop goes through the leadership
 * fence, checked right before the write (the Day-2 loop's ports are {@link LeaderFence}d, the
 * workload reconciler is handed the same test), so a pass in flight when the Lease is lost writes
 * nothing more (docs/decisions/leadership-fence-every-write.md).
 */
public final class ControllerRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);

    /**
     * The driven ports and the workload reconciler, built on the same client.
     *
     * @param members the pods' Raft state from their API; null reads every cluster from labels (the sandbox only)
     * @param restores the {@code RaftRestore}s; null runs no restore loop
     */
    public record Wiring(StatusPort status, ClusterObserver observer, MemberProbe members, WorkloadPort workload,
            JobPort jobs, EventPort events, WorkloadReconciler workloadReconciler, RestorePort restores) {

        /** A wiring without restores. */
        public Wiring(StatusPort status, ClusterObserver observer, MemberProbe members, WorkloadPort workload,
                JobPort jobs, EventPort events, WorkloadReconciler workloadReconciler) {
            this(status, observer, members, workload, jobs, events, workloadReconciler, null);
        }
    }

    /** One workload pass for a cluster; it asks {@code mayWrite} right before each of its writes. */
    @FunctionalInterface
    public interface WorkloadReconciler {
        ReconcileOutcome reconcile(ClusterKey cluster, BooleanSupplier mayWrite);
    }

    private final KubernetesClient client;
    /** The client every loop writes with: {@code client} itself, or behind the {@link WireFence} when a Lease decides. */
    private final KubernetesClient writes;
    private final ControllerSettings settings;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<ClusterInformers> informers = new ArrayList<>();
    private final List<OpsEndpoints> endpoints = new ArrayList<>();
    private final ControllerLoop workloadLoop;
    private final ControllerLoop adminLoop;
    private final RestoreLoop restoreLoop;
    private final LeaseLeadership leadership;
    private final OwnStatusWrites ownWrites;
    private volatile boolean loopsRunning;
    private volatile Runnable onLeadershipLost = () -> { };

    public ControllerRuntime(KubernetesClient client, ControllerSettings settings,
            BiFunction<KubernetesClient, Clock, Wiring> wiringFactory, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.leadership = settings.leaderElection()
                ? new LeaseLeadership(client, settings.leaseNamespace(), "raftops-controller", settings.identity(),
                        settings.leaseDuration(), settings.renewDeadline(), settings.retryPeriod(), this::startLoops,
                        this::leadershipLost)
                : null;
        BooleanSupplier leading = leadership == null ? () -> true : leadership::leading;
        this.writes = leadership == null ? client : WireFence.around(client, leading);
        Wiring wiring = wiringFactory.apply(writes, clock);
        DayTwoMetrics metrics = new DayTwoMetrics(registry);
        this.ownWrites = new OwnStatusWrites(new MeteredStatusPort(wiring.status(), metrics, clock));
        LeaderFence fence = new LeaderFence(leading, ownWrites, wiring.workload(), wiring.jobs(), wiring.events());
        AdminOpsService service = new AdminOpsService(fence, wiring.observer(), wiring.members(), fence, fence, fence,
                clock, new SecureRandom(), RetryTiming.defaults(), AdminOpsService.standardFamilies());
        Function<ClusterKey, ReconcileOutcome> workload = key -> wiring.workloadReconciler().reconcile(key, leading);
        this.workloadLoop = new ControllerLoop("workload", queue(), workload, registry);
        this.adminLoop = new ControllerLoop("adminops", queue(), service::reconcile, registry);
        this.restoreLoop = new RestoreLoop(wiring, leading, clock, metrics, registry, service::writeAsOwn);
    }

    private static WorkQueue<ClusterKey> queue() {
        return new WorkQueue<>(RetryTiming.defaults());
    }

    /** Starts informers and endpoints, then competes for the Lease (or runs the loops at once). */
    public void start() throws IOException {
        List<String> namespaces = settings.namespaces().isEmpty() ? java.util.Collections.singletonList(null)
                : settings.namespaces();
        for (String namespace : namespaces) {
            informers.add(new ClusterInformers(client, namespace, this::clusterChanged, this::statefulSetChanged,
                    this::podOrJobChanged));
            restoreLoop.watch(client, namespace);
        }
        endpoints.add(new OpsEndpoints(new InetSocketAddress(settings.bindAddress(), settings.healthPort()), this::ready,
                registry::scrape));
        if (settings.metricsPort() != settings.healthPort()) {
            endpoints.add(new OpsEndpoints(new InetSocketAddress(settings.bindAddress(), settings.metricsPort()),
                    this::ready, registry::scrape));
        }
        if (leadership == null) {
            startLoops();
        } else {
            leadership.start();
        }
    }

    private void podOrJobChanged(ClusterKey key) {
        adminLoop.queue().add(key);
        restoreLoop.clusterChanged(key);
    }

    /** The workload loop compares the StatefulSet's spec and metadata, never its status. */
    private void statefulSetChanged(ClusterKey key, ClusterInformers.StatefulSetChange change) {
        if (change == ClusterInformers.StatefulSetChange.OBJECT) {
            workloadLoop.queue().add(key);
        }
        adminLoop.queue().add(key);
    }

    /** The admin loop is not woken by the echo of its own status write; the workload loop renders from the status too. */
    private void clusterChanged(ClusterKey key, String resourceVersion) {
        workloadLoop.queue().add(key);
        if (!ownWrites.echo(key, resourceVersion)) {
            adminLoop.queue().add(key);
        }
        restoreLoop.clusterChanged(key); // the admin loop's own writes move the roll a restore follows
    }

    /** Informers synced; a standby replica is ready too (it serves and waits for the Lease). */
    public boolean ready() {
        return informers.stream().allMatch(ClusterInformers::synced) && restoreLoop.synced();
    }

    public boolean leading() {
        return leadership == null || leadership.leading();
    }

    private synchronized void startLoops() {
        if (loopsRunning) {
            return;
        }
        loopsRunning = true;
        workloadLoop.start(settings.workers());
        adminLoop.start(settings.workers());
        restoreLoop.start(1);
        informers.forEach(i -> i.clusters().forEach(key -> {
            workloadLoop.queue().add(key);
            adminLoop.queue().add(key);
        }));
        LOG.info("identity={} controllers started", settings.identity());
    }

    /**
     * What to do once this replica lost the Lease and its loops stopped; the CLI exits so the pod
     * restarts as a clean standby (loops are not restarted in the same process).
     */
    public void onLeadershipLost(Runnable action) {
        this.onLeadershipLost = Objects.requireNonNull(action);
    }

    private void leadershipLost() {
        stopLoops();
        onLeadershipLost.run();
    }

    private synchronized void stopLoops() {
        if (!loopsRunning) {
            return;
        }
        loopsRunning = false;
        adminLoop.close();
        workloadLoop.close();
        restoreLoop.stop();
        LOG.info("identity={} controllers stopped", settings.identity());
    }

    public int healthPort() {
        return endpoints.get(0).port();
    }

    /** The addresses the health and metrics endpoints listen on (one when they share a port). */
    public List<InetSocketAddress> endpointAddresses() {
        return endpoints.stream().map(OpsEndpoints::address).toList();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Stops working, as far as the cluster can tell, like a killed process (fault injection): the
     * loops stop after the passes in flight and the Lease is no longer renewed. The informers' watches
     * stay open until {@link #close()}: closing a watch while the embedded API server is sending on it
     * stalls that server for seconds (docs/decisions/controller-faults.md).
     */
    public void halt() {
        stopLoops();
        if (leadership != null) {
            leadership.abandon();
        }
    }

    /** Graceful shutdown: stop taking work, finish the passes in flight, release the Lease. */
    @Override
    public void close() {
        stopLoops();
        if (leadership != null) {
            leadership.close();
        }
        informers.forEach(ClusterInformers::close);
        restoreLoop.close();
        endpoints.forEach(OpsEndpoints::close);
        if (writes != client) {
            writes.close();
        }
    }
}
