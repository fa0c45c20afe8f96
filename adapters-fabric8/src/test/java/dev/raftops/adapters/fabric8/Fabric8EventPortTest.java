package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.decision.ClusterEvent;
import dev.raftops.domain.opslifecycle.AuditFields;
import dev.raftops.domain.opslifecycle.Operation;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class Fabric8EventPortTest {

    static KubernetesClient client;

    private static final ClusterKey DB = new ClusterKey("ev", "db");

    private static Fabric8EventPort port() {
        return new Fabric8EventPort(client, Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));
    }

    private static List<Event> events() {
        return client.v1().events().inNamespace("ev").list().getItems();
    }

    private static ClusterEvent started(String message) {
        AuditFields audit = new AuditFields("ev/db", Operation.Upgrade, "raftcluster/upgrade", 4L, "Running", "Upgrading", null);
        return ClusterEvent.normal("UpgradeStarted", message, audit);
    }

    @Test
    void anEventCarriesReasonMessageAndAuditFields() {
        port().emit(DB, started("2.0.0 to 2.1.0"));
        Event e = client.v1().events().inNamespace("ev").withName(Fabric8EventPort.name(DB, started("2.0.0 to 2.1.0"))).get();

        assertThat(e.getReason()).isEqualTo("UpgradeStarted");
        assertThat(e.getMessage()).isEqualTo("2.0.0 to 2.1.0");
        assertThat(e.getType()).isEqualTo("Normal");
        assertThat(e.getInvolvedObject().getKind()).isEqualTo("RaftCluster");
        assertThat(e.getMetadata().getAnnotations()).containsEntry("raftops.dev/audit.holder", "raftcluster/upgrade")
                .containsEntry("raftops.dev/audit.epoch", "4").containsEntry("raftops.dev/audit.phase_to", "Upgrading")
                .containsEntry("raftops.dev/audit.reason", "UpgradeStarted");
    }

    @Test
    void aRepeatIncrementsTheCountInsteadOfCreatingANewEvent() {
        port().emit(DB, started("repeat"));
        port().emit(DB, started("repeat"));
        port().emit(DB, started("repeat"));

        List<Event> matching = events().stream().filter(e -> "repeat".equals(e.getMessage())).toList();
        assertThat(matching).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(3));
    }

    @Test
    void aDifferentMessageIsADifferentEvent() {
        port().emit(DB, started("one"));
        port().emit(DB, started("two"));
        assertThat(events().stream().filter(e -> List.of("one", "two").contains(e.getMessage()))).hasSize(2);
    }
}
