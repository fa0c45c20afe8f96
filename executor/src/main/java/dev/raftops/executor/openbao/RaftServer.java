package dev.raftops.executor.openbao;

/** One server of {@code GET /v1/sys/storage/raft/configuration} ({@code data.config.servers[]}). */
public record RaftServer(String nodeId, String address, boolean leader, boolean voter) {
}
