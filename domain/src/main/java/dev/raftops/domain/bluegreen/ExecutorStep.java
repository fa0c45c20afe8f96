package dev.raftops.domain.bluegreen;

import dev.raftops.domain.cluster.Failure;
import dev.raftops.domain.cluster.JobView;
import dev.raftops.domain.decision.Action;
import dev.raftops.domain.decision.Decision;
import dev.raftops.domain.decision.JobNames;
import dev.raftops.domain.decision.JobRequest;
import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.ExecutorSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One executor Job of a phase. The Job's name comes from (cluster, action, attempt, revisions, run),
 * so a Job that exists under it is this very step: it is created once, waited for, and its success
 * is recorded in {@code completedSteps}. A new run (after a counted failure, a retry token or an
 * acknowledged break-glass) is a new name, so a failed Job is never mistaken for a new one.
 */
final class ExecutorStep {

    /** What a failed Job of this step leads to. */
    enum OnFailure {
        /** Counted against {@code maxJobFailures}; the threshold unwinds the attempt (abort or rollback). */
        COUNTED,
        /** A failed pre-promotion hook: unwinds at once when {@code autoRollback.onValidationFailure}. */
        VALIDATION,
        /** Past the point of no return: counted, then held for a person; never unwinds. */
        CLEANUP,
        /** A failed rollback Job: break-glass. */
        ROLLBACK
    }

    /** What a held step asks of a person. */
    static final String PERSON_ADVICE = "set spec.upgrade.requests.retry to run it again or "
            + "spec.upgrade.requests.rollback to give up";

    private ExecutorStep() {
    }

    /** The deterministic Job name of {@code action} in the current run of the attempt. */
    static String jobName(Cutover c, ExecutorAction action, OnFailure rule) {
        return jobName(c.cluster(), c.bg(), action, rule == OnFailure.ROLLBACK);
    }

    /** The same name from the attempt's status alone: rollback Jobs are named by the rollback attempt. */
    static String jobName(String cluster, BlueGreenStatus bg, ExecutorAction action, boolean rollback) {
        String run = rollback ? "rollback" + bg.rollbackAttempt() : "run" + bg.jobFailureCount();
        return JobNames.of(cluster, action, bg.attemptId(), bg.blueRevision(), bg.greenRevision(), run);
    }

    /**
     * Empty when the step is done; otherwise the decision that moves it on (create, wait, record
     * success, or handle a failure).
     */
    static Optional<Decision> run(Cutover c, ExecutorAction action, OnFailure rule) {
        return run(c, action, rule, null, Map.of(), 0);
    }

    static Optional<Decision> run(Cutover c, ExecutorAction action, OnFailure rule, String image,
            Map<String, String> extra, int deadlineSeconds) {
        BlueGreenStatus bg = c.bg();
        if (bg.stepDone(action)) {
            return Optional.empty();
        }
        if (bg.holdReason() != null) {
            return Optional.of(c.waitFor("held: " + bg.holdReason()));
        }
        String name = jobName(c, action, rule);
        Optional<JobView> job = c.observation().job(name);
        if (job.isEmpty()) {
            ExecutorSpec executor = c.in().spec().upgrade().executor();
            JobRequest request = new JobRequest(name, action, image != null ? image : executor.image(),
                    executor.serviceAccount(), parameters(c, extra), deadlineSeconds);
            return Optional.of(Decision.of(c.in().status(), c.onEvent("job " + name + " created"),
                    new Action.CreateJob(request)));
        }
        return switch (job.get().result()) {
            case RUNNING -> Optional.of(c.waitFor("job " + name + " running"));
            case SUCCEEDED -> Optional.of(c.proceed(bg.withStepDone(action), "job " + name + " succeeded"));
            case FAILED -> Optional.of(failed(c, action, rule, job.get()));
        };
    }

    private static Decision failed(Cutover c, ExecutorAction action, OnFailure rule, JobView job) {
        BlueGreenStatus bg = c.bg();
        var autoRollback = c.spec().autoRollback();
        String message = "job " + job.name() + " (" + action.wireName() + ") failed"
                + (job.message() == null ? "" : ": " + job.message());
        String reason = rule == OnFailure.VALIDATION ? BlueGreenReasons.VALIDATION_FAILED
                : BlueGreenReasons.EXECUTOR_JOB_FAILED;
        Failure failure = new Failure(reason, message, c.now());
        switch (rule) {
            case ROLLBACK:
                return BreakGlassEntry.enter(c, bg.withJobFailure(bg.jobFailureCount() + 1, failure), message);
            case VALIDATION:
                if (autoRollback.enabled() && autoRollback.onValidationFailure()) {
                    return Unwind.unwind(c.after(bg.withJobFailure(bg.jobFailureCount(), failure)),
                            BlueGreenReasons.VALIDATION_FAILED, message, true);
                }
                return hold(c, failure, BlueGreenReasons.VALIDATION_FAILED, message);
            default:
                break;
        }
        boolean auto = autoRollback.enabled() && autoRollback.onJobFailure();
        int count = bg.jobFailureCount() + 1;
        if (!auto) {
            return hold(c, failure, BlueGreenReasons.EXECUTOR_JOB_FAILED, message);
        }
        if (count < c.spec().maxJobFailures()) {
            return c.proceed(bg.withJobFailure(count, failure), "retrying " + action.wireName(),
                    c.warning(BlueGreenReasons.EXECUTOR_JOB_FAILED, message + "; failure " + count + " of "
                            + c.spec().maxJobFailures() + " in " + bg.phase() + ", retrying with a new Job"));
        }
        BlueGreenStatus counted = bg.withJobFailure(count, failure);
        if (rule == OnFailure.CLEANUP) {
            return hold(c.after(counted), failure, BlueGreenReasons.CLEANUP_STALLED, message
                    + "; Cleanup is past the point of no return, so raftops will not roll back");
        }
        return Unwind.unwind(c.after(counted), BlueGreenReasons.JOB_FAILURE_THRESHOLD,
                count + " executor Job failures in " + bg.phase() + "; last: " + message, true);
    }

    /** Waits for a person: a retry token runs the step again under a new name, a rollback token unwinds. */
    private static Decision hold(Cutover c, Failure failure, String reason, String message) {
        BlueGreenStatus held = c.bg().withJobFailure(c.bg().jobFailureCount(), failure).withHold(reason);
        String advice = message + "; " + PERSON_ADVICE;
        return Decision.of(c.upgrading(c.with(held), true, BlueGreenReasons.WAITING_FOR_PERSON, advice),
                c.onEvent("held: " + reason), c.warning(reason, advice));
    }

    private static Map<String, String> parameters(Cutover c, Map<String, String> extra) {
        Map<String, String> p = new TreeMap<>(extra);
        p.put("cluster", c.cluster());
        p.put("namespace", c.in().cluster().namespace());
        p.put("blueRevision", c.bg().blueRevision());
        p.put("greenRevision", c.bg().greenRevision());
        p.put("blueStatefulSet", c.blueSet());
        p.put("greenStatefulSet", c.greenSet());
        p.put("greenReplicas", Integer.toString(c.bg().greenReplicas()));
        p.put("maxLagEntries", Long.toString(c.spec().verification().maxLagEntries()));
        return p;
    }
}
