package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.ControllerRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The controller's ports on the fabric8 adapters, with the OpenBao defaults: what {@code run} wires
 * (the member probe asks each pod's API), and what the sandbox (its own module) wires each controller
 * instance with ({@link #readingLabels}, until its simulated pods serve the API double).
 */
public final class Fabric8Wiring {

    private Fabric8Wiring() {
    }

    public static ControllerRuntime.Wiring create(KubernetesClient client, Clock clock) {
        Fabric8Adapters adapters = new Fabric8Adapters(client, AdapterSettings.openBao(), clock);
        return new ControllerRuntime.Wiring(adapters.statusPort(), adapters.clusterObserver(), adapters.memberProbe(),
                adapters.workloadPort(), adapters.jobPort(), adapters.eventPort(),
                adapters.workloadReconciliation()::reconcile, adapters.restorePort());
    }

    /**
     * As {@link #create}, without a member probe: every cluster is read from its pods' labels and
     * annotations whatever {@code spec.upgrade.raftState} says. Only for the sandbox, whose simulated
     * pods do not serve OpenBao's API yet.
     */
    public static ControllerRuntime.Wiring readingLabels(KubernetesClient client, Clock clock) {
        ControllerRuntime.Wiring full = create(client, clock);
        return new ControllerRuntime.Wiring(full.status(), full.observer(), null, full.workload(), full.jobs(),
                full.events(), full.workloadReconciler(), full.restores());
    }
}
