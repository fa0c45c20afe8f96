package dev.raftops.simulator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuntimeFaultsTest {

    @Test
    void eachJobFailureAddsOneFailingJobOfItsAction() {
        RuntimeFaults faults = RuntimeFaults.none().withFailingJob("backup").withFailingJob("backup")
                .withFailingJob("step-down");

        assertThat(faults.failingJobs("backup")).isEqualTo(2);
        assertThat(faults.failingJobs("step-down")).isEqualTo(1);
        assertThat(faults.failingJobs("join-green")).isZero();
        assertThat(faults.failingJobs(null)).isZero();
    }

    @Test
    void healingAnOrdinalReleasesOnlyThatPod() {
        RuntimeFaults faults = RuntimeFaults.none().withNeverReady(1).withNeverReady(2).healed(2);

        assertThat(faults.holdsBack(1)).isTrue();
        assertThat(faults.holdsBack(2)).isFalse();
    }

    @Test
    void namesTheFaultsAsTheSandboxOptionDoes() {
        assertThat(RuntimeFaults.none().withNeverReady(2).withFailingJob("backup").withFailingJob("backup"))
                .hasToString("pod-never-ready@2 job-fail@backup job-fail@backup");
        assertThat(RuntimeFaults.none()).hasToString("");
    }
}
