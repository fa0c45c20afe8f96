package dev.raftops.executor.action;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.Log;
import dev.raftops.executor.http.Deadline;
import dev.raftops.executor.openbao.OpenBaoApi;
import dev.raftops.executor.storage.SnapshotStore;
import dev.raftops.executor.storage.StorageTarget;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What an action runs with: the workload API, the object store (built on first use), the cluster's
 * identity, the workload CA (for joins), the deadline, the clock, the log, and the facts the
 * result reports.
 */
public record ActionContext(String cluster, String namespace, OpenBaoApi api, Function<StorageTarget, SnapshotStore> stores,
        String caPem, Deadline deadline, Clock clock, Log log, Map<String, Object> facts) {

    static final Duration POLL = Duration.ofMillis(500);

    public SnapshotStore store(StorageTarget target) {
        return stores.apply(target);
    }

    /** The member that reports itself active, waiting for an election in progress until the deadline. */
    public String leader() {
        return until("a member reports itself active (no leader among " + api.members().pods() + ")",
                api::leader);
    }

    /** Polls {@code check} every half second until it answers, or fails (retryable) at the deadline. */
    public <T> T until(String what, Supplier<Optional<T>> check) {
        while (true) {
            Optional<T> answer = check.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (!deadline.pause(POLL)) {
                throw ActionFailure.retryable("deadline passed waiting until " + what);
            }
        }
    }
}
