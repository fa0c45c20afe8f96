package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.JobView;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The executor's result, from its pod's termination message, reaches the Job's view. */
class ExecutorResultsTest {

    static final String BACKUP_RESULT = "{\"action\":\"backup\",\"result\":\"succeeded\",\"retryable\":false,"
            + "\"message\":\"wrote backups/default/db/manual/w.snap\",\"facts\":{\"bucket\":\"b\","
            + "\"objectKey\":\"backups/default/db/manual/w.snap\",\"bytes\":262144,\"sha256\":\"ab12\","
            + "\"retention\":{\"deleted\":[]}}}";

    static Pod executorPod(String job, String created, String message) {
        return new PodBuilder().withNewMetadata().withName(job + "-x").withCreationTimestamp(created)
                .addToLabels("batch.kubernetes.io/job-name", job).endMetadata().withNewStatus().addNewContainerStatus()
                .withName("executor").withNewState().withNewTerminated().withExitCode(0).withMessage(message)
                .endTerminated().endState().endContainerStatus().endStatus().build();
    }

    static Job finished(String type) {
        return new JobBuilder().withNewMetadata().withName("db-backup-1").addToLabels(Labels.ACTION, "backup")
                .withCreationTimestamp("2026-11-24T10:00:00Z").endMetadata().withNewStatus().addNewCondition()
                .withType(type).withStatus("True").withReason("BackoffLimitExceeded")
                .withLastTransitionTime("2026-11-24T10:05:00Z").endCondition().endStatus().build();
    }

    @Test
    void aBackupsObjectKeySizeAndDigestComeFromTheTerminationMessage() {
        Map<String, ExecutorResults.Result> results = ExecutorResults.of(List.of(executorPod("db-backup-1",
                "2026-11-24T10:00:01Z", BACKUP_RESULT)));
        JobView view = Fabric8ClusterObserver.jobView(finished("Complete"), results.get("db-backup-1"));
        assertThat(view.message()).isEqualTo("wrote backups/default/db/manual/w.snap");
        assertThat(view.facts()).containsEntry("objectKey", "backups/default/db/manual/w.snap")
                .containsEntry("bytes", "262144").containsEntry("sha256", "ab12").doesNotContainKey("retention");
    }

    @Test
    void aFailedJobSaysWhatTheExecutorSaidNotTheJobControllersReason() {
        String failed = "{\"action\":\"backup\",\"result\":\"failed\",\"retryable\":true,"
                + "\"message\":\"the snapshot body is empty\",\"facts\":{}}";
        JobView view = Fabric8ClusterObserver.jobView(finished("Failed"), ExecutorResults.of(List.of(
                executorPod("db-backup-1", "2026-11-24T10:00:01Z", failed))).get("db-backup-1"));
        assertThat(view.message()).isEqualTo("the snapshot body is empty");
    }

    @Test
    void aMessageThatIsNoResultIsKeptAsText() {
        assertThat(ExecutorResults.parse("exec format error").message()).isEqualTo("exec format error");
    }

    @Test
    void theNewestPodOfARetriedJobSpeaks() {
        Map<String, ExecutorResults.Result> results = ExecutorResults.of(List.of(
                executorPod("db-backup-1", "2026-11-24T10:00:09Z", "{\"message\":\"second\"}"),
                executorPod("db-backup-1", "2026-11-24T10:00:01Z", "{\"message\":\"first\"}")));
        assertThat(results.get("db-backup-1").message()).isEqualTo("second");
    }

    @Test
    void theExecutorContainerWritesItsResultWhereKubernetesReadsTheTerminationMessage() {
        dev.raftops.domain.cluster.ClusterKey db = new dev.raftops.domain.cluster.ClusterKey("default", "db");
        Job rendered = ExecutorJobs.render(db, "uid",
                new dev.raftops.domain.decision.JobRequest("db-backup-1", dev.raftops.domain.resource.ExecutorAction.BACKUP,
                        null, null, Map.of(), 120),
                dev.raftops.domain.resource.ExecutorSpec.defaults(), List.of("db-0"), WorkloadSpec.defaults(db),
                AdapterSettings.openBao());
        var container = rendered.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getTerminationMessagePath()).isEqualTo("/dev/termination-log");
        assertThat(container.getTerminationMessagePolicy()).isEqualTo("File");
    }
}
