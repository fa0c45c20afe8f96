package dev.raftops.acceptance;

import static dev.raftops.acceptance.Scenario.CLUSTER;
import static dev.raftops.acceptance.Scenario.FROM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.raftops.adapters.fabric8.crd.RaftClusterStatus;
import dev.raftops.domain.resource.BlueGreenSpec;
import dev.raftops.domain.resource.ClusterSpec;
import dev.raftops.domain.resource.UpgradeSpec;
import dev.raftops.domain.resource.UpgradeStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: a blue/green cutover through the real controller and the real adapters against the
 * embedded API server, the simulated cluster playing the pods, the shared Raft and the executor
 * Jobs. Exactly one colour is selected at every step of the trace.
 */
class BlueGreenScenarioTest {

    private static final String TO = "2.5.0";
    private static final Pattern REVISION = Pattern.compile("\"revision\":(null|\"[0-9a-f]+\")");

    @TempDir
    Path dir;

    private static ClusterSpec blueGreen(boolean autoPromote) {
        ClusterSpec base = ClusterSpec.of(FROM, null, 3);
        return base.withUpgrade(UpgradeSpec.defaults().withStrategy(UpgradeStrategy.BLUE_GREEN)
                .withBlueGreen(new BlueGreenSpec(autoPromote, BlueGreenSpec.DEFAULT_MAX_JOB_FAILURES, null, null)));
    }

    /** Starts the cluster on FROM and asks for TO; returns the generation of the edit. */
    private static long upgrade(Scenario s, boolean autoPromote) {
        s.create(CLUSTER, blueGreen(autoPromote), TO);
        s.awaitStatus(CLUSTER, "the cluster runs " + FROM, st -> FROM.equals(st.currentVersion)
                && st.blueGreen != null && st.blueGreen.blueRevision != null);
        s.awaitTrace(CLUSTER, "Blue has a leader", l -> l.contains("\"kind\":\"raft.leader\"")
                && !l.contains("\"pod\":null"));
        return s.patchSpec(CLUSTER, Map.of("version", TO)).getMetadata().getGeneration();
    }

    private static RaftClusterStatus awaitConverged(Scenario s, long generation) {
        return s.awaitStatus(CLUSTER, "the cluster converges on " + TO, st -> st.observedGeneration != null
                && st.observedGeneration >= generation && TO.equals(st.currentVersion) && st.blueGreen != null
                && "Idle".equals(st.blueGreen.phase) && st.operationLock != null && st.operationLock.operation == null);
    }

    /** Every revision a client Service selected, in order; null for "every pod of the cluster". */
    private static List<String> selections(List<String> lines) {
        return Scenario.ofKind(lines, "service.selector").stream().map(l -> {
            Matcher m = REVISION.matcher(l);
            return m.find() && !"null".equals(m.group(1)) ? m.group(1).replace("\"", "") : null;
        }).toList();
    }

    private static void assertOneColourAtEveryStep(Scenario s, List<String> lines, String blue, String green) {
        assertThat(selections(lines)).as(s.why("the client Service is pinned to Blue, then switched to Green once"))
                .containsSubsequence(blue, green).doesNotHaveDuplicates();
        Set<String> created = new TreeSet<>();
        for (String line : lines) {
            if (line.contains("\"kind\":\"sts.created\"")) {
                created.add(line);
            }
        }
        assertThat(created).as(s.why("Blue and Green StatefulSets")).hasSize(2);
        int greenCreated = -1;
        int pinned = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"kind\":\"sts.created\"") && lines.get(i).contains(green)) {
                greenCreated = i;
            }
            if (lines.get(i).contains("\"kind\":\"service.selector\"") && lines.get(i).contains(blue) && pinned < 0) {
                pinned = i;
            }
        }
        assertThat(pinned).as(s.why("traffic pinned to Blue before Green exists")).isBetween(0, greenCreated);
        s.assertInvariants(CLUSTER);
    }

    @Test
    void anAutoPromotedCutoverMovesTrafficToGreenOnceGreenLeads() {
        try (Scenario s = Scenario.start("blue-green-auto-promote", 9L, 1, dir)) {
            long generation = upgrade(s, true);
            RaftClusterStatus done = awaitConverged(s, generation);

            List<String> lines = s.trace(CLUSTER);
            String green = done.blueGreen.blueRevision; // Green became Blue
            String blue = selections(lines).stream().filter(r -> r != null && !r.equals(green)).findFirst()
                    .orElseThrow();
            assertOneColourAtEveryStep(s, lines, blue, green);
            for (String action : List.of("join-green", "wait-synced", "promote-green", "demote-blue",
                    "remove-blue-peers")) {
                assertThat(lines).as(s.why(action + " ran and succeeded")).anyMatch(l -> l.contains(
                        "\"kind\":\"job.finished\"") && l.contains("\"action\":\"" + action + "\"")
                        && l.contains("\"result\":\"succeeded\""));
            }
            assertThat(lines).as(s.why("Blue's pods are garbage-collected with their StatefulSet"))
                    .filteredOn(l -> l.contains("\"cause\":\"garbage-collection\"")).hasSize(3);
            // the pods the executor Jobs ran in stay until their Jobs go (ttlSecondsAfterFinished)
            assertThat(s.client().pods().inNamespace(Scenario.NAMESPACE).withoutLabel("job-name").list().getItems())
                    .as(s.why("only Green's pods are left")).hasSize(3)
                    .allMatch(p -> p.getMetadata().getName().startsWith(CLUSTER + "-" + green + "-"));
        }
    }

    @Test
    void aHeldPromotionWaitsForThePromoteTokenThenConverges() {
        try (Scenario s = Scenario.start("blue-green-promote-token", 19L, 0, dir)) {
            long generation = upgrade(s, false);
            s.awaitStatus(CLUSTER, "Green in sync, held for a promote token", st -> {
                var upgrading = Scenario.condition(st, "Upgrading");
                return upgrading != null && "AwaitingPromotion".equals(upgrading.reason);
            });
            assertThat(s.trace(CLUSTER)).as(s.why("nothing promoted before the token"))
                    .noneMatch(l -> l.contains("promote-green"));

            long promoted = s.patchSpec(CLUSTER, Map.of("upgrade", Map.of("requests", Map.of("promote",
                    "2026-11-24T19:00:00Z")))).getMetadata().getGeneration();
            RaftClusterStatus done = awaitConverged(s, Math.max(generation, promoted));

            assertThat(done.requests.lastHandledPromote).isEqualTo("2026-11-24T19:00:00Z");
            List<String> lines = s.trace(CLUSTER);
            String green = done.blueGreen.blueRevision;
            String blue = selections(lines).stream().filter(r -> r != null && !r.equals(green)).findFirst()
                    .orElseThrow();
            assertOneColourAtEveryStep(s, lines, blue, green);
        }
    }
}
