package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.ControllerRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The controller's ports on the fabric8 adapters, with the OpenBao defaults: what {@code run} wires,
 * and what the sandbox (its own module) wires each controller instance with.
 */
public final class Fabric8Wiring {

    private Fabric8Wiring() {
    }

    public static ControllerRuntime.Wiring create(KubernetesClient client, Clock clock) {
        Fabric8Adapters adapters = new Fabric8Adapters(client, AdapterSettings.openBao(), clock);
        return new ControllerRuntime.Wiring(adapters.statusPort(), adapters.clusterObserver(), adapters.workloadPort(),
                adapters.jobPort(), adapters.eventPort(), adapters.workloadReconciliation()::reconcile);
    }
}
