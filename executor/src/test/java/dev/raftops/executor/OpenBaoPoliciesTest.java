package dev.raftops.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The policies shipped in controller-app/deploy/openbao grant each family of executor actions exactly
 * the endpoints its actions call with a token, with the capability each call needs: every action is run
 * against the OpenBao double and its token-carrying requests are compared with the family's policy.
 */
class OpenBaoPoliciesTest {

    static final Path DEPLOY = Path.of("..", "controller-app", "deploy", "openbao");
    /** Endpoints OpenBao answers without a token (openbao internal/http: handleSysHealth, handleSysLeader, sys_raft.go join). */
    static final Set<String> UNAUTHENTICATED = Set.of("sys/health", "sys/leader", "sys/storage/raft/join",
            "auth/kubernetes/login");

    @TempDir
    Path dir;

    /** {@code path capability} pairs a policy file grants. */
    @SuppressWarnings("unchecked")
    static Set<String> granted(String policy) throws Exception {
        Map<String, Object> hcl = new HCLParser().parse(Files.readString(DEPLOY.resolve("policies/" + policy + ".hcl")));
        Set<String> out = new TreeSet<>();
        ((Map<String, Map<String, Object>>) hcl.get("path")).forEach((path, body) ->
                ((List<String>) body.get("capabilities")).forEach(c -> out.add(path + " " + c)));
        return out;
    }

    /**
     * What the token-carrying requests need: GET is read, PUT and POST are update; {@code sys/step-down}
     * also needs sudo (openbao.org api-docs/system/step-down).
     */
    static Set<String> needed(List<String> requests) {
        Set<String> out = new TreeSet<>();
        for (String request : requests) {
            String[] parts = request.split(" ", 3); // METHOD pod path
            String path = parts[2].replaceFirst("\\?.*", "");
            if (UNAUTHENTICATED.contains(path)) {
                continue;
            }
            out.add(path + " " + (parts[0].equals("GET") ? "read" : "update"));
            if (path.equals("sys/step-down")) {
                out.add(path + " sudo");
            }
        }
        return out;
    }

    /** Requests made by the runs {@code steps} does on a fresh workplace after {@code setup}. */
    static List<String> requests(Workplace w, Function<Workplace, List<Workplace.Run>> steps) {
        int before = w.openbao.requests().size();
        List<Workplace.Run> runs = steps.apply(w);
        runs.forEach(r -> assertThat(r.exit()).as(r.log()).isZero());
        List<String> all = w.openbao.requests();
        return new ArrayList<>(all.subList(before, all.size()));
    }

    static Workplace.Run run(Workplace w, String action, Map<String, String> extra) {
        Map<String, String> env = w.env(action);
        env.putAll(extra);
        try {
            return w.run(env);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static Map<String, String> snapshot(String kind) {
        return Map.of("RAFTOPS_SNAPSHOT_KIND", kind, "RAFTOPS_BACKUP_WINDOW", "2026-12-03T02:00:00Z",
                "RAFTOPS_UPGRADE_TARGET", "2.5.0", "RAFTOPS_UPGRADE_ATTEMPT", "1");
    }

    @Test
    void theBackupPolicyGrantsWhatBackupsAndPreUpgradeSnapshotsCallAndNothingMore() throws Exception {
        try (Workplace w = Workplace.rolling(dir)) {
            List<String> calls = requests(w, x -> List.of(run(x, "backup", snapshot("scheduled")),
                    run(x, "pre-upgrade-snapshot", snapshot("pre-upgrade"))));

            assertThat(granted("raftops-backup")).isEqualTo(needed(calls));
        }
    }

    @Test
    void theRollingPolicyGrantsWhatTheStepDownCallsAndNothingMore() throws Exception {
        try (Workplace w = Workplace.rolling(dir)) {
            List<String> calls = requests(w, x -> List.of(run(x, "step-down", Map.of("RAFTOPS_TARGET_POD", "vault-0"))));

            assertThat(granted("raftops-rolling")).isEqualTo(needed(calls)).contains("sys/step-down sudo");
        }
    }

    @Test
    void theBlueGreenPolicyGrantsWhatEveryMembershipStepCallsAndNothingMore() throws Exception {
        Map<String, String> lag = Map.of("RAFTOPS_MAX_LAG_ENTRIES", "5");
        Set<String> needed = new TreeSet<>();
        try (Workplace w = Workplace.blueGreen(dir.resolve("cutover").toFile().mkdirs() ? dir.resolve("cutover") : dir)) {
            needed.addAll(needed(requests(w, x -> List.of(run(x, "join-green", lag), run(x, "wait-synced", lag),
                    run(x, "promote-green", lag), run(x, "demote-blue", lag), run(x, "remove-blue-peers", lag)))));
        }
        try (Workplace w = Workplace.blueGreen(dir.resolve("repair").toFile().mkdirs() ? dir.resolve("repair") : dir)) {
            run(w, "join-green", lag);
            run(w, "promote-green", lag);
            run(w, "demote-blue", lag);
            needed.addAll(needed(requests(w, x -> List.of(run(x, "repair-consensus", lag),
                    run(x, "remove-green-peers", lag)))));
        }

        assertThat(granted("raftops-blue-green")).isEqualTo(needed);
    }

    @Test
    void theRestorePolicyGrantsWhatCheckedAndForcedRestoresCallAndNothingMore() throws Exception {
        try (Workplace w = Workplace.rolling(dir)) {
            assertThat(run(w, "backup", snapshot("manual")).exit()).isZero();
            List<String> calls = requests(w, x -> List.of(run(x, "restore", Map.of()),
                    run(x, "restore", Map.of("RAFTOPS_RESTORE_FORCE", "true"))));

            assertThat(granted("raftops-restore")).isEqualTo(needed(calls));
        }
    }

    @Test
    void theRoleCarriesEveryShippedPolicyAndIsBoundToTheExecutorAccountAndAudience() throws Exception {
        JsonNode role = dev.raftops.executor.http.WorkloadHttp.JSON.readTree(Files.readString(DEPLOY.resolve("role.json")));
        Set<String> policies = new TreeSet<>();
        role.path("token_policies").forEach(p -> policies.add(p.asString()));
        Set<String> files = new TreeSet<>();
        try (var list = Files.list(DEPLOY.resolve("policies"))) {
            list.forEach(f -> files.add(f.getFileName().toString().replace(".hcl", "")));
        }

        assertThat(policies).isEqualTo(files);
        assertThat(role.path("bound_service_account_names").get(0).asString()).isEqualTo("raftops-executor");
        assertThat(role.path("audience").asString()).isEqualTo("openbao");
    }
}
