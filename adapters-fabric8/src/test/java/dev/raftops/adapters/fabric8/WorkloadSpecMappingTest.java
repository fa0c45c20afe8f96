package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterSpec;
import dev.raftops.adapters.fabric8.crd.SpecExecutor;
import dev.raftops.adapters.fabric8.crd.SpecTls;
import dev.raftops.adapters.fabric8.crd.SpecUpgrade;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.ports.driven.SpecReading;
import org.junit.jupiter.api.Test;

/** {@code spec.tls}, {@code spec.config} and the executor identity, as the workload rendering reads them. */
class WorkloadSpecMappingTest {

    static final ClusterKey BAO = new ClusterKey("secrets", "bao");

    static RaftClusterSpec spec() {
        RaftClusterSpec spec = new RaftClusterSpec();
        spec.version = "2.4.0";
        return spec;
    }

    @Test
    void withoutSpecTlsTheListenerServesTheSecretNamedAfterTheCluster() {
        WorkloadSpec read = WorkloadSpecMapping.read(BAO, spec());

        assertThat(read.tls().secretName()).isEqualTo("bao-tls");
        assertThat(read.tls().disabled()).isFalse();
        assertThat(read.createsExecutorAccount()).isTrue();
        assertThat(read.tokenAudience()).isEqualTo("openbao");
    }

    @Test
    void tlsIsOffOnlyWithAnExplicitDisabledTrue() {
        RaftClusterSpec spec = spec();
        spec.tls = new SpecTls();
        spec.tls.disabled = false;
        assertThat(WorkloadSpecMapping.read(BAO, spec).tls().disabled()).isFalse();

        spec.tls.disabled = true;
        assertThat(WorkloadSpecMapping.read(BAO, spec).tls().disabled()).isTrue();
        assertThat(WorkloadSpecMapping.read(BAO, spec).tls().secretName()).isNull();
    }

    @Test
    void aDisabledTlsWithASecretNameIsAnInvalidSpecNamingTheField() {
        RaftClusterSpec spec = spec();
        spec.tls = new SpecTls();
        spec.tls.disabled = true;
        spec.tls.secretName = "bao-certs";

        assertThat(SpecMapping.read(spec)).isInstanceOfSatisfying(SpecReading.Invalid.class,
                i -> assertThat(i.field()).isEqualTo("spec.tls.disabled"));
    }

    @Test
    void aConfigThatSetsAStanzaRaftopsRendersIsAnInvalidSpec() {
        RaftClusterSpec spec = spec();
        spec.config = "seal \"transit\" {\n  address = \"https://t:8200\"\n}\nstorage \"file\" {\n  path = \"/x\"\n}\n";

        assertThat(SpecMapping.read(spec)).isInstanceOfSatisfying(SpecReading.Invalid.class, i -> {
            assertThat(i.field()).isEqualTo("spec.config");
            assertThat(i.message()).contains("storage");
        });
    }

    @Test
    void aSealStanzaAndTelemetryAreAccepted() {
        RaftClusterSpec spec = spec();
        spec.config = "seal \"transit\" {\n  address = \"https://t:8200\"\n}\ntelemetry {\n  disable_hostname = true\n}\n";

        assertThat(SpecMapping.read(spec)).isInstanceOf(SpecReading.Valid.class);
        assertThat(WorkloadSpecMapping.read(BAO, spec).config()).contains("seal \"transit\"");
    }

    @Test
    void aNamedExecutorAccountIsUsedAndNotCreatedAndTheAudienceIsTheSpecs() {
        RaftClusterSpec spec = spec();
        spec.upgrade = new SpecUpgrade();
        spec.upgrade.executor = new SpecExecutor();
        spec.upgrade.executor.serviceAccount = "bao-backups";
        spec.upgrade.executor.tokenAudience = "https://bao.example";

        WorkloadSpec read = WorkloadSpecMapping.read(BAO, spec);

        assertThat(read.createsExecutorAccount()).isFalse();
        assertThat(read.executorServiceAccount()).isEqualTo("bao-backups");
        assertThat(read.tokenAudience()).isEqualTo("https://bao.example");
    }
}
