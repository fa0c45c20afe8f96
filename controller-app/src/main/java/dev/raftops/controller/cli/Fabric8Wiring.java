package dev.raftops.controller.cli;

import dev.raftops.adapters.fabric8.AdapterSettings;
import dev.raftops.adapters.fabric8.Fabric8Adapters;
import dev.raftops.controller.ControllerRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;

/**
 * The controller's ports on the fabric8 adapters, with the OpenBao defaults: what {@code run} wires
 * (the member probe asks each pod's API at its cluster DNS name), and what the sandbox (its own
 * module) wires each controller instance with, its simulated pods answering on loopback.
 */
public final class Fabric8Wiring {

    private Fabric8Wiring() {
    }

    public static ControllerRuntime.Wiring create(KubernetesClient client, Clock clock) {
        return create(client, clock, AdapterSettings.openBao());
    }

    /**
     * As {@link #create(KubernetesClient, Clock)}, the member probe reaching each pod where
     * {@code podAddress} says: only for the sandbox, whose simulated pods serve OpenBao's API on loopback.
     */
    public static ControllerRuntime.Wiring create(KubernetesClient client, Clock clock,
            AdapterSettings.PodAddress podAddress) {
        AdapterSettings openBao = AdapterSettings.openBao();
        return create(client, clock, openBao.withPodAddress(podAddress, openBao.probeTimeout()));
    }

    private static ControllerRuntime.Wiring create(KubernetesClient client, Clock clock, AdapterSettings settings) {
        Fabric8Adapters adapters = new Fabric8Adapters(client, settings, clock);
        return new ControllerRuntime.Wiring(adapters.statusPort(), adapters.clusterObserver(), adapters.memberProbe(),
                adapters.workloadPort(), adapters.jobPort(), adapters.eventPort(),
                adapters.workloadReconciliation()::reconcile, adapters.restorePort());
    }
}
