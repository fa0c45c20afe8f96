package dev.raftops.executor.openbao;

import dev.raftops.executor.ActionFailure;
import dev.raftops.executor.http.Reply;
import dev.raftops.executor.http.WorkloadHttp;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The OpenBao HTTP API calls the actions make (paths and fields as in openbao/openbao
 * website/content/docs/api/system/{health,leader,step-down}.mdx and storage/raft.mdx,
 * storage/raftautopilot.mdx). Unauthenticated: {@code sys/health}, {@code sys/leader},
 * {@code sys/storage/raft/join}; everything else carries the token from {@link Login}, got again
 * once when the workload answers 403 (an expired token).
 */
public final class OpenBaoApi {

    static final int MAX_REDIRECTS = 3;

    private final WorkloadHttp http;
    private final Members members;
    private final Login login;

    public OpenBaoApi(WorkloadHttp http, Members members, Login login) {
        this.http = http;
        this.members = members;
        this.login = login;
    }

    public Members members() {
        return members;
    }

    public Health health(String pod) {
        try {
            Reply r = http.probe("GET", members.api(pod, "sys/health"));
            Health.State state = Health.of(r.status());
            return new Health(pod, state, r.body().path("version").asString(null),
                    state == Health.State.UNEXPECTED ? "HTTP " + r.status() : null);
        } catch (ActionFailure e) {
            return new Health(pod, Health.State.UNREACHABLE, null, e.getMessage());
        }
    }

    /** Every member's health, in {@code RAFTOPS_PODS} order. */
    public List<Health> survey() {
        List<Health> out = new ArrayList<>();
        for (String pod : members.pods()) {
            out.add(health(pod));
        }
        return out;
    }

    /** The member that reports itself active now, if exactly one does. */
    public Optional<String> leader() {
        List<String> active = survey().stream().filter(Health::active).map(Health::pod).toList();
        return active.size() == 1 ? Optional.of(active.get(0)) : Optional.empty();
    }

    /** {@code GET sys/leader}: this node's Raft indexes, 0 when OpenBao omits them (omitempty). */
    public LeaderStatus leaderStatus(String pod) {
        Reply r = http.call("GET", members.api(pod, "sys/leader"), null, null);
        if (!r.ok()) {
            throw ActionFailure.retryable("GET sys/leader on " + pod + ": HTTP " + r.status());
        }
        JsonNode b = r.body();
        return new LeaderStatus(pod, b.path("is_self").asBoolean(false), b.path("leader_address").asString(""),
                b.path("raft_committed_index").asLong(0), b.path("raft_applied_index").asLong(0));
    }

    /** {@code PUT sys/step-down} on {@code pod} (204 on success). */
    public void stepDown(String pod) {
        expect(authed("PUT", pod, "sys/step-down", null), "step-down", pod);
    }

