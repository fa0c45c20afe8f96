package dev.raftops.simulator.runtime;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a Job whose program ran ends in the API, as Kubernetes reports a Job of {@code backoffLimit: 0}:
 * its one pod {@code Succeeded} or {@code Failed}, the container terminated with the program's exit
 * code and its result as the termination message, and the Job {@code Complete} or {@code Failed}
 * ({@code BackoffLimitExceeded}). The Failed condition's message is the result's {@code message}, so
 * what the executor said reaches the controller's condition and Event.
 */
final class JobEnds {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JobEnds() {
    }

    /** Writes the Job's pod and status; false when the Job was deleted meanwhile. */
    static boolean write(PodWrites api, Job job, JobPlayer.JobEnd end, Instant since, Instant at) {
        boolean ok = end.exitCode() == 0;
        api.jobPod(pod(job, end, since, at));
        Map<String, Object> condition = new TreeMap<>(Map.of("type", ok ? "Complete" : "Failed", "status", "True",
                "lastTransitionTime", at.toString()));
        Map<String, Object> status = new TreeMap<>(Map.of("startTime", since.toString(), "conditions",
                List.of(condition)));
        if (ok) {
            status.put("succeeded", 1);
            status.put("completionTime", at.toString());
        } else {
            condition.put("reason", "BackoffLimitExceeded");
            condition.put("message", message(end));
            status.put("failed", 1);
        }
        return api.jobStatus(job.getMetadata().getName(), status);
    }

    /** The result's {@code message}, else the exit code. */
    static String message(JobPlayer.JobEnd end) {
        try {
            JsonNode result = JSON.readTree(end.result());
            String message = result.path("message").asString("");
            if (!message.isBlank()) {
                return message;
            }
        } catch (RuntimeException e) {
            // no result written: the exit code still says it
        }
        return "the executor exited with " + end.exitCode();
    }

    private static Pod pod(Job job, JobPlayer.JobEnd end, Instant since, Instant at) {
        String name = job.getMetadata().getName();
        Map<String, String> labels = new TreeMap<>(job.getSpec().getTemplate().getMetadata() == null
                || job.getSpec().getTemplate().getMetadata().getLabels() == null ? Map.of()
                : job.getSpec().getTemplate().getMetadata().getLabels());
        labels.put("job-name", name);
        labels.put("batch.kubernetes.io/job-name", name);
        boolean ok = end.exitCode() == 0;
        return new PodBuilder()
                .withNewMetadata().withName(name + "-" + suffix(name)).withLabels(labels)
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName(name)
                .withUid(job.getMetadata().getUid()).withController(true).endOwnerReference()
                .endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase(ok ? "Succeeded" : "Failed").withStartTime(since.toString())
                .addNewContainerStatus().withName(job.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
                .withImage(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .withReady(false).withRestartCount(0)
                .withNewState().withNewTerminated().withExitCode(end.exitCode()).withReason(ok ? "Completed" : "Error")
                .withMessage(end.result()).withStartedAt(since.toString()).withFinishedAt(at.toString())
                .endTerminated().endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    /** Five letters from the name, as the Job controller's random suffix (never all digits: no ordinal). */
    private static String suffix(String name) {
        int hash = name.hashCode();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            out.append((char) ('a' + Math.floorMod(hash >> (i * 5), 26)));
        }
        return out.toString();
    }
}
