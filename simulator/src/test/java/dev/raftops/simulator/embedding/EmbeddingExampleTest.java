package dev.raftops.simulator.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.gates.MaintenanceMarks;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.AdminOperations;
import dev.raftops.ports.driving.ReconcileOutcome;
import dev.raftops.ports.service.AdminOpsService;
import dev.raftops.simulator.trace.SimClock;
import dev.raftops.simulator.trace.Trace;
import dev.raftops.simulator.world.Scenario;
import dev.raftops.simulator.world.SimWorld;
import dev.raftops.simulator.world.WorldApi;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code of {@code docs/embedding.md}. The parts between {@code tag::} and {@code end::} markers
 * appear verbatim in the document ({@link DocsSnippetsTest} compares them), so the guide compiles
 * and runs with every build.
 */
class EmbeddingExampleTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    // tag::ports[]
    /**
     * The five driven ports over a simulated cluster ({@code SimWorld} from raftops-simulator: a
     * StatefulSet with Raft leadership and executor Jobs behind {@link WorldApi}, a simulated API
     * server). A real embedder maps the same calls to its API client.
     */
    static final class SimulatedPorts implements StatusPort, ClusterObserver, WorkloadPort, JobPort, EventPort {

        final WorldApi api;
        final List<ClusterEvent> events = new ArrayList<>();

        SimulatedPorts(WorldApi api) {
            this.api = api;
        }

        @Override // StatusPort: one read of the custom resource
        public Optional<ClusterDocument> read(ClusterKey key) {
            return Optional.of(api.readCluster());
        }

        @Override // StatusPort: compare-and-set on the status subresource; a conflict is a value
        public WriteResult compareAndSet(ClusterKey key, String expectedResourceVersion, ClusterStatus next) {
            return api.compareAndSetStatus(expectedResourceVersion, next);
        }

        @Override // ClusterObserver: StatefulSets, pods (with Raft leadership and lag), Jobs
        public ClusterObservation observe(ClusterKey key) {
            return api.observe();
        }

        @Override // WorkloadPort: every write carries its precondition (resourceVersion, UID)
        public WriteResult lockPartitionAndSetImage(ClusterKey key, Action.LockPartitionAndSetImage a) {
            return api.lockPartitionAndSetImage(a.statefulSet(), a.partition(), a.image(), a.resourceVersion());
        }

        @Override
        public WriteResult setPartition(ClusterKey key, Action.SetPartition a) {
            return api.setPartition(a.statefulSet(), a.partition(), a.resourceVersion());
        }

        @Override
        public WriteResult setImage(ClusterKey key, Action.SetImage a) {
            return api.setImage(a.statefulSet(), a.image(), a.resourceVersion());
        }

        @Override
        public WriteResult deletePod(ClusterKey key, Action.DeletePod a) {
            return api.deletePod(a.pod(), a.uid());
        }

        @Override
        public WriteResult markMaintenance(ClusterKey key, Action.MarkMaintenance a) {
            return api.annotate(a.target() == Action.MarkMaintenance.Target.STATEFUL_SET, a.name(),
                    MaintenanceMarks.ANNOTATION, a.marked());
        }

        @Override
        public WriteResult createWorkload(ClusterKey key, Action.CreateWorkload a) {
            return api.createWorkload(a.statefulSet(), a.revision(), a.version(), a.image(), a.replicas(),
                    a.joinRevision());
        }

        @Override
        public WriteResult deleteWorkload(ClusterKey key, Action.DeleteWorkload a) {
            return api.deleteWorkload(a.statefulSet(), a.uid());
        }

        @Override
        public WriteResult switchTraffic(ClusterKey key, Action.SwitchTraffic a) {
            return api.switchTraffic(a.revision());
        }

        @Override
        public WriteResult labelPod(ClusterKey key, Action.LabelPod a) {
            return api.labelPod(a.pod(), a.uid(), a.revision());
        }

        @Override // JobPort: create by deterministic name; an existing Job is the same work
        public JobCreation createIfAbsent(ClusterKey key, JobRequest job) {
            return api.createJob(job);
        }

        @Override
        public WriteResult delete(ClusterKey key, String jobName) {
            return api.deleteJob(jobName);
        }

        @Override // EventPort
        public void emit(ClusterKey key, ClusterEvent event) {
            events.add(event);
        }
    }
    // end::ports[]

    /** A simulated cluster whose time is {@code clock}: {@code replicas} pods Ready on {@code from}, asked for {@code to}. */
    static SimWorld world(SimClock clock, int replicas, String from, String to, int leader, long seed) {
        return new SimWorld(Scenario.upgrade(replicas, from, to, leader, seed), clock, new Trace(clock, "sim/raft"));
    }

    @Test
    void theServiceUpgradesASimulatedClusterThroughThePorts() {
        // tag::service[]
        SimClock clock = new SimClock(T0);
        SimWorld world = world(clock, 3, "2.4.0", "2.5.0", 2, 7); // 3 pods on 2.4.0, pod 2 leads, spec asks 2.5.0
        SimulatedPorts ports = new SimulatedPorts(world.api());

        AdminOperations adminOps = new AdminOpsService(ports, ports, ports, ports, ports,
                clock, new Random(7), RetryTiming.defaults().withoutJitter());

        for (int pass = 0; pass < 400 && !"2.5.0".equals(world.status().currentVersion()); pass++) {
            ReconcileOutcome outcome = adminOps.reconcile(world.key());
            assertThat(outcome).isNotInstanceOf(ReconcileOutcome.Error.class);
            world.runFor(Duration.ofSeconds(5));   // kubelet, StatefulSet controller, Raft, Jobs
        }

        assertThat(world.status().currentVersion()).isEqualTo("2.5.0");
        assertThat(world.status().upgrade()).isNull();
        assertThat(world.status().phase()).isEqualTo(Phase.Running);
        assertThat(ports.events).extracting(ClusterEvent::reason)
                .contains("UpgradeStarted", "PodReleased", "UpgradeComplete");
        assertThat(ports.events).extracting(ClusterEvent::message) // the leader restarts once: after a step-down
                .anyMatch(m -> m.contains("after its leader step-down (job "));
        assertThat(ports.events).extracting(ClusterEvent::message) // a finished pod is told with the next step
                .anyMatch(m -> m.startsWith("ordinal 2 runs 2.5.0 and is caught up;"))
                .anyMatch(m -> m.startsWith("ordinal 1 runs 2.5.0 and is caught up;"));
        // end::service[]
    }

    @Test
    void aPureDecisionCanBeCalledWithoutAnyPort() {
        // tag::decide[]
        SimWorld world = world(new SimClock(T0), 3, "2.4.0", "2.5.0", 0, 1);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        DecisionInput in = new DecisionInput(world.key(), 1, ClusterSpec.of("2.5.0", null, 3), status,
                world.api().observe(), T0, new Random(1), RetryTiming.defaults());

        Decision first = RollingUpgrade.decide(in);            // takes the operation lock, nothing else
        assertThat(first.actions()).isEmpty();
        assertThat(first.nextStatus().operationLock().holder()).isEqualTo("raftcluster/upgrade");

        Decision second = RollingUpgrade.decide(in.withStatus(first.nextStatus()));
        assertThat(second.actionsOf(Action.LockPartitionAndSetImage.class))
                .singleElement().satisfies(a -> assertThat(a.partition()).isEqualTo(3));
        assertThat(second.nextStatus().upgrade().targetVersion()).isEqualTo("2.5.0");
        // end::decide[]
    }

    // tag::property[]
    record Upgrade(long seed, int replicas, int leader) {
    }

    static Stream<Arguments> upgrades() {
        return PropertyCases.of(200, random -> new Upgrade(random.nextLong(), 1 + random.nextInt(5),
                random.nextInt(5)));
    }

    @ParameterizedTest
    @MethodSource("upgrades")
    void everyUpgradeConvergesAndNeverTakesTwoPodsDown(Case<Upgrade> c) {
        Upgrade u = c.value();
        SimClock clock = new SimClock(T0);
        SimWorld world = world(clock, u.replicas(), "2.4.0", "2.5.0", u.leader() % u.replicas(), u.seed());
        SimulatedPorts ports = new SimulatedPorts(world.api());
        AdminOperations adminOps = new AdminOpsService(ports, ports, ports, ports, ports, clock,
                new Random(u.seed()), RetryTiming.defaults().withoutJitter());

        for (int pass = 0; pass < 600 && !"2.5.0".equals(world.status().currentVersion()); pass++) {
            adminOps.reconcile(world.key());
            List<PodView> pods = List.copyOf(world.api().observe().podsOf(SimWorld.NAME).values());
            long down = pods.stream().filter(p -> !p.ready()).count() + (u.replicas() - pods.size());
            assertThat(down).as(c.why("invariant at most one pod down at a time")).isLessThanOrEqualTo(1);
            world.runFor(Duration.ofSeconds(5));
        }
        assertThat(world.status().currentVersion()).as(c.why("invariant the upgrade converges")).isEqualTo("2.5.0");
        assertThat(world.runsEverywhere("2.5.0")).as(c.why("invariant every pod runs the target")).isTrue();
    }
    // end::property[]
}
