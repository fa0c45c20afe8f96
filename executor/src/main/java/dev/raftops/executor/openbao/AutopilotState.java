package dev.raftops.executor.openbao;

import java.util.Map;

/** {@code GET /v1/sys/storage/raft/autopilot/state}: the leader's id and every server's progress. */
public record AutopilotState(String leader, Map<String, AutopilotServer> servers) {

    public AutopilotState {
        servers = Map.copyOf(servers);
    }

    public long leaderIndex() {
        AutopilotServer l = servers.get(leader);
        return l != null ? l.lastIndex() : servers.values().stream().mapToLong(AutopilotServer::lastIndex).max().orElse(0);
    }
}
