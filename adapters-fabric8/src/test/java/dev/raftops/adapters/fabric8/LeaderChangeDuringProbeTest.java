package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.raftops.adapters.fabric8.AdapterSettings.PodAddress;
import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pods answer one after another, and leadership can move in between (a step-down, an
 * election): the probe must not report two leaders, which the decisions take for a split brain
 * and halt on. The pods' answers come from the OpenBao API double; a relay in front of it holds the
 * other pods until the leader has stepped down after one chosen answer.
 */
class LeaderChangeDuringProbeTest {

    static final ClusterKey KEY = new ClusterKey("default", "vault");
    static final List<String> PODS = List.of("vault-0", "vault-1", "vault-2");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    final MembershipRaftCluster raft = MembershipRaftCluster.of("vault", PODS, "vault-0", 100, 42);
    final CountDownLatch moved = new CountDownLatch(1);
    OpenBaoDouble openbao;
    HttpServer relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop(0);
        }
        openbao.close();
    }

    @Test
    void aLeaderThatStepsDownBetweenItsHealthAndLeaderAnswersIsNotCountedLeading() throws Exception {
        Map<String, MemberState> members = probeWhileLeaderStepsDownAfter("sys/health");

        assertThat(leaders(members)).containsExactly(raft.leader().orElseThrow());
        assertThat(members.get("vault-0").leading()).isFalse();
    }

    @Test
    void twoPodsThatClaimLeadershipOneAfterTheOtherAreAskedAgainAndOnlyTheLeaderRemains() throws Exception {
        Map<String, MemberState> members = probeWhileLeaderStepsDownAfter("sys/leader");

        assertThat(leaders(members)).containsExactly(raft.leader().orElseThrow());
        assertThat(members.values()).allMatch(MemberState::known);
    }

    private Map<String, MemberState> probeWhileLeaderStepsDownAfter(String answer) throws Exception {
        openbao = OpenBaoDouble.start(raft, PODS, "2.4.1", "kubernetes", "raftops-executor", "jwt");
        AtomicBoolean once = new AtomicBoolean();
        relay = relay((pod, path) -> pod.equals("vault-0") && path.equals(answer) && once.compareAndSet(false, true));
        URI base = URI.create("http://127.0.0.1:" + relay.getAddress().getPort());
        PodAddress address = (cluster, pod, plain) -> URI.create(base + "/" + pod);
        AdapterSettings settings = AdapterSettings.openBao().withPodAddress(address, Duration.ofSeconds(5));
        HttpMemberProbe probe = new HttpMemberProbe(new ProbeTrust(null, settings.probeTimeout()), settings, CLOCK);
        return probe.probe(KEY, PODS, new TlsSpec(true, null));
    }

    private static List<String> leaders(Map<String, MemberState> members) {
        return members.entrySet().stream().filter(e -> e.getValue().leading()).map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    interface Trigger {
        boolean stepsDownAfter(String pod, String path);
    }

    /**
     * Forwards {@code /<pod>/v1/<path>} to the double. The answer {@code trigger} picks is read,
     * then vault-0 steps down, then it is sent; the other pods' answers wait for that step-down.
     */
    private HttpServer relay(Trigger trigger) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", ex -> {
            String[] parts = ex.getRequestURI().getPath().split("/v1/", 2);
            String pod = parts[0].substring(1);
            String path = parts[1];
            boolean trigger1 = trigger.stepsDownAfter(pod, path);
            try {
                if (!pod.equals("vault-0")) {
                    moved.await(5, TimeUnit.SECONDS);
                }
                HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(openbao.base(pod) + "/v1/"
                        + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (trigger1) {
                    assertThat(raft.stepDown("vault-0")).isTrue();
                    moved.countDown();
                }
                ex.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(answer.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return server;
    }
}
