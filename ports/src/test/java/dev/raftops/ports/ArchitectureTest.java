package dev.raftops.ports;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.raftops.domain.testing.PureCoreRule;
import dev.raftops.ports.driving.AdminOperations;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses PORTS = PureCoreRule.productionClasses("dev.raftops.ports");

    @Test
    void portsDependOnNoKubernetesClientNetworkOrThreads() {
        PureCoreRule.rule().check(PORTS);
    }

    @Test
    void scansTheRealPortsClassesAndNoTestClasses() {
        assertThat(PORTS.contain(AdminOperations.class)).isTrue();
        assertThat(PORTS.contain(ArchitectureTest.class)).isFalse();
    }
}
