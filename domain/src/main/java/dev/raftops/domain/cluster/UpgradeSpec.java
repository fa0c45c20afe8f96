package dev.raftops.domain.cluster;

import dev.raftops.domain.bluegreen.BlueGreenSpec;
import dev.raftops.domain.rolling.UpgradeTimeouts;
import dev.raftops.domain.version.UpgradePolicy;
import java.util.Objects;

/** {@code spec.upgrade}: how version drift is turned into an upgrade. */
public record UpgradeSpec(
        UpgradeStrategy strategy,
        boolean preUpgradeSnapshot,
        UpgradePolicy policy,
        UpgradeTimeouts timeouts,
        ExecutorSpec executor,
        UpgradeRequests requests,
        BlueGreenSpec blueGreen) {

    public UpgradeSpec {
        strategy = strategy == null ? UpgradeStrategy.ROLLING_UPDATE : strategy;
        policy = policy == null ? UpgradePolicy.defaults() : policy;
        timeouts = timeouts == null ? UpgradeTimeouts.defaults() : timeouts;
        executor = executor == null ? ExecutorSpec.defaults() : executor;
        requests = requests == null ? UpgradeRequests.none() : requests;
        blueGreen = blueGreen == null ? BlueGreenSpec.defaults() : blueGreen;
    }

    public static UpgradeSpec defaults() {
        return new UpgradeSpec(null, false, null, null, null, null, null);
    }

    public UpgradeSpec withStrategy(UpgradeStrategy value) {
        return new UpgradeSpec(value, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen);
    }

    public UpgradeSpec withPreUpgradeSnapshot(boolean value) {
        return new UpgradeSpec(strategy, value, policy, timeouts, executor, requests, blueGreen);
    }

    public UpgradeSpec withPolicy(UpgradePolicy value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, value, timeouts, executor, requests, blueGreen);
    }

    public UpgradeSpec withTimeouts(UpgradeTimeouts value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, value, executor, requests, blueGreen);
    }

    public UpgradeSpec withRequests(UpgradeRequests value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, Objects.requireNonNull(value), blueGreen);
    }

    public UpgradeSpec withBlueGreen(BlueGreenSpec value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, value);
    }
}
