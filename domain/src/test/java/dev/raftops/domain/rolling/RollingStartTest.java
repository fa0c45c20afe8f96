package dev.raftops.domain.rolling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.Condition;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.DecisionInput;
import dev.raftops.domain.opslifecycle.RetryTiming;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.testing.SteadyCluster;
import dev.raftops.domain.version.UpgradeVerdict;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** How the spelling of {@code spec.version} reaches the start of an upgrade, one behaviour per test. */
class RollingStartTest {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final Random random = new Random(11);
    /** Pods on the image the repository publishes for 2.4.0: {@code quay.io/openbao/openbao:2.4.0}. */
    final SteadyCluster cluster = new SteadyCluster(3, "2.4.0", 0);

    Decision decide(String version, ClusterStatus status) {
        return RollingUpgrade.decide(new DecisionInput(SteadyCluster.KEY, 2, ClusterSpec.of(version, null, 3), status,
                cluster.observe(), T0, random, RetryTiming.defaults().withoutJitter()));
    }

    @Test
    void aLeadingVConvergesOnTheImageTaggedWithoutIt() {
        Decision d = decide("v2.4.0", ClusterStatus.initial());

        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
    }

    @Test
    void buildMetadataConvergesOnTheImageTaggedWithoutIt() {
        Decision d = decide("2.4.0+build.7", ClusterStatus.initial());

        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0+build.7");
    }

    @Test
    void aBuildMetadataOnlyChangeRollsNothingAndTellsWhyInTheConditionAndAnEvent() {
        Decision d = decide("2.4.0+build.7", ClusterStatus.initial().withCurrentVersion("2.4.0"));

        Condition upgrading = Condition.find(d.nextStatus().conditions(), Condition.UPGRADING).orElseThrow();
        assertThat(upgrading.status()).isEqualTo(Condition.Status.False);
        assertThat(upgrading.reason()).isEqualTo(UpgradeVerdict.BUILD_METADATA_ONLY);
        assertThat(upgrading.message()).isEqualTo("spec.version 2.4.0+build.7 differs from the running 2.4.0 only in "
                + "build metadata: the image tag stays 2.4.0, nothing to roll");
        assertThat(d.actions()).singleElement().isInstanceOfSatisfying(Action.Emit.class,
                e -> assertThat(e.event().reason()).isEqualTo(UpgradeVerdict.BUILD_METADATA_ONLY));
        assertThat(d.nextStatus().currentVersion()).isEqualTo("2.4.0");
    }

    @Test
    void aBuildMetadataOnlyChangeIsToldOnce() {
        ClusterStatus told = decide("2.4.0+build.7", ClusterStatus.initial().withCurrentVersion("2.4.0")).nextStatus();

        Decision again = decide("2.4.0+build.7", told);

        assertThat(again.actions()).isEmpty();
        assertThat(again.nextStatus()).isEqualTo(told);
    }

    @Test
    void theSameVersionSpelledWithVIsUpToDate() {
        Decision d = decide("v2.4.0", ClusterStatus.initial().withCurrentVersion("2.4.0"));

        assertThat(d.actions()).isEmpty();
        assertThat(Condition.find(d.nextStatus().conditions(), Condition.UPGRADING).orElseThrow().reason())
                .isEqualTo(RollingReasons.UP_TO_DATE);
    }
}
