package dev.raftops.simulator.openbao;

import static dev.raftops.simulator.openbao.DoubleRoutes.error;
import static dev.raftops.simulator.openbao.DoubleRoutes.send;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * {@code sys/storage/raft/*} as website/content/docs/api/system/storage/raft.mdx and
 * raftautopilot.mdx document them. Snapshot paths are in OpenBao's {@code alwaysRedirectPaths}: a
 * standby answers 307 to the leader (internal/http/handler.go respondStandby). Join with
 * {@code non_voter} where non-voters are not allowed is a 400 (internal/http/sys_raft.go); joining a
 * node that already is a server answers {@code joined: true} (internal/vault/raft.go JoinRaftCluster).
 * Promote and demote (OpenBao 2.3.0 and later) take effect a moment later, as under autopilot.
 */
final class RaftRoutes {

    private final OpenBaoDouble d;

    RaftRoutes(OpenBaoDouble d) {
        this.d = d;
    }

    void route(HttpExchange ex, String pod, String path, String method) throws IOException {
        switch (path) {
            case "snapshot", "snapshot-force" -> snapshot(ex, pod, path, method);
            case "configuration" -> configuration(ex);
            case "autopilot/state" -> autopilot(ex);
            case "promote", "demote" -> voter(ex, path.equals("promote"), DoubleRoutes.body(ex));
            case "remove-peer" -> remove(ex, DoubleRoutes.body(ex));
            default -> send(ex, 404, error("1 error occurred:\n\t* unsupported path\n\n"));
        }
    }

    void join(HttpExchange ex, String pod, JsonNode body) throws IOException {
        boolean nonVoter = body.path("non_voter").asBoolean(false);
        DoubleFaults faults = d.faults;
        if (nonVoter && !faults.nonVoters()) {
            send(ex, 400, error("non-voting nodes not allowed"));
            return;
        }
        synchronized (d) {
            if (!d.raft.servers().contains(pod)) {
                Optional<String> leader = d.raft.leader();
                String asked = body.path("leader_api_addr").asString("");
                if (leader.isEmpty() || !asked.equals(d.base(leader.get())) && d.raft.servers().stream().map(d::base).noneMatch(asked::equals)) {
                    send(ex, 500, error("failed to join raft cluster: no leader at \"" + asked + "\""));
                    return;
                }
                d.raft.join(pod, !nonVoter, d.raft.commitIndex());
            }
        }
        send(ex, 200, Map.of("joined", true));
    }

    private void snapshot(HttpExchange ex, String pod, String path, String method) throws IOException {
        long index;
        long term;
        DoubleFaults faults = d.faults;
        synchronized (d) {
            Optional<String> leader = d.raft.leader();
            if (leader.isEmpty()) {
                send(ex, 500, error("no active node"));
                return;
            }
            if (!leader.get().equals(pod)) {
                String base = faults.foreignRedirect() != null ? faults.foreignRedirect() : d.base(leader.get());
                ex.getResponseHeaders().set("Location", URI.create(base + "/v1/sys/storage/raft/" + path).toString());
                DoubleRoutes.drain(ex.getRequestBody());
                ex.sendResponseHeaders(307, -1);
                return;
            }
            index = d.raft.appliedIndex(pod);
            term = d.raft.term();
        }
        if (method.equals("POST")) {
            restore(ex);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "application/gzip");
        switch (faults.snapshotBody()) {
            case EMPTY -> {
                ex.sendResponseHeaders(200, -1);
            }
            case NOT_GZIP -> {
                byte[] html = "<html>not a snapshot</html>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                ex.sendResponseHeaders(200, html.length);
                ex.getResponseBody().write(html);
            }
            case CUT_HALFWAY -> {
                // the write throws half-way and the exception leaves the handler unclosed: the server
                // drops the connection mid-body, as when a pod dies while streaming
                ex.sendResponseHeaders(200, 0);
                DoubleSnapshot.write(ex.getResponseBody(), faults.snapshotBytes(), index, term,
                        Math.max(1, faults.snapshotBytes() / 2));
            }
            default -> {
                ex.sendResponseHeaders(200, 0);
                try (OutputStream out = ex.getResponseBody()) {
                    DoubleSnapshot.write(out, faults.snapshotBytes(), index, term, 0);
                }
            }
        }
    }

    private void restore(HttpExchange ex) throws IOException {
        byte[] start;
        try (InputStream in = ex.getRequestBody()) {
            start = in.readNBytes(2);
            DoubleRoutes.drain(in);
        }
        if (start.length < 2 || (start[0] & 0xff) != 0x1f || (start[1] & 0xff) != 0x8b) {
            send(ex, 400, error("failed to read snapshot file: gzip: invalid header"));
            return;
        }
        synchronized (d) {
            d.raft.restored();
            d.restores++;
        }
        send(ex, 204, null);
    }

    private void configuration(HttpExchange ex) throws IOException {
        List<Map<String, Object>> servers = new ArrayList<>();
        long index;
        synchronized (d) {
            for (String s : d.raft.servers()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("address", s + ":8201");
                m.put("leader", d.raft.leader().filter(s::equals).isPresent());
                m.put("node_id", s);
                m.put("protocol_version", "3");
                m.put("voter", d.raft.isVoter(s));
                servers.add(m);
            }
            index = d.raft.commitIndex();
        }
        send(ex, 200, Map.of("data", Map.of("config", Map.of("index", index, "servers", servers))));
    }

    private void autopilot(HttpExchange ex) throws IOException {
        Map<String, Object> servers = new LinkedHashMap<>();
        List<String> voters = new ArrayList<>();
        List<String> nonVoters = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        synchronized (d) {
            String leader = d.raft.leader().orElse("");
            for (String s : d.raft.servers()) {
                boolean voter = d.raft.isVoter(s);
                (voter ? voters : nonVoters).add(s);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", s);
                m.put("name", s);
                m.put("address", s + ":8201");
                m.put("node_status", d.sealed(s) ? "left" : "alive");
                m.put("last_term", d.raft.term());
                m.put("last_index", d.raft.appliedIndex(s));
                m.put("healthy", !d.sealed(s));
                m.put("status", s.equals(leader) ? "leader" : voter ? "voter" : "non-voter");
                servers.put(s, m);
            }
            data.put("healthy", d.raft.servers().stream().noneMatch(d::sealed));
            data.put("leader", leader);
            data.put("voters", voters);
            data.put("non_voters", nonVoters);
            data.put("servers", servers);
        }
        send(ex, 200, Map.of("data", data));
    }

    private void voter(HttpExchange ex, boolean voter, JsonNode body) throws IOException {
        if (!d.faults.promoteDemote()) {
            send(ex, 404, error("1 error occurred:\n\t* unsupported path\n\n"));
            return;
        }
        String id = body.path("server_id").asString("");
        synchronized (d) {
            if (!d.raft.servers().contains(id)) {
                send(ex, 400, error("node " + id + " not found in the raft configuration"));
                return;
            }
        }
        d.scheduler.schedule(() -> {
            synchronized (d) {
                d.raft.setVoter(id, voter);
            }
        }, d.faults.voterFlipDelay().toMillis(), TimeUnit.MILLISECONDS);
        send(ex, 204, null);
    }

    private void remove(HttpExchange ex, JsonNode body) throws IOException {
        synchronized (d) {
            d.raft.remove(body.path("server_id").asString(""));
        }
        send(ex, 204, null);
    }
}
