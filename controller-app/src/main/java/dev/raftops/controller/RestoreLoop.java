package dev.raftops.controller;

import dev.raftops.controller.lease.FencedRestorePort;
import dev.raftops.controller.lease.LeaderFence;
import dev.raftops.controller.metrics.DayTwoMetrics;
import dev.raftops.controller.metrics.MeteredRestorePort;
import dev.raftops.controller.metrics.MeteredStatusPort;
import dev.raftops.controller.queue.ControllerLoop;
import dev.raftops.controller.queue.WorkQueue;
import dev.raftops.controller.watch.RestoreInformers;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.ports.service.RestoreService;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The third loop: {@code RaftRestore}s, each key a restore's namespace and name, reconciled by the
 * {@link RestoreService}. Its cluster writes go through a fence of their own, not through the admin
 * loop's echo filter: the lock a restore takes and the roll it asks for must wake the admin loop.
 * A change of a cluster or of its pods and Jobs wakes the restores that name it. A wiring without
 * restores runs no such loop.
 */
final class RestoreLoop implements AutoCloseable {

    private final ControllerLoop loop;
    private final List<RestoreInformers> informers = new ArrayList<>();

    RestoreLoop(ControllerRuntime.Wiring wiring, BooleanSupplier leading, Clock clock, DayTwoMetrics metrics,
            MeterRegistry registry, RestoreStatusWrites.Adopt admin) {
        if (wiring.restores() == null) {
            this.loop = null;
            return;
        }
        LeaderFence fence = new LeaderFence(leading, new RestoreStatusWrites(
                new MeteredStatusPort(wiring.status(), metrics, clock), admin),
                wiring.workload(), wiring.jobs(), wiring.events());
        RestoreService service = new RestoreService(new FencedRestorePort(leading,
                new MeteredRestorePort(wiring.restores(), metrics, clock)), fence,
                wiring.observer(), fence, fence, fence, clock, new SecureRandom(), RetryTiming.defaults());
        this.loop = new ControllerLoop("restore", new WorkQueue<>(RetryTiming.defaults()), service::reconcile, registry);
    }

    void watch(KubernetesClient client, String namespace) {
        if (loop == null) {
            return;
        }
        informers.add(new RestoreInformers(client, namespace, key -> loop.queue().add(key)));
    }

    /** A cluster, or one of its pods or Jobs, changed: its restores look again. */
    void clusterChanged(ClusterKey cluster) {
        informers.forEach(i -> i.restoresOf(cluster).forEach(loop.queue()::add));
    }

    boolean synced() {
        return informers.stream().allMatch(RestoreInformers::synced);
    }

    void start(int workers) {
        if (loop == null) {
            return;
        }
        loop.start(workers);
        informers.forEach(i -> i.restores().forEach(loop.queue()::add));
    }

    void stop() {
        if (loop != null) {
            loop.close();
        }
    }

    @Override
    public void close() {
        stop();
        informers.forEach(RestoreInformers::close);
    }
}
