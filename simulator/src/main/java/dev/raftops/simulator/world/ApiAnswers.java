package dev.raftops.simulator.world;

import dev.raftops.domain.cluster.MemberState;
import java.time.Instant;

/**
 * What a simulated pod's OpenBao API would answer to {@code sys/health} and {@code sys/leader},
 * straight from the Raft model: a pod that is not running refuses the connection, one that is no
 * Raft member answers as an uninitialised node (501), a member answers with its role and its
 * applied index ({@link #COMMITTED} less its lag). A scenario's {@code Fault.ApiOutage} closes or seals one
 * for a while (SimulatedPorts).
 */
final class ApiAnswers {

    /** The leader's commit index every member's lag is counted from. */
    static final long COMMITTED = 1_000_000;

    private ApiAnswers() {
    }

    static MemberState of(SimPod pod, boolean member, boolean leads, Long lag, Instant at) {
        if (!pod.ready()) {
            return MemberState.failed(at, "connection refused");
        }
        if (!member) {
            return new MemberState(true, false, true, false, pod.version, null, null, at, null);
        }
        long applied = COMMITTED - (lag == null ? 0 : lag);
        return new MemberState(true, leads, false, true, pod.version, applied, COMMITTED, at, null);
    }
}
