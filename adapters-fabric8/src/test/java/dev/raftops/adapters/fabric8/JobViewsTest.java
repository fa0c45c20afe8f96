package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.JobResult;
import dev.raftops.domain.cluster.JobView;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobViewsTest {

    private static JobBuilder job() {
        return new JobBuilder().withNewMetadata().withName("db-backup-1").addToLabels(Labels.ACTION, "backup")
                .withCreationTimestamp("2026-11-24T10:00:00Z").endMetadata();
    }

    @Test
    void aJobWithoutATerminalConditionIsRunning() {
        JobView view = Fabric8ClusterObserver.jobView(job().build());
        assertThat(view.result()).isEqualTo(JobResult.RUNNING);
        assertThat(view.finishedAt()).isNull();
        assertThat(view.createdAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(view.action()).isEqualTo("backup");
    }

    @Test
    void theCompleteConditionIsSuccess() {
        Job done = job().withNewStatus().addNewCondition().withType("Complete").withStatus("True")
                .withLastTransitionTime("2026-11-24T10:05:00Z").endCondition().endStatus().build();
        JobView view = Fabric8ClusterObserver.jobView(done);
        assertThat(view.result()).isEqualTo(JobResult.SUCCEEDED);
        assertThat(view.finishedAt()).isEqualTo(Instant.parse("2026-11-24T10:05:00Z"));
        assertThat(view.message()).isNull();
    }

    @Test
    void theFailedConditionIsAFailureWithItsReason() {
        Job failed = job().withNewStatus().addNewCondition().withType("Failed").withStatus("True")
                .withReason("DeadlineExceeded").withMessage("Job was active longer than specified deadline")
                .withLastTransitionTime("2026-11-24T10:05:00Z").endCondition().endStatus().build();
        JobView view = Fabric8ClusterObserver.jobView(failed);
        assertThat(view.result()).isEqualTo(JobResult.FAILED);
        assertThat(view.message()).startsWith("DeadlineExceeded: ");
    }

    @Test
    void aFailedPodCountWithoutConditionIsAFailure() {
        Job failed = job().withNewStatus().withFailed(1).withCompletionTime("2026-11-24T10:06:00Z").endStatus().build();
        assertThat(Fabric8ClusterObserver.jobView(failed).result()).isEqualTo(JobResult.FAILED);
    }

    @Test
    void parameterNamesBecomeUpperSnakeEnvironmentNames() {
        assertThat(ExecutorJobs.envName("targetPod")).isEqualTo("TARGET_POD");
        assertThat(ExecutorJobs.envName("backup.target-url")).isEqualTo("BACKUP_TARGET_URL");
    }
}
