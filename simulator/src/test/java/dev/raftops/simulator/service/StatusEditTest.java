package dev.raftops.simulator.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.ports.service.AdminOpsService;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import dev.raftops.simulator.world.SimulatedPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A status edited by another client while the controller runs: the edit is named in a Warning
 * Event, the controller decides from its own last write and writes it back.
 */
class StatusEditTest {

    static final ClusterKey KEY = new ClusterKey(SimWorld.NAMESPACE, SimWorld.NAME);
    final SimClock clock = new SimClock(Instant.parse("2026-11-24T10:00:00Z"));
    final SimWorld world = new SimWorld(Scenario.upgrade(3, "2.4.0", "2.4.4", 1, 23), clock,
            new Trace(clock, "sim/raft"));
    final RecordedCluster cluster = new RecordedCluster(new SimulatedPorts(world), ClusterSpec.of("2.4.0", null, 3));
    /** One instance across passes: the controller process that runs while the status is edited. */
    final AdminOpsService service = new AdminOpsService(cluster, cluster, cluster, cluster, cluster, clock,
            new Random(23), RetryTiming.defaults().withoutJitter());

    private void passUntil(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 300 && !done.getAsBoolean(); i++) {
            service.reconcile(KEY);
            world.runFor(Duration.ofSeconds(5));
        }
    }

    @Test
    void completedOrdinalsAndAPartitionTypedByHandAreNamedAndWrittenBackAndEachPodRollsOnce() {
        passUntil(() -> "2.4.0".equals(cluster.status.currentVersion()));
        cluster.setSpec(ClusterSpec.of("2.4.4", null, 3));
        passUntil(() -> cluster.status.upgrade() != null && !cluster.status.upgrade().completedOrdinals().isEmpty());
        RollingProgress ours = cluster.status.upgrade();
        RollingProgress forged = new RollingProgress(ours.fromVersion(), ours.targetVersion(), ours.targetImage(),
                ours.startedAt(), 0, List.of(2, 1, 0), ours.releasedAt(), null, List.of(), null, ours.attempt(),
                ours.snapshot(), ours.restartAt());
        cluster.status = cluster.status.withUpgrade(forged);
        cluster.resourceVersion++;

        service.reconcile(KEY);

        assertThat(cluster.events).filteredOn(e -> e.reason().equals("StatusEdited")).singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ClusterEvent.Type.Warning);
                    assertThat(e.message()).contains("status.upgrade.currentPartition",
                            "status.upgrade.completedOrdinals");
                });
        assertThat(cluster.status.upgrade().completedOrdinals()).as("its own record, written back")
                .doesNotContain(0);
        passUntil(() -> "2.4.4".equals(cluster.status.currentVersion()));
        assertThat(cluster.status.currentVersion()).isEqualTo("2.4.4");
        Map<String, Integer> releases = new HashMap<>();
        cluster.writes.stream().filter(w -> w.startsWith("partition ")).forEach(w -> releases.merge(w, 1, Integer::sum));
        assertThat(releases.values()).as("each ordinal released once: " + cluster.writes).allMatch(n -> n == 1);
        assertThat(world.runsEverywhere("2.4.4")).isTrue();
    }

    @Test
    void aSpecEditIsNoStatusEdit() {
        passUntil(() -> "2.4.0".equals(cluster.status.currentVersion()));
        cluster.setSpec(ClusterSpec.of("2.4.4", null, 3));
        passUntil(() -> "2.4.4".equals(cluster.status.currentVersion()));
        assertThat(cluster.events).extracting(ClusterEvent::reason).doesNotContain("StatusEdited");
    }
}
