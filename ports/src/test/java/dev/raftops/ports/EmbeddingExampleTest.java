package dev.raftops.ports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.rolling.RollingUpgrade;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import dev.raftops.domain.testing.RollingWorld;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.ClusterObserver;
import dev.raftops.ports.driven.EventPort;
import dev.raftops.ports.driven.JobCreation;
import dev.raftops.ports.driven.JobPort;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.StatusPort;
import dev.raftops.ports.driven.WorkloadPort;
import dev.raftops.ports.driven.WriteResult;
import dev.raftops.ports.driving.AdminOperations;
import dev.raftops.ports.driving.ReconcileOutcome;
import dev.raftops.ports.service.AdminOpsService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
     * The five driven ports over a simulated cluster ({@code RollingWorld}: a StatefulSet with
     * Raft leadership and executor Jobs). A real embedder maps the same calls to its API client.
     */
    static final class SimulatedPorts implements StatusPort, ClusterObserver, WorkloadPort, JobPort, EventPort {

        final RollingWorld world;
        final ClusterSpec spec;
        ClusterStatus status = ClusterStatus.initial();
        long resourceVersion = 1;
        final List<ClusterEvent> events = new ArrayList<>();

        SimulatedPorts(RollingWorld world, ClusterSpec spec) {
            this.world = world;
            this.spec = spec;
        }

        @Override // StatusPort: one read of the custom resource
        public Optional<ClusterDocument> read(ClusterKey key) {
            return Optional.of(new ClusterDocument(key, "uid-1", 1, Long.toString(resourceVersion),
                    new SpecReading.Valid(spec), status));
        }

        @Override // StatusPort: compare-and-set on the status subresource; a conflict is a value
        public WriteResult compareAndSet(ClusterKey key, String expectedResourceVersion, ClusterStatus next) {
            if (!Long.toString(resourceVersion).equals(expectedResourceVersion)) {
                return new WriteResult.Conflict("resourceVersion changed");
            }
            status = next;
            resourceVersion++;
            return new WriteResult.Written(Long.toString(resourceVersion));
        }

        @Override // ClusterObserver: StatefulSets, pods (with Raft leadership and lag), Jobs
        public ClusterObservation observe(ClusterKey key) {
            return world.observe();
        }

        private WriteResult apply(Action action) {
            return world.apply(action) ? new WriteResult.Written(null) : new WriteResult.Conflict("precondition");
        }

        @Override
        public WriteResult lockPartitionAndSetImage(ClusterKey key, Action.LockPartitionAndSetImage action) {
            return apply(action);
        }

        @Override
        public WriteResult setImage(ClusterKey key, Action.SetImage action) {
            return apply(action);
        }

        @Override
        public WriteResult setPartition(ClusterKey key, Action.SetPartition action) {
            return apply(action);
        }

        @Override
        public WriteResult deletePod(ClusterKey key, Action.DeletePod action) {
            return apply(action);
        }

        @Override
        public WriteResult markMaintenance(ClusterKey key, Action.MarkMaintenance action) {
            return apply(action);
        }

        @Override
        public WriteResult createWorkload(ClusterKey key, Action.CreateWorkload action) {
            return apply(action);
        }

        @Override
        public WriteResult deleteWorkload(ClusterKey key, Action.DeleteWorkload action) {
            return apply(action);
        }

        @Override
        public WriteResult switchTraffic(ClusterKey key, Action.SwitchTraffic action) {
            return apply(action);
        }

        @Override // JobPort: create by deterministic name; an existing Job is the same work
        public JobCreation createIfAbsent(ClusterKey key, JobRequest job) {
            world.apply(new Action.CreateJob(job));
            return new JobCreation.Created();
        }

        @Override
        public WriteResult delete(ClusterKey key, String jobName) {
            return new WriteResult.Written(null);
        }

        @Override // EventPort
        public void emit(ClusterKey key, ClusterEvent event) {
            events.add(event);
        }
    }
    // end::ports[]

    /** A clock that reads the simulated world's time. */
    static Clock clockOf(RollingWorld world) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return world.now();
            }
        };
    }

    @Test
    void theServiceUpgradesASimulatedClusterThroughThePorts() {
        // tag::service[]
        Random random = new Random(7);
        RollingWorld world = new RollingWorld(random, 3, "2.4.0", 2, T0); // 3 pods on 2.4.0, pod 2 leads
        SimulatedPorts ports = new SimulatedPorts(world, RollingWorld.spec(3, "2.5.0"));
        ports.status = ClusterStatus.initial().withCurrentVersion("2.4.0");

        AdminOperations adminOps = new AdminOpsService(ports, ports, ports, ports, ports,
                clockOf(world), random, RetryTiming.defaults().withoutJitter());

        for (int pass = 0; pass < 400 && !"2.5.0".equals(ports.status.currentVersion()); pass++) {
            ReconcileOutcome outcome = adminOps.reconcile(RollingWorld.KEY);
            assertThat(outcome).isNotInstanceOf(ReconcileOutcome.Error.class);
            world.tick();                          // kubelet, StatefulSet controller, Raft, Jobs
            world.advance(Duration.ofSeconds(5));
        }

        assertThat(ports.status.currentVersion()).isEqualTo("2.5.0");
        assertThat(ports.status.upgrade()).isNull();
        assertThat(ports.status.phase()).isEqualTo(Phase.Running);
        assertThat(ports.events).extracting(ClusterEvent::reason)
                .contains("UpgradeStarted", "StepDownRequested", "PodReleased", "UpgradeComplete");
        assertThat(ports.events).extracting(ClusterEvent::message) // a finished pod is told with the next step
                .anyMatch(m -> m.startsWith("ordinal 2 runs 2.5.0 and is caught up;"))
                .anyMatch(m -> m.startsWith("ordinal 1 runs 2.5.0 and is caught up;"));
        // end::service[]
    }

    @Test
    void aPureDecisionCanBeCalledWithoutAnyPort() {
        // tag::decide[]
        RollingWorld world = new RollingWorld(new Random(1), 3, "2.4.0", 0, T0);
        ClusterStatus status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        DecisionInput in = new DecisionInput(RollingWorld.KEY, 1, RollingWorld.spec(3, "2.5.0"), status,
                world.observe(), T0, new Random(1), RetryTiming.defaults());

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
        Random random = new Random(u.seed());
        RollingWorld world = new RollingWorld(random, u.replicas(), "2.4.0", u.leader() % u.replicas(), T0);
        SimulatedPorts ports = new SimulatedPorts(world, RollingWorld.spec(u.replicas(), "2.5.0"));
        ports.status = ClusterStatus.initial().withCurrentVersion("2.4.0");
        AdminOperations adminOps = new AdminOpsService(ports, ports, ports, ports, ports, clockOf(world), random,
                RetryTiming.defaults().withoutJitter());

        for (int pass = 0; pass < 600 && !"2.5.0".equals(ports.status.currentVersion()); pass++) {
            adminOps.reconcile(RollingWorld.KEY);
            long down = world.pods().values().stream().filter(p -> !p.ready).count()
                    + (u.replicas() - world.pods().size());
            assertThat(down).as(c.why("invariant at most one pod down at a time")).isLessThanOrEqualTo(1);
            world.tick();
            world.advance(Duration.ofSeconds(5));
        }
        assertThat(ports.status.currentVersion()).as(c.why("invariant the upgrade converges")).isEqualTo("2.5.0");
        assertThat(world.allRun("2.5.0")).as(c.why("invariant every pod runs the target")).isTrue();
    }
    // end::property[]
}
