package dev.raftops.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.simulator.runtime.JobPlayer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InProcessExecutorTest {

    @TempDir
    Path dir;

    private static Map<String, String> rendered() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RAFTOPS_CLUSTER", "demo");
        env.put("RAFTOPS_POD_ADDRESS", "https://{pod}.demo-internal.sandbox.svc:8200");
        env.put("RAFTOPS_TOKEN_FILE", "/var/run/secrets/raftops/token");
        env.put("RAFTOPS_RESULT_FILE", "/dev/termination-log");
        env.put("RAFTOPS_TARGET_POD", "demo-1");
        return env;
    }

    @Test
    void onlyThePodAddressTheTokenTheResultFileAndTheStoreCredentialsDifferFromTheJob() {
        InProcessExecutor executor = new InProcessExecutor(dir, Map.of("AWS_ACCESS_KEY_ID", "k",
                "AWS_SECRET_ACCESS_KEY", "s"));
        Map<String, String> env = executor.environment(new JobPlayer.JobRun("job-1", List.of("step-down"), rendered(),
                "http://127.0.0.1:1234/{pod}", "jwt"), dir);

        assertThat(env).containsEntry("RAFTOPS_POD_ADDRESS", "http://127.0.0.1:1234/{pod}")
                .containsEntry("RAFTOPS_TOKEN_FILE", dir.resolve("token").toString())
                .containsEntry("RAFTOPS_RESULT_FILE", dir.resolve("termination-log").toString())
                .containsEntry("RAFTOPS_CLUSTER", "demo").containsEntry("RAFTOPS_TARGET_POD", "demo-1")
                .containsEntry("AWS_ACCESS_KEY_ID", "k").hasSize(7);
    }

    @Test
    void credentialsTheJobCarriesAreKept() {
        Map<String, String> job = rendered();
        job.put("AWS_ACCESS_KEY_ID", "from-the-job");
        InProcessExecutor executor = new InProcessExecutor(dir, Map.of("AWS_ACCESS_KEY_ID", "k"));

        Map<String, String> env = executor.environment(new JobPlayer.JobRun("job-1", List.of("backup"), job,
                "http://127.0.0.1:1234/{pod}", "jwt"), dir);

        assertThat(env).containsEntry("AWS_ACCESS_KEY_ID", "from-the-job");
    }
}
