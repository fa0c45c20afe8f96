package dev.raftops.executor.openbao;

/** One node's {@code GET /v1/sys/leader}: whether it leads and its own Raft indexes (0 when omitted). */
public record LeaderStatus(String pod, boolean isSelf, String leaderAddress, long committedIndex, long appliedIndex) {
}
