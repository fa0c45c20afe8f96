package dev.raftops.simulator.faults;

/**
 * A fault a scenario injects (or an operator edit that interleaves with the run like one). Counted faults name the k-th write, read, wake-up event or Job of a
 * run (1-based); timed faults name the simulated second they happen at. {@link #describe()} is the
 * form used in one-line replays.
 */
public sealed interface Fault {

    String describe();

    /** The controller process dies right after its k-th write: all its memory is lost, a new one starts. */
    record CrashAfterWrite(int write) implements Fault {
        public String describe() {
            return "crash-after-write:" + write;
        }
    }

    /**
     * The controller process dies just before its k-th write, which is never applied: all its memory
     * is lost, a new one starts (a crash between what a pass saw and what it wrote).
     */
    record CrashBeforeWrite(int write) implements Fault {
        public String describe() {
            return "crash-before-write:" + write;
        }
    }

    /** The k-th write is answered with 409 Conflict without being applied. */
    record ConflictOnWrite(int write) implements Fault {
        public String describe() {
            return "conflict-on-write:" + write;
        }
    }

    /** The k-th read (status read or observation) returns the answer the previous read of its kind gave. */
    record StaleRead(int read) implements Fault {
        public String describe() {
            return "stale-read:" + read;
        }
    }

    /** The k-th watch event that would wake the controller is lost. */
    record DropEvent(int event) implements Fault {
        public String describe() {
            return "drop-event:" + event;
        }
    }

    /** The k-th watch event that would wake the controller arrives {@code seconds} late. */
    record DelayEvent(int event, int seconds) implements Fault {
        public String describe() {
            return "delay-event:" + event + "+" + seconds + "s";
        }
    }

    /** At second {@code at}, Raft leadership moves to another Ready voter on its own. */
    record LeaderChange(int at) implements Fault {
        public String describe() {
            return "leader-change@" + at;
        }
    }

    /** At second {@code at}, the container of pod {@code ordinal} crashes and restarts. */
    record PodCrash(int at, int ordinal) implements Fault {
        public String describe() {
            return "pod-crash@" + at + ":" + ordinal;
        }
    }

    /** The k-th executor Job created fails. */
    record JobFailure(int job) implements Fault {
        public String describe() {
            return "job-failure:" + job;
        }
    }

    /** At second {@code at}, an operator edits {@code spec.version} to {@code version} (a retarget mid-upgrade). */
    record NewTarget(int at, String version) implements Fault {
        public String describe() {
            return "new-target@" + at + ":" + version;
        }
    }

    /** At second {@code at}, a second pod also reports Raft leadership. */
    record SplitBrain(int at) implements Fault {
        public String describe() {
            return "split-brain@" + at;
        }
    }

    /**
     * At second {@code at}, an operator breaks the operation lock: {@code spec.operationLock.forceRelease}
     * naming the holder and epoch the lock has then (nothing when it is free). The displaced
     * operation's Jobs keep running.
     */
    record ForceRelease(int at) implements Fault {
        public String describe() {
            return "force-release@" + at;
        }
    }

    /** At second {@code at}, an operator sets {@code spec.upgrade.requests.retry} to a new token. */
    record Retry(int at) implements Fault {
        public String describe() {
            return "retry@" + at;
        }
    }

    /** At second {@code at}, an operator sets {@code spec.maintenance.restartAt} to a new request: a rolling restart. */
    record Restart(int at) implements Fault {
        public String describe() {
            return "restart@" + at;
        }
    }

    /**
     * From second {@code at}, for {@code seconds}, the OpenBao API of the pod at {@code ordinal}
     * refuses every connection ({@code sealed} false) or answers sealed; Kubernetes still calls the
     * pod Ready (the runtime's {@code api-refused} / {@code api-sealed}).
     */
    record ApiOutage(int at, int ordinal, int seconds, boolean sealed) implements Fault {
        public String describe() {
            return (sealed ? "api-sealed@" : "api-refused@") + at + ":" + ordinal + "+" + seconds + "s";
        }
    }
}
