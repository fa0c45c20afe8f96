package dev.raftops.simulator.openbao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenBaoDoubleTest {

    static final List<String> SERVERS = List.of("vault-0", "vault-1", "vault-2");
    final HttpClient http = HttpClient.newHttpClient();
    MembershipRaftCluster raft;
    OpenBaoDouble openbao;

    @BeforeEach
    void start() throws Exception {
        raft = MembershipRaftCluster.of("vault", SERVERS, "vault-0", 0, 7);
        openbao = OpenBaoDouble.start(raft, List.of("vault-0", "vault-1", "vault-2", "vault-3"), "2.4.1", "kubernetes",
                "executor", "the-jwt");
    }

    @AfterEach
    void stop() {
        openbao.close();
    }

    private HttpResponse<String> call(String method, String pod, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(openbao.base(pod) + "/v1/" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Vault-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> r) {
        return DoubleRoutes.JSON.readTree(r.body());
    }

    private String token() throws Exception {
        return json(call("POST", "vault-1", "auth/kubernetes/login", null, "{\"role\":\"executor\",\"jwt\":\"the-jwt\"}"))
                .path("auth").path("client_token").asString();
    }

    @Test
    void healthAnswers200Active429Standby503SealedAnd501NotInitialised() throws Exception {
        openbao.seal("vault-2");

        assertThat(call("GET", "vault-0", "sys/health", null, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "vault-1", "sys/health", null, null).statusCode()).isEqualTo(429);
        assertThat(call("GET", "vault-2", "sys/health", null, null).statusCode()).isEqualTo(503);
        assertThat(call("GET", "vault-3", "sys/health", null, null).statusCode()).isEqualTo(501);
    }

    @Test
    void leaderOmitsRaftIndexesWhileTheyAreZero() throws Exception {
        JsonNode notJoined = json(call("GET", "vault-3", "sys/leader", null, null));
        assertThat(notJoined.has("raft_committed_index")).isFalse();
        assertThat(notJoined.has("raft_applied_index")).isFalse();
        assertThat(notJoined.has("is_self")).isFalse();

        raft.advance(5, 5);
        JsonNode standby = json(call("GET", "vault-1", "sys/leader", null, null));
        assertThat(standby.path("raft_committed_index").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(standby.has("is_self")).isFalse();
        assertThat(json(call("GET", "vault-0", "sys/leader", null, null)).path("is_self").asBoolean()).isTrue();
    }

    @Test
    void aStandbyRedirectsSnapshotsToTheLeaderWith307() throws Exception {
        HttpResponse<String> r = call("GET", "vault-1", "sys/storage/raft/snapshot", token(), null);

        assertThat(r.statusCode()).isEqualTo(307);
        assertThat(r.headers().firstValue("Location")).contains(openbao.base("vault-0") + "/v1/sys/storage/raft/snapshot");
    }

    @Test
    void aStepDownKeepsTheOldLeaderOutOfTheNextElection() throws Exception {
        for (int i = 0; i < 5; i++) {
            String before = raft.leader().orElseThrow();
            assertThat(call("PUT", "vault-2", "sys/step-down", token(), null).statusCode()).isEqualTo(204);
            assertThat(raft.leader()).isPresent().get().isNotEqualTo(before);
        }
    }

    @Test
    void promoteTakesEffectAMomentLater() throws Exception {
        String t = token();
        call("POST", "vault-3", "sys/storage/raft/join", null, "{\"leader_api_addr\":\"" + openbao.base("vault-0") + "\",\"non_voter\":true}");
        assertThat(raft.isVoter("vault-3")).isFalse();

        assertThat(call("POST", "vault-0", "sys/storage/raft/promote", t, "{\"server_id\":\"vault-3\"}").statusCode()).isEqualTo(204);
        assertThat(raft.isVoter("vault-3")).isFalse();
        Thread.sleep(DoubleFaults.none().voterFlipDelay().toMillis() + 500);
        assertThat(raft.isVoter("vault-3")).isTrue();
    }

    @Test
    void aBadOrExpiredTokenIsAnswered403() throws Exception {
        String t = token();
        assertThat(call("GET", "vault-0", "sys/storage/raft/configuration", "s.bogus", null).statusCode()).isEqualTo(403);

        openbao.expireTokens();

        assertThat(call("GET", "vault-0", "sys/storage/raft/configuration", t, null).statusCode()).isEqualTo(403);
    }

    @Test
    void joiningAsNonVoterWhereNonVotersAreNotAllowedIsAnswered400() throws Exception {
        openbao.faults(DoubleFaults.none().withoutNonVoters());

        HttpResponse<String> r = call("POST", "vault-3", "sys/storage/raft/join", null,
                "{\"leader_api_addr\":\"" + openbao.base("vault-0") + "\",\"non_voter\":true}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("non-voting nodes not allowed");
        assertThat(raft.servers()).doesNotContain("vault-3");
    }
}
