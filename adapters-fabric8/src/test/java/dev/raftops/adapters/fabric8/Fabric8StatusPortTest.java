package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftCluster;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.opslifecycle.Operation;
import dev.raftops.domain.opslifecycle.OperationLock;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.ports.driven.ClusterDocument;
import dev.raftops.ports.driven.SpecReading;
import dev.raftops.ports.driven.WriteResult;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class Fabric8StatusPortTest {

    static KubernetesClient client;

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00.123456789Z");

    @BeforeAll
    static void crd() {
        ClusterFixtures.installCrd(client);
    }

    private ClusterKey created(String name) {
        ClusterFixtures.create(client, ClusterFixtures.cluster("ns", name, "2.1.0", 3));
        return new ClusterKey("ns", name);
    }

    private static ClusterStatus upgrading() {
        OperationLock lock = ((dev.raftops.domain.opslifecycle.LockOutcome.Acquired) OperationLock.free()
                .acquire(Operation.Upgrade, "raftcluster/upgrade", "rolling", T0)).lock();
        RollingProgress progress = new RollingProgress("2.0.0", "2.1.0", "quay.io/openbao/openbao:2.1.0", T0, 2,
                List.of(2), T0.plusSeconds(5), new RollingProgress.StepDown(1, 1, "db-step-down-1-1", T0, null),
                List.of(new RollingProgress.PlanStep(1, true), new RollingProgress.PlanStep(0, false)), null, 1,
                new RollingProgress.Snapshot("db-snap", 0, T0));
        return ClusterStatus.initial().withCurrentVersion("2.0.0").withPhase(Phase.Upgrading).withObservedGeneration(1)
                .withCondition(Condition.UPGRADING, Condition.Status.True, "UpgradeStarted", "to 2.1.0", 1, T0)
                .withUpgrade(progress).withOperationLock(lock);
    }

    @Test
    void readsTheSpecAndAnInitialStatusOfANewCluster() {
        ClusterKey key = created("fresh");
        ClusterDocument doc = new Fabric8StatusPort(client).read(key).orElseThrow();
        assertThat(doc.spec()).isInstanceOf(SpecReading.Valid.class);
        assertThat(((SpecReading.Valid) doc.spec()).spec().version()).isEqualTo("2.1.0");
        assertThat(doc.status()).isEqualTo(ClusterStatus.initial());
        assertThat(doc.resourceVersion()).isNotNull();
        assertThat(doc.uid()).isNotNull();
    }

    @Test
    void readOfAMissingClusterIsEmpty() {
        assertThat(new Fabric8StatusPort(client).read(new ClusterKey("ns", "absent"))).isEmpty();
    }

    @Test
    void compareAndSetRoundTripsTheStatusLosslessly() {
        ClusterKey key = created("roundtrip");
        Fabric8StatusPort port = new Fabric8StatusPort(client);
        ClusterDocument before = port.read(key).orElseThrow();
        WriteResult result = port.compareAndSet(key, before.resourceVersion(), upgrading());
        assertThat(result).isInstanceOf(WriteResult.Written.class);
        ClusterDocument after = port.read(key).orElseThrow();
        assertThat(after.status()).isEqualTo(upgrading());
        assertThat(((WriteResult.Written) result).resourceVersion()).isEqualTo(after.resourceVersion());
    }

    @Test
    void clearingAPartRemovesItFromTheStoredStatus() {
        ClusterKey key = created("clearing");
        Fabric8StatusPort port = new Fabric8StatusPort(client);
        port.compareAndSet(key, port.read(key).orElseThrow().resourceVersion(), upgrading());
        OperationLock released = ((dev.raftops.domain.opslifecycle.LockOutcome.Released) upgrading().operationLock()
                .release(Operation.Upgrade, "raftcluster/upgrade")).lock();
        ClusterStatus finished = upgrading().withUpgrade(null).withCurrentVersion("2.1.0").withPhase(Phase.Running)
                .withOperationLock(released).withLastError(new Failure("Boom", "once", T0));
        assertThat(port.compareAndSet(key, port.read(key).orElseThrow().resourceVersion(), finished))
                .isInstanceOf(WriteResult.Written.class);

        ClusterStatus read = port.read(key).orElseThrow().status();
        assertThat(read.upgrade()).isNull();
        assertThat(read).isEqualTo(finished);
        assertThat(read.operationLock().isHeld()).isFalse();
        assertThat(read.operationLock().epoch()).isEqualTo(1);
    }

    @Test
    void aStaleResourceVersionIsAConflictAndWritesNothing() {
        ClusterKey key = created("stale");
        Fabric8StatusPort port = new Fabric8StatusPort(client);
        String stale = port.read(key).orElseThrow().resourceVersion();
        assertThat(port.compareAndSet(key, stale, upgrading())).isInstanceOf(WriteResult.Written.class);

        WriteResult second = port.compareAndSet(key, stale, ClusterStatus.initial().withPhase(Phase.Degraded));

        assertThat(second).isInstanceOf(WriteResult.Conflict.class);
        assertThat(port.read(key).orElseThrow().status()).isEqualTo(upgrading());
    }

    @Test
    void aStatusWriteLeavesTheSpecAndGenerationUntouched() {
        ClusterKey key = created("spec-kept");
        Fabric8StatusPort port = new Fabric8StatusPort(client);
        ClusterDocument before = port.read(key).orElseThrow();
        port.compareAndSet(key, before.resourceVersion(), upgrading());
        RaftCluster raw = client.resources(RaftCluster.class).inNamespace("ns").withName("spec-kept").get();
        assertThat(raw.getSpec().version).isEqualTo("2.1.0");
        assertThat(raw.getSpec().replicas).isEqualTo(3);
        assertThat(raw.getMetadata().getGeneration()).isEqualTo(before.generation());
    }

    @Test
    void writingTheStatusOfAMissingClusterIsNotFound() {
        assertThat(new Fabric8StatusPort(client).compareAndSet(new ClusterKey("ns", "gone"), "1", ClusterStatus.initial()))
                .isInstanceOf(WriteResult.NotFound.class);
    }

    @Test
    void aStoredClusterWithABadFieldReadsAsInvalidNotAsAnException() {
        ClusterFixtures.create(client, ClusterFixtures.withStrategy(ClusterFixtures.cluster("ns", "bad", "2.1.0", 0), "Canary"));

        SpecReading spec = new Fabric8StatusPort(client).read(new ClusterKey("ns", "bad")).orElseThrow().spec();

        assertThat(spec).isEqualTo(new SpecReading.Invalid("spec.replicas", "spec.replicas must be at least 1, was 0"));
    }
}
