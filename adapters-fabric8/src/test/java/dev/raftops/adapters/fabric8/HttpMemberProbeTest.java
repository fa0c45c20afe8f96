package dev.raftops.adapters.fabric8;

import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.domain.cluster.ClusterKey;
import dev.raftops.domain.cluster.ClusterObservation;
import dev.raftops.domain.cluster.Leadership;
import dev.raftops.domain.cluster.MemberState;
import dev.raftops.domain.cluster.PodView;
import dev.raftops.domain.resource.TlsSpec;
import dev.raftops.simulator.openbao.MembershipRaftCluster;
import dev.raftops.simulator.openbao.OpenBaoDouble;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.net.InetAddress;
import java.net.ServerSocket;
import dev.raftops.adapters.fabric8.AdapterSettings.PodAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The member probe against the OpenBao API double (one Raft model behind every pod's API). */
@EnableKubernetesMockClient(crud = true)
class HttpMemberProbeTest {

    static KubernetesClient client;

    static final ClusterKey KEY = new ClusterKey("default", "vault");
    static final TlsSpec PLAIN = new TlsSpec(true, null);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC);
    static final List<String> PODS = List.of("vault-0", "vault-1", "vault-2");

    MembershipRaftCluster raft;
    OpenBaoDouble openbao;

    @BeforeEach
    void start() throws Exception {
        raft = MembershipRaftCluster.of("vault", PODS, "vault-0", 100, 42);
        openbao = OpenBaoDouble.start(raft, PODS, "2.4.1", "kubernetes", "raftops-executor", "jwt");
    }

    @AfterEach
    void stop() {
        openbao.close();
    }

    HttpMemberProbe probe(PodAddress address) {
        return probe(address, Duration.ofSeconds(3));
    }

    HttpMemberProbe probe(PodAddress address, Duration timeout) {
        AdapterSettings settings = AdapterSettings.openBao().withPodAddress(address, timeout);
        return new HttpMemberProbe(new ProbeTrust(null, settings.probeTimeout()), settings, CLOCK);
    }

    HttpMemberProbe probeOfDouble() {
        return probe((cluster, pod, plain) -> URI.create(openbao.base(pod)));
    }

    @Test
    void aHealthyClusterReportsTheLeaderTheVersionAndEveryLagWithTwoRequestsPerPod() {
        HttpMemberProbe probe = probeOfDouble();
        Map<String, MemberState> members = probe.probe(KEY, PODS, PLAIN);
        assertThat(members.values()).allMatch(MemberState::known);
        assertThat(members.get("vault-0").leading()).isTrue();
        assertThat(members.get("vault-1").leading()).isFalse();
        assertThat(members.values()).extracting(MemberState::version).containsOnly("2.4.1");
        // the double commits an entry every 100 ms: the index read lies between the model's before and after
        assertThat(members.get("vault-0").committedIndex()).isBetween(100L, raft.commitIndex());
        assertThat(probe.requests()).isEqualTo(6);
        ClusterObservation observed = ClusterObservation.of(List.of(), PODS.stream().map(HttpMemberProbeTest::pod).toList(),
                List.of()).withMembers(members, CLOCK.instant());
        assertThat(observed.pods()).extracting(PodView::leadership)
                .containsExactly(Leadership.LEADER, Leadership.FOLLOWER, Leadership.FOLLOWER);
        assertThat(observed.pods()).allMatch(p -> p.caughtUp(10));
    }

    @Test
    void aSealedPodIsKnownSealedAndNotLeading() {
        openbao.seal("vault-2");
        MemberState sealed = probeOfDouble().probe(KEY, PODS, PLAIN).get("vault-2");
        assertThat(sealed.known()).isTrue();
        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.leading()).isFalse();
        assertThat(sealed.unmet()).containsExactly(MemberState.UNSEALED);
    }

    @Test
    void aPodThatIsNoRaftServerAnswersUninitialised() throws Exception {
        openbao.close();
        openbao = OpenBaoDouble.start(raft, List.of("vault-0", "vault-1", "vault-2", "vault-3"), "2.4.1", "kubernetes",
                "raftops-executor", "jwt");
        MemberState fresh = probeOfDouble().probe(KEY, List.of("vault-3"), PLAIN).get("vault-3");
        assertThat(fresh.initialized()).isFalse();
        assertThat(fresh.unmet()).contains(MemberState.INITIALIZED);
    }

    @Test
    void aRefusedConnectionIsUnknownWithTheReason() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + port);
        MemberState refused = probe((cluster, pod, plain) -> closed).probe(KEY, List.of("vault-0"), PLAIN).get("vault-0");
        assertThat(refused.known()).isFalse();
        assertThat(refused.error()).contains("connection refused");
    }

    @Test
    void aPodThatNeverAnswersIsUnknownAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI address = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            long started = System.nanoTime();
            MemberState silentPod = probe((cluster, pod, plain) -> address, Duration.ofMillis(500)).probe(KEY, List.of("vault-0"), PLAIN)
                    .get("vault-0");
            assertThat(silentPod.known()).isFalse();
            assertThat(silentPod.error()).contains("timed out");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aCaConfigMapWithoutCaCrtMakesEveryPodUnknownWithOneLineNamingIt() {
        client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("vault-ca").endMetadata().addToData("other", "x").build()).create();
        AdapterSettings settings = AdapterSettings.openBao();
        HttpMemberProbe probe = new HttpMemberProbe(new ProbeTrust(client, Duration.ofMillis(500)), settings, CLOCK);
        Map<String, MemberState> members = probe.probe(KEY, PODS, new TlsSpec(false, "vault-ca"));
        assertThat(members.values()).allMatch(m -> !m.known()
                && m.error().equals("ConfigMap default/vault-ca has no ca.crt (spec.tls.caConfigMap)"));
        assertThat(probe.requests()).isZero();
    }

    @Test
    void aCaCrtThatIsNoCertificateIsReportedAsSuch() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ProbeTrust.context("default/vault-ca", "junk")))
                .hasMessageContaining("ca.crt of default/vault-ca");
    }

    static PodView pod(String name) {
        return new PodView(name, "vault", Integer.parseInt(name.substring(6)), "uid", "rev", "img", null, true, false, 0,
                Leadership.UNKNOWN, null, true, Map.of());
    }
}
