package dev.raftops.domain.resource;

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
        BlueGreenSpec blueGreen,
        RollingSpec rolling,
        RaftStateSource raftState) {

    public UpgradeSpec {
        raftState = raftState == null ? RaftStateSource.API : raftState;
        strategy = strategy == null ? UpgradeStrategy.ROLLING_UPDATE : strategy;
        policy = policy == null ? UpgradePolicy.defaults() : policy;
        timeouts = timeouts == null ? UpgradeTimeouts.defaults() : timeouts;
        executor = executor == null ? ExecutorSpec.defaults() : executor;
        requests = requests == null ? UpgradeRequests.none() : requests;
        blueGreen = blueGreen == null ? BlueGreenSpec.defaults() : blueGreen;
        rolling = rolling == null ? RollingSpec.unset() : rolling;
    }

    /** With {@code spec.upgrade.raftState} at its default ({@code api}). */
    public UpgradeSpec(UpgradeStrategy strategy, boolean preUpgradeSnapshot, UpgradePolicy policy, UpgradeTimeouts timeouts,
            ExecutorSpec executor, UpgradeRequests requests, BlueGreenSpec blueGreen, RollingSpec rolling) {
        this(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen, rolling, null);
    }

    /** Without {@code spec.upgrade.rolling}: the rolling upgrade takes its lag limit from the deprecated field. */
    public UpgradeSpec(UpgradeStrategy strategy, boolean preUpgradeSnapshot, UpgradePolicy policy, UpgradeTimeouts timeouts,
            ExecutorSpec executor, UpgradeRequests requests, BlueGreenSpec blueGreen) {
        this(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen, null);
    }

    public static UpgradeSpec defaults() {
        return new UpgradeSpec(null, false, null, null, null, null, null, null, null);
    }

    /**
     * How far a pod may lag and count as caught up in a rolling upgrade: {@code spec.upgrade.rolling.maxLagEntries},
     * else the deprecated {@code spec.upgrade.blueGreen.verification.maxLagEntries}.
     */
    public long rollingMaxLagEntries() {
        return rolling.maxLagEntriesOr(blueGreen.verification().maxLagEntries());
    }

    public UpgradeSpec withStrategy(UpgradeStrategy value) {
        return new UpgradeSpec(value, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen, rolling, raftState);
    }

    public UpgradeSpec withPreUpgradeSnapshot(boolean value) {
        return new UpgradeSpec(strategy, value, policy, timeouts, executor, requests, blueGreen, rolling, raftState);
    }

    public UpgradeSpec withPolicy(UpgradePolicy value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, value, timeouts, executor, requests, blueGreen, rolling, raftState);
    }

    public UpgradeSpec withTimeouts(UpgradeTimeouts value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, value, executor, requests, blueGreen, rolling, raftState);
    }

    public UpgradeSpec withRequests(UpgradeRequests value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, Objects.requireNonNull(value), blueGreen, rolling, raftState);
    }

    public UpgradeSpec withBlueGreen(BlueGreenSpec value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, value, rolling, raftState);
    }

    public UpgradeSpec withRolling(RollingSpec value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen, value, raftState);
    }

    public UpgradeSpec withRaftState(RaftStateSource value) {
        return new UpgradeSpec(strategy, preUpgradeSnapshot, policy, timeouts, executor, requests, blueGreen, rolling, value);
    }
}
