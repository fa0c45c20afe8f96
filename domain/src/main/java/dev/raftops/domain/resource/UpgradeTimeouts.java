package dev.raftops.domain.resource;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code spec.upgrade.timeouts}.
 *
 * @param stepDown how long leadership may take to move, from the step-down Job's creation (60 s)
 * @param podReady how long a released pod may take to be updated, Ready and caught up, from its release (10 min)
 */
public record UpgradeTimeouts(Duration stepDown, Duration podReady) {

    public static final Duration DEFAULT_STEP_DOWN = Duration.ofSeconds(60);
    public static final Duration DEFAULT_POD_READY = Duration.ofMinutes(10);

    public UpgradeTimeouts {
        stepDown = stepDown == null ? DEFAULT_STEP_DOWN : stepDown;
        podReady = podReady == null ? DEFAULT_POD_READY : podReady;
        if (stepDown.isNegative() || stepDown.isZero() || podReady.isNegative() || podReady.isZero()) {
            throw new IllegalArgumentException("upgrade timeouts must be positive");
        }
        Objects.requireNonNull(stepDown);
    }

    public static UpgradeTimeouts defaults() {
        return new UpgradeTimeouts(DEFAULT_STEP_DOWN, DEFAULT_POD_READY);
    }
}
