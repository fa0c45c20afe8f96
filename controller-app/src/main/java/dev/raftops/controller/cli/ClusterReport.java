package dev.raftops.controller.cli;

import java.time.Instant;
import java.util.List;

/**
 * What {@code raftops status} shows of one RaftCluster, read at {@code readAt}: the member table, the
 * operation in words, the lock, backups, conditions and recent Events. Built by {@link StatusReading},
 * shown by {@link StatusText} (or as JSON).
 *
 * @param membersFrom {@code status.members} when the status has them, else {@code pods} (read off the pods)
 */
record ClusterReport(String namespace, String name, String phase, String currentVersion, String specVersion,
        Instant readAt, String membersFrom, List<Member> members, Operation operation, String lock, String backup,
        List<ConditionLine> conditions, List<EventLine> events, List<RestoreLine> restores) {

    ClusterReport {
        restores = List.copyOf(restores);
        members = List.copyOf(members);
        conditions = List.copyOf(conditions);
        events = List.copyOf(events);
    }

    /** One Raft member; a field the source does not know is null. */
    record Member(Integer ordinal, String pod, String version, Boolean ready, Boolean leader, Boolean voter, Long lag,
            Boolean sealed) {
    }

    /**
     * The operation in flight in words; {@code since} and {@code budget} give the "12 s of 10 m" of the
     * current step (null when there is no clock on it), said before {@code rest} (the ordinals done and next).
     */
    record Operation(String summary, Instant since, java.time.Duration budget, String rest) {
    }

    record ConditionLine(String type, String status, String reason, String message, Instant since) {
    }

    record EventLine(Instant at, String type, String reason, String message, int count) {
    }

    /** A {@code RaftRestore} of the cluster: its name, phase, object and, when it failed, why. */
    record RestoreLine(String name, String phase, String objectKey, String failure, Instant startedAt) {
    }
}
