package dev.raftops.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.testing.Generate;
import dev.raftops.domain.testing.PropertyCases.Case;
import dev.raftops.domain.testing.PropertyCases;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobNamesPropertiesTest {

    record Identity(String cluster, ExecutorAction action, int attempt, int otherAttempt, String target) {
    }

    /** A Kubernetes object name (DNS subdomain): up to 253 of [a-z0-9.-], alphanumeric at both ends. */
    static String clusterName(Random r) {
        int length = Generate.chance(r, 0.2) ? Generate.between(r, 1, 20) : Generate.between(r, 40, 253);
        String inner = "abcdefghijklmnopqrstuvwxyz0123456789-.";
        String edge = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            String alphabet = i == 0 || i == length - 1 ? edge : inner;
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static Identity identity(Random r) {
        int attempt = Generate.between(r, 1, 1000);
        int other = attempt + Generate.between(r, 1, 1000);
        String target = Generate.chance(r, 0.5) ? "" : "pod-" + r.nextInt(9);
        return new Identity(clusterName(r), Generate.oneOf(r, ExecutorAction.values()), attempt, other, target);
    }

    static Stream<Arguments> identities() {
        return PropertyCases.of(300, JobNamesPropertiesTest::identity);
    }

    private static String name(Identity id, int attempt) {
        return id.target().isEmpty() ? JobNames.of(id.cluster(), id.action(), attempt)
                : JobNames.of(id.cluster(), id.action(), attempt, id.target());
    }

    @ParameterizedTest
    @MethodSource("identities")
    void namesAreShortDeterministicLabels(Case<Identity> c) {
        String name = name(c.value(), c.value().attempt());
        assertThat(name).as(c.why("invariant at most 63 characters")).hasSizeLessThanOrEqualTo(63);
        assertThat(name).as(c.why("invariant a DNS label")).matches(JobNamesTest.DNS_LABEL);
        assertThat(name(c.value(), c.value().attempt())).as(c.why("invariant deterministic")).isEqualTo(name);
    }

    @ParameterizedTest
    @MethodSource("identities")
    void differentAttemptsNeverShareAName(Case<Identity> c) {
        assertThat(name(c.value(), c.value().attempt()))
                .as(c.why("invariant attempts " + c.value().attempt() + " and " + c.value().otherAttempt() + " differ"))
                .isNotEqualTo(name(c.value(), c.value().otherAttempt()));
    }
}
