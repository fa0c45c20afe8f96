package dev.raftops.simulator.openbao;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The double's routes, answering as OpenBao does (openbao/openbao at df6ce2ce): unauthenticated
 * {@code sys/health}, {@code sys/leader} and {@code sys/storage/raft/join} (mounted directly in
 * internal/http/handler.go); {@code auth/<mount>/login}; the token-checked {@code sys/step-down} and
 * {@code sys/storage/raft/*} paths. Errors are {@code {"errors": [...]}} as OpenBao's respondError writes.
 */
final class DoubleRoutes implements HttpHandler {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final OpenBaoDouble d;
    private final RaftRoutes raftRoutes;

    DoubleRoutes(OpenBaoDouble d) {
        this.d = d;
        this.raftRoutes = new RaftRoutes(d);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        // not closed on an exception: the server then drops the connection (a cut stream)
        {
            String[] parts = ex.getRequestURI().getPath().split("/", 4);
            ServedPods.Answer answer = parts.length < 4 ? ServedPods.Answer.NOT_SERVED : answer(parts[1]);
            if (answer == ServedPods.Answer.NOT_SERVED || !parts[2].equals("v1")) {
                send(ex, 404, error("no such pod or path"));
                ex.close();
                return;
            }
            String pod = parts[1];
            String path = parts[3];
            String method = ex.getRequestMethod();
            d.requests.add(method + " " + pod + " " + path);
            if (answer == ServedPods.Answer.REFUSED) {
                throw new IOException(pod + " does not listen"); // the server drops the connection unanswered
            }
            synchronized (d) {
                d.beforeRequest.accept(pod, path);
            }
            route(ex, pod, path, method);
        }
        ex.close();
    }

    private ServedPods.Answer answer(String pod) {
        synchronized (d) {
            return d.served.answer(pod);
        }
    }

    private void route(HttpExchange ex, String pod, String path, String method) throws IOException {
        if (path.equals("sys/health")) {
            health(ex, pod);
        } else if (path.equals("sys/leader")) {
            leader(ex, pod);
        } else if (path.equals("auth/" + d.mount + "/login") && method.equals("POST")) {
            login(ex);
        } else if (path.startsWith("auth/")) {
            send(ex, 403, error("permission denied"));
        } else if (path.equals("sys/storage/raft/join")) {
            raftRoutes.join(ex, pod, body(ex));
        } else if (!authorised(ex)) {
            send(ex, 403, error("permission denied"));
        } else if (unavailable(pod)) {
            send(ex, 503, error("Vault is sealed"));
        } else if (path.equals("sys/step-down") && (method.equals("PUT") || method.equals("POST"))) {
            stepDown(ex);
        } else if (path.startsWith("sys/storage/raft/")) {
            raftRoutes.route(ex, pod, path.substring("sys/storage/raft/".length()), method);
        } else {
            send(ex, 404, error("1 error occurred:\n\t* unsupported path\n\n"));
        }
    }

    /** internal/http/sys_health.go: 200 active, 429 standby, 503 sealed, 501 not initialised. */
    private void health(HttpExchange ex, String pod) throws IOException {
        int status;
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (d) {
            boolean member = d.raft.servers().contains(pod);
            boolean sealed = !member || d.sealed(pod);
            boolean active = member && !sealed && d.raft.leader().filter(pod::equals).isPresent();
            status = !member ? 501 : sealed ? 503 : active ? 200 : 429;
            body.put("initialized", member);
            body.put("sealed", sealed);
            body.put("standby", !active);
            body.put("replication_performance_mode", "disabled");
            body.put("replication_dr_mode", "disabled");
            body.put("server_time_utc", System.currentTimeMillis() / 1000);
            body.put("version", d.served.version(pod));
            if (member) {
                body.put("cluster_name", "raftops-double");
                body.put("cluster_id", "00000000-0000-0000-0000-000000000001");
            }
        }
        send(ex, status, body);
    }

    /**
     * internal/vault/logical_system.go LeaderResponse: {@code is_self}, {@code leader_address} and the
     * two Raft indexes are {@code omitempty}, so absent when false, empty or 0.
     */
    private void leader(HttpExchange ex, String pod) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        synchronized (d) {
            body.put("ha_enabled", true);
            boolean member = d.raft.servers().contains(pod) && !d.sealed(pod);
            Optional<String> leader = member ? d.raft.leader() : Optional.empty();
            if (leader.filter(pod::equals).isPresent()) {
                body.put("is_self", true);
            }
            leader.ifPresent(l -> {
                body.put("leader_address", d.base(l));
                body.put("leader_cluster_address", "https://" + l + ":8201");
            });
            long committed = member ? d.raft.commitIndex() : 0;
            long applied = member ? d.raft.appliedIndex(pod) : 0;
            if (committed != 0) {
                body.put("raft_committed_index", committed);
            }
            if (applied != 0) {
                body.put("raft_applied_index", applied);
            }
        }
        send(ex, 200, body);
    }

    private void login(HttpExchange ex) throws IOException {
        JsonNode in = body(ex);
        if (!d.role.equals(in.path("role").asString(""))) {
            send(ex, 400, error("invalid role name \"" + in.path("role").asString("") + "\""));
            return;
        }
        boolean accepted;
        synchronized (d) {
            accepted = d.served.accepts(in.path("jwt").asString(""));
        }
        if (!accepted) {
            send(ex, 403, error("permission denied"));
            return;
        }
        String token = "s." + UUID.randomUUID().toString().replace("-", "");
        synchronized (d) {
            d.tokens.add(token);
        }
        send(ex, 200, Map.of("auth", Map.of("client_token", token, "policies", java.util.List.of("raftops-executor"),
                "lease_duration", 3600, "renewable", true)));
    }

    /** A standby forwards the step-down to the active node (handleForwardIfStandby); the old leader sits out the next election. */
    private void stepDown(HttpExchange ex) throws IOException {
        synchronized (d) {
            d.raft.leader().ifPresent(d.raft::stepDown);
        }
        send(ex, 204, null);
    }

    boolean authorised(HttpExchange ex) {
        String token = ex.getRequestHeaders().getFirst("X-Vault-Token");
        synchronized (d) {
            return token != null && d.tokens.contains(token);
        }
    }

    boolean unavailable(String pod) {
        synchronized (d) {
            return !d.raft.servers().contains(pod) || d.sealed(pod);
        }
    }

    static JsonNode body(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        try {
            return raw.length == 0 ? JSON.createObjectNode() : JSON.readTree(raw);
        } catch (RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    static Map<String, Object> error(String message) {
        return Map.of("errors", java.util.List.of(message));
    }

    static void send(HttpExchange ex, int status, Object body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void drain(InputStream in) throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }
}
