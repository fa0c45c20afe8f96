package dev.raftops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.raftops.simulator.runtime.RuntimeFaults.ApiFault;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxFaultTest {

    @Test
    void readsEveryFaultTheSandboxNames() {
        assertThat(SandboxFault.parse("controller-crash@7")).isEqualTo(new SandboxFault.ControllerCrash(7));
        assertThat(SandboxFault.parse("conflict@1")).isEqualTo(new SandboxFault.Conflict(1));
        assertThat(SandboxFault.parse("pod-never-ready@0")).isEqualTo(new SandboxFault.PodNeverReady(0));
        assertThat(SandboxFault.parse("job-fail@step-down")).isEqualTo(new SandboxFault.JobFail("step-down"));
        assertThat(SandboxFault.parse("api-refused@2")).isEqualTo(new SandboxFault.PodApi(2, ApiFault.REFUSED));
        assertThat(SandboxFault.parse("api-sealed@0")).isEqualTo(new SandboxFault.PodApi(0, ApiFault.SEALED));
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndTheKnownFaults() {
        assertThatThrownBy(() -> SandboxFault.parse("disk-full@3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"disk-full@3\" is not a fault")
                .hasMessageContaining("controller-crash@N, conflict@N, pod-never-ready@ORDINAL, job-fail@ACTION");
    }

    @Test
    void aWriteNumberStartsAtOne() {
        assertThatThrownBy(() -> SandboxFault.parse("controller-crash@0")).hasMessageContaining("a write number from 1");
        assertThatThrownBy(() -> SandboxFault.parse("conflict")).hasMessageContaining("\"conflict\" needs a write number");
        assertThatThrownBy(() -> SandboxFault.parse("conflict@x")).hasMessageContaining("\"conflict@x\"");
    }

    @Test
    void anOrdinalIsANumberAndAnActionALabelValue() {
        assertThatThrownBy(() -> SandboxFault.parse("pod-never-ready@-1")).hasMessageContaining("an ordinal from 0");
        assertThatThrownBy(() -> SandboxFault.parse("job-fail@")).hasMessageContaining("needs an executor Job action");
        assertThatThrownBy(() -> SandboxFault.parse("job-fail@Back Up")).hasMessageContaining("\"job-fail@Back Up\"");
    }

    @Test
    void theRuntimeGetsThePodAndJobFaultsEachJobFailOneMore() {
        var runtime = SandboxFault.runtimeFaults(List.of(new SandboxFault.PodNeverReady(2), new SandboxFault.Conflict(3),
                new SandboxFault.JobFail("backup"), new SandboxFault.JobFail("backup")));

        assertThat(runtime).hasToString("pod-never-ready@2 job-fail@backup job-fail@backup");
    }

    @Test
    void theRuntimeGetsThePodApiFaultsSpelledAsTheCommandLineSpellsThem() {
        var faults = List.<SandboxFault>of(new SandboxFault.PodApi(1, ApiFault.SEALED));

        assertThat(SandboxFault.runtimeFaults(faults)).hasToString("api-sealed@1");
        assertThat(SandboxFault.spelling(faults.get(0))).isEqualTo("api-sealed@1");
    }
}
