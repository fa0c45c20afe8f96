package dev.raftops.controller.metrics;

import dev.raftops.domain.resource.BlueGreenStatus;
import dev.raftops.domain.resource.ClusterStatus;
import dev.raftops.domain.resource.ExecutorAction;
import dev.raftops.domain.resource.RollingProgress;
import dev.raftops.domain.rolling.RollingReasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code raftops_executor_job_failures}: executor Jobs whose failure the controller recorded in the
 * status, by {@code action} (the Job's {@code raftops.dev/action}): a backup run's failure count going
 * up, a pre-upgrade snapshot's failed attempts going up, a rolling upgrade failing on its step-down,
 * and a new blue/green Job failure.
 */
final class ExecutorJobFailures {

    private final MeterRegistry registry;

    ExecutorJobFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    void transition(ClusterStatus before, ClusterStatus after) {
        if (after.backup().consecutiveFailures() > before.backup().consecutiveFailures()) {
            count("backup");
        }
        RollingProgress was = before.upgrade();
        RollingProgress is = after.upgrade();
        if (is != null && is.snapshot() != null) {
            int failedBefore = was == null || was.snapshot() == null || was.attempt() != is.attempt() ? 0
                    : was.snapshot().failedAttempts();
            if (is.snapshot().failedAttempts() > failedBefore) {
                count("pre-upgrade-snapshot");
            }
        }
        if (is != null && is.failed() && (was == null || !was.failed())
                && is.failure().reason().equals(RollingReasons.STEP_DOWN_FAILED)) {
            count("step-down");
        }
        BlueGreenStatus bgBefore = before.blueGreen();
        BlueGreenStatus bgAfter = after.blueGreen();
        if (bgAfter != null && bgAfter.lastJobFailure() != null
                && (bgBefore == null || !Objects.equals(bgBefore.lastJobFailure(), bgAfter.lastJobFailure()))) {
            count(actionNamed(bgAfter.lastJobFailure().message()));
        }
    }

    /** The blue/green failure message names the action in parentheses ({@code ExecutorStep}); else "blue-green". */
    private static String actionNamed(String message) {
        return Arrays.stream(ExecutorAction.values()).map(ExecutorAction::wireName)
                .filter(name -> message.contains("(" + name + ")")).findFirst().orElse("blue-green");
    }

    private void count(String action) {
        Counter.builder("raftops_executor_job_failures").description("Executor Jobs that failed, as recorded in the status")
                .tag("action", action).register(registry).increment();
    }
}
