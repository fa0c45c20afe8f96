package dev.raftops.ports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
    void portsPackagesDependOnEachOtherWithoutCycles() {
        PureCoreRule.noPackageCycles("dev.raftops.ports").check(PORTS);
    }

    @Test
    void thePortsKnowNothingOfTheServiceThatDrivesThem() {
        noClasses().that().resideInAnyPackage("dev.raftops.ports.driving..", "dev.raftops.ports.driven..")
                .should().dependOnClassesThat().resideInAPackage("dev.raftops.ports.service..").check(PORTS);
    }

    @Test
    void scansTheRealPortsClassesAndNoTestClasses() {
        assertThat(PORTS.contain(AdminOperations.class)).isTrue();
        assertThat(PORTS.contain(ArchitectureTest.class)).isFalse();
    }
}
