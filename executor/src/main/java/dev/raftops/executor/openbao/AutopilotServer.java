package dev.raftops.executor.openbao;

/**
 * One server of {@code GET /v1/sys/storage/raft/autopilot/state} ({@code servers.<id>}): its last
 * log index and term, and its {@code status} ({@code leader}, {@code voter}, {@code non-voter}).
 */
public record AutopilotServer(String id, long lastIndex, long lastTerm, String status, boolean healthy) {
}
