package dev.raftops.executor.action;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.executor.Workplace;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StepDownTest extends ActionOnWorkplace {


    private Map<String, String> stepDown(String target) {
        Map<String, String> env = w.env("step-down");
        env.put("RAFTOPS_TARGET_POD", target);
        return env;
    }

    @Test
    void aLeadingTargetStepsDownAndAnotherMemberLeads() throws Exception {
        Workplace.Run run = w.run(stepDown("vault-0"));

        assertThat(run.exit()).isZero();
        assertThat(run.facts().path("previousLeader").asString()).isEqualTo("vault-0");
        assertThat(run.facts().path("newLeader").asString()).isIn("vault-1", "vault-2");
        assertThat(w.raft.leader()).hasValueSatisfying(l -> assertThat(l).isNotEqualTo("vault-0"));
        assertThat(w.openbao.requests()).contains("PUT vault-0 sys/step-down");
    }

    @Test
    void aTargetThatDoesNotLeadIsDoneWithoutAStepDown() throws Exception {
        Workplace.Run run = w.run(stepDown("vault-1"));

        assertThat(run.exit()).isZero();
        assertThat(run.message()).contains("vault-1 is not leading");
        assertThat(w.openbao.requests()).noneMatch(r -> r.contains("sys/step-down"));
        assertThat(w.raft.leader()).contains("vault-0");
    }

    @Test
    void aLeaderChangeBeforeTheCallNeverStepsDownTheNewLeader() throws Exception {
        AtomicBoolean moved = new AtomicBoolean();
        w.openbao.beforeRequest((pod, path) -> {
            if (path.equals("sys/health") && pod.equals("vault-2") && moved.compareAndSet(false, true)) {
                w.raft.stepDown("vault-0"); // leadership moves while the executor surveys
            }
        });

        Workplace.Run run = w.run(stepDown("vault-0"));

        assertThat(run.exit()).isZero();
        assertThat(run.message()).contains("stopped leading before the step-down");
        assertThat(w.openbao.requests()).noneMatch(r -> r.contains("sys/step-down"));
    }

    @Test
    void aSealedTargetDoesNotLeadAndIsDone() throws Exception {
        w.openbao.seal("vault-0");
        w.raft.leader().orElseThrow();

        Workplace.Run run = w.run(stepDown("vault-0"));

        assertThat(run.exit()).isZero();
        assertThat(run.message()).contains("vault-0 is not leading (sealed)");
    }

    @Test
    void aSealedStandbyDoesNotStopTheLeaderFromSteppingDown() throws Exception {
        w.openbao.seal("vault-2");

        Workplace.Run run = w.run(stepDown("vault-0"));

        assertThat(run.exit()).isZero();
        assertThat(run.facts().path("newLeader").asString()).isEqualTo("vault-1");
    }

    @Test
    void aRejectedLoginRefusesWithExit2NamingMountAndRole() throws Exception {
        Map<String, String> env = stepDown("vault-0");
        env.put("RAFTOPS_AUTH_ROLE", "not-a-role");

        Workplace.Run run = w.run(env);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("mount \"kubernetes\"").contains("role \"not-a-role\"");
        assertThat(w.raft.leader()).contains("vault-0");
    }

    @Test
    void neitherTheJwtNorTheWorkloadTokenAppearsInTheResultOrTheLog() throws Exception {
        Workplace.Run run = w.run(stepDown("vault-0"));

        assertThat(run.result().toString()).doesNotContain(Workplace.JWT).doesNotContainPattern("s\\.[0-9a-f]{32}");
        assertThat(run.log()).doesNotContain(Workplace.JWT).doesNotContainPattern("s\\.[0-9a-f]{32}");
    }

    @Test
    void aTargetOutsideThePodsIsRefused() throws Exception {
        Workplace.Run run = w.run(stepDown("other-0"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.message()).contains("not in RAFTOPS_PODS");
    }
}