    /**
     * {@code GET sys/storage/raft/snapshot}, streamed. A standby answers 307 to the leader's address
     * (the path is in OpenBao's {@code alwaysRedirectPaths}, internal/http/handler.go): followed only
     * to a member of {@code RAFTOPS_PODS}, with the token sent again; anywhere else is refused.
     */
    public Snapshot snapshot(String pod) {
        String at = pod;
        URI uri = members.api(pod, "sys/storage/raft/snapshot");
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<InputStream> response = http.stream(uri, login.token(members, at));
            int status = response.statusCode();
            if (status == 307 || status == 308) {
                close(response.body());
                URI next = uri.resolve(response.headers().firstValue("Location").orElse(""));
                Optional<String> member = members.memberAt(next);
                if (member.isEmpty()) {
                    throw ActionFailure.refused("pod " + at + " redirected the snapshot to " + next.getHost()
                            + ", which is not a member of RAFTOPS_PODS; not following it");
                }
                at = member.get();
                uri = next;
                continue;
            }
            if (status == 403) {
                close(response.body());
                login.forget();
                throw ActionFailure.refused("the workload refused the snapshot (HTTP 403) for the token from " + login.describe());
            }
            if (status != 200) {
                close(response.body());
                throw failure("snapshot", at, status, "");
            }
            return new Snapshot(at, response.body());
        }
        throw ActionFailure.retryable("the snapshot was redirected more than " + MAX_REDIRECTS + " times");
    }

    /** {@code POST sys/storage/raft/snapshot} (or {@code snapshot-force}) with a streamed body. */
    public void restore(String pod, HttpRequest.BodyPublisher body, boolean force) {
        String path = force ? "sys/storage/raft/snapshot-force" : "sys/storage/raft/snapshot";
        Reply r = http.upload(members.api(pod, path), login.token(members, pod), body);
        if (r.status() == 403) {
            login.forget();
            throw ActionFailure.refused("the workload refused " + path + " (HTTP 403) for the token from " + login.describe());
        }
        expect(r, "restore", pod);
    }

    /** {@code POST sys/storage/raft/join} on {@code pod}; OpenBao answers {@code joined: true} also when already joined. */
    public boolean join(String pod, String leaderApiAddr, String leaderCaCert, boolean nonVoter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader_api_addr", leaderApiAddr);
        body.put("retry", true);
        body.put("non_voter", nonVoter);
        if (leaderCaCert != null) {
            body.put("leader_ca_cert", leaderCaCert);
        }
        Reply r = http.call("POST", members.api(pod, "sys/storage/raft/join"), null, body);
        if (r.status() == 400 && r.errors().contains("non-voting")) {
            throw ActionFailure.refused("pod " + pod + " does not allow non-voting members: " + r.errors());
        }
        expect(r, "join", pod);
        return r.body().path("joined").asBoolean(false);
    }

    public List<RaftServer> configuration(String pod) {
        Reply r = expect(authed("GET", pod, "sys/storage/raft/configuration", null), "configuration", pod);
        List<RaftServer> out = new ArrayList<>();
        for (JsonNode s : r.body().path("data").path("config").path("servers")) {
            out.add(new RaftServer(s.path("node_id").asString(""), s.path("address").asString(""),
                    s.path("leader").asBoolean(false), s.path("voter").asBoolean(false)));
        }
        return out;
    }

    public AutopilotState autopilot(String pod) {
        Reply r = expect(authed("GET", pod, "sys/storage/raft/autopilot/state", null), "autopilot state", pod);
        JsonNode b = r.body().has("data") ? r.body().path("data") : r.body();
        Map<String, AutopilotServer> servers = new LinkedHashMap<>();
        b.path("servers").properties().forEach(e -> servers.put(e.getKey(), new AutopilotServer(e.getKey(),
                e.getValue().path("last_index").asLong(0), e.getValue().path("last_term").asLong(0),
                e.getValue().path("status").asString(""), e.getValue().path("healthy").asBoolean(false))));
        return new AutopilotState(b.path("leader").asString(""), servers);
    }

    /** {@code promote}, {@code demote} or {@code remove-peer} of {@code serverId}. */
    public void membership(String pod, String verb, String serverId) {
        Reply r = authed("POST", pod, "sys/storage/raft/" + verb, Map.of("server_id", serverId));
        if ((r.status() == 404 || r.status() == 405) && !verb.equals("remove-peer")) {
            throw ActionFailure.refused("pod " + pod + " has no sys/storage/raft/" + verb
                    + " (HTTP " + r.status() + "); promote and demote need OpenBao 2.3.0 or later");
        }
        expect(r, verb + " " + serverId, pod);
    }

    private Reply authed(String method, String pod, String path, Object body) {
        Reply r = http.call(method, members.api(pod, path), login.token(members, pod), body);
        if (r.status() == 403) {
            login.forget(); // an expired or revoked token: log in once more
            r = http.call(method, members.api(pod, path), login.token(members, pod), body);
            if (r.status() == 403) {
                login.forget();
                throw ActionFailure.refused("the workload denied " + method + " " + path + " (HTTP 403"
                        + (r.errors().isEmpty() ? "" : ": " + r.errors()) + ") to the token from " + login.describe()
                        + "; check the role's policy");
            }
        }
        return r;
    }

    private static Reply expect(Reply r, String what, String pod) {
        if (!r.ok()) {
            throw failure(what, pod, r.status(), r.errors());
        }
        return r;
    }

    private static ActionFailure failure(String what, String pod, int status, String errors) {
        String message = what + " on " + pod + " failed: HTTP " + status + (errors.isEmpty() ? "" : " (" + errors + ")");
        return status == 429 || status >= 500 ? ActionFailure.retryable(message) : ActionFailure.refused(message);
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // nothing to do: the response is dropped
        }
    }

    /** A snapshot stream and the member that serves it. */
    public record Snapshot(String pod, InputStream body) {
    }
}
