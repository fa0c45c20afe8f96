package dev.raftops.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.raftops.domain.cluster.Phase;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.PhaseRule;
import dev.raftops.domain.testing.PureCoreRule;
import dev.raftops.domain.version.SemVer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses DOMAIN = PureCoreRule.productionClasses("dev.raftops.domain");

    @Test
    void domainDependsOnNoKubernetesClientNetworkOrThreads() {
        PureCoreRule.rule().check(DOMAIN);
    }

    @Test
    void domainPackagesDependOnEachOtherWithoutCycles() {
        PureCoreRule.noPackageCycles("dev.raftops.domain").check(DOMAIN);
    }

    @Test
    void theObservedStateAndTheResourceSitBelowEveryDecision() {
        noClasses().that().resideInAnyPackage("dev.raftops.domain.cluster..", "dev.raftops.domain.resource..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.raftops.domain.decision..",
                        "dev.raftops.domain.gates..", "dev.raftops.domain.rolling..", "dev.raftops.domain.bluegreen..",
                        "dev.raftops.domain.backup..", "dev.raftops.domain.pass..")
                .check(DOMAIN);
        noClasses().that().resideInAPackage("dev.raftops.domain.cluster..")
                .should().dependOnClassesThat().resideInAPackage("dev.raftops.domain.resource..").check(DOMAIN);
    }

    @Test
    void onlyThePhaseRuleWritesThePhase() {
        noClasses().that().doNotBelongToAnyOf(PhaseRule.class)
                .should().callMethod(ClusterStatus.class, "withPhase", Phase.class).check(DOMAIN);
    }

    @Test
    void scansTheRealDomainClassesAndNoTestClasses() {
        assertThat(DOMAIN.contain(SemVer.class)).isTrue();
        assertThat(DOMAIN.contain(ArchitectureTest.class)).isFalse();
        assertThat(DOMAIN.size()).isGreaterThan(40);
    }

    @Test
    void ruleReportsEachForbiddenDependency() {
        JavaClasses offenders = new ClassFileImporter().importClasses(StartsAThread.class, CallsTheNetwork.class,
                UsesAnExecutor.class, WaitsOnAFuture.class, SleepsOnThread.class, Logs.class);
        String report = PureCoreRule.rule().evaluate(offenders).getFailureReport().toString();
        assertThat(report)
                .contains(StartsAThread.class.getSimpleName(), CallsTheNetwork.class.getSimpleName(),
                        UsesAnExecutor.class.getSimpleName(), WaitsOnAFuture.class.getSimpleName(),
                        SleepsOnThread.class.getSimpleName(), Logs.class.getSimpleName());
    }

    @Test
    void ruleAllowsPlainJava() {
        JavaClasses clean = new ClassFileImporter().importClasses(PlainValue.class);
        assertThat(PureCoreRule.rule().evaluate(clean).hasViolation()).isFalse();
    }

    // Fixtures that break the rule on purpose: they prove the rule can fail.

    static final class StartsAThread {
        void run() {
            new Thread(() -> { }).start();
        }
    }

    static final class CallsTheNetwork {
        URI where() {
            return URI.create("https://example.invalid");
        }
    }

    static final class UsesAnExecutor {
        void run() {
            Executors.newSingleThreadExecutor().shutdown();
        }
    }

    static final class WaitsOnAFuture {
        CompletableFuture<String> later() {
            return CompletableFuture.completedFuture("x");
        }
    }

    static final class SleepsOnThread {
        void pause() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    static final class Logs {
        org.slf4j.Logger log() {
            return org.slf4j.LoggerFactory.getLogger(Logs.class);
        }
    }

    static final class PlainValue {
        String name() {
            return String.join("-", java.util.List.of("a", "b"));
        }
    }
}
