package dev.raftops.domain.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.resource.ExecutorAction;
import org.junit.jupiter.api.Test;

class JobNamesTest {

    static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String LONG = "a-very-long-cluster-name-that-someone-chose-for-production-eu-west";

    @Test
    void aShortNameReadsClusterActionAndParts() {
        assertThat(JobNames.of("bao", ExecutorAction.STEP_DOWN, 1, 2)).isEqualTo("bao-step-down-1-2");
    }

    @Test
    void theSameIdentityGivesTheSameName() {
        assertThat(JobNames.of(LONG, ExecutorAction.BACKUP, "20261124-100000"))
                .isEqualTo(JobNames.of(LONG, ExecutorAction.BACKUP, "20261124-100000"));
    }

    @Test
    void differentAttemptsGiveDifferentNames() {
        assertThat(JobNames.of("bao", ExecutorAction.STEP_DOWN, 1, 2))
                .isNotEqualTo(JobNames.of("bao", ExecutorAction.STEP_DOWN, 2, 2));
        assertThat(JobNames.of(LONG, ExecutorAction.PRE_UPGRADE_SNAPSHOT, 1))
                .isNotEqualTo(JobNames.of(LONG, ExecutorAction.PRE_UPGRADE_SNAPSHOT, 2));
    }

    @Test
    void differentActionsGiveDifferentNames() {
        assertThat(JobNames.of("bao", ExecutorAction.JOIN_GREEN, 1))
                .isNotEqualTo(JobNames.of("bao", ExecutorAction.WAIT_SYNCED, 1));
    }

    @Test
    void aLongNameIsShortenedToALabelWithAReadablePrefixAndAHash() {
        String name = JobNames.of(LONG, ExecutorAction.REMOVE_GREEN_PEERS, 3, "c-green-2");

        assertThat(name).hasSizeLessThanOrEqualTo(63).matches(DNS_LABEL).startsWith("a-very-long-cluster-name")
                .matches(".*-[0-9a-f]{10}");
    }

    @Test
    void charactersOutsideALabelBecomeDashesAndAHashOfTheOriginal() {
        String name = JobNames.of("Bao.Prod", ExecutorAction.BACKUP, "2026_11_24");

        assertThat(name).startsWith("bao-prod-backup-2026-11-24-").matches(".*-[0-9a-f]{10}").matches(DNS_LABEL);
    }

    @Test
    void clustersWhoseNamesDifferOnlyInRewrittenCharactersGetDifferentNames() {
        assertThat(JobNames.of("a.b", ExecutorAction.BACKUP, 1)).isNotEqualTo(JobNames.of("a-b", ExecutorAction.BACKUP, 1));
    }

    @Test
    void aNameOfExactlySixtyThreeCharactersIsKept() {
        String cluster = "c".repeat(63 - "-backup-1".length());

        assertThat(JobNames.of(cluster, ExecutorAction.BACKUP, 1)).isEqualTo(cluster + "-backup-1").hasSize(63);
    }
}
