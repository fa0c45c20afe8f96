package dev.raftops.sandbox.cli;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one cluster's leg of a sandbox run did, counted from its trace (the simulated cluster's own
 * record of what happened, trace.md) from the first request (a version, a strategy switch, a backup, a
 * restart or a restore) on: pods restarted (deleted, then
 * created again under the same name), pods created and removed (blue/green), step-down Jobs that
 * succeeded, leader elections (leadership taken by a pod), and the backup Jobs that succeeded.
 */
record SandboxSummary(String cluster, String from, String to, String strategy, String result, int restarted,
        int created, int removed, int stepDowns, int elections, List<String> backups, Duration wall,
        Duration upgrade) {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    /** The requests a leg is counted from: a version, a strategy switch, a backup, a restart, a restore. */
    private static final Set<Object> REQUESTS = Set.of("version", "strategy", "backup", "restart", "restore");

    SandboxSummary {
        backups = List.copyOf(backups);
    }

    /**
     * Counts {@code trace} (one cluster's JSON lines) from its first version request; {@code wall}
     * from the cluster's creation, {@code upgrade} from the request (null when none was made), both to
     * the end of the leg.
     */
    static SandboxSummary of(String cluster, String from, String to, String strategy, String result,
            List<String> trace, Duration wall, Duration upgrade) {
        Set<String> deleted = new HashSet<>();
        Set<String> recreated = new HashSet<>();
        int restarted = 0;
        int created = 0;
        int stepDowns = 0;
        int elections = 0;
        List<String> backups = new ArrayList<>();
        boolean requested = false;
        for (String json : trace) {
            @SuppressWarnings("unchecked")
            Map<String, Object> line = JSON.unmarshal(json, Map.class);
            String kind = String.valueOf(line.get("kind"));
            if (!requested) {
                requested = "operator".equals(kind) && REQUESTS.contains(line.get("request"));
                continue;
            }
            String pod = (String) line.get("pod");
            switch (kind) {
                case "pod.deleted" -> deleted.add(pod);
                case "pod.created" -> {
                    if (deleted.remove(pod)) {
                        restarted++;
                        recreated.add(pod);
                    } else if (!recreated.contains(pod)) {
                        created++;
                    }
                }
                case "raft.leader" -> elections += pod == null ? 0 : 1;
                case "job.finished" -> {
                    boolean succeeded = "succeeded".equals(line.get("result"));
                    Object action = line.get("action");
                    if (succeeded && "step-down".equals(action)) {
                        stepDowns++;
                    } else if (succeeded && ("backup".equals(action) || "pre-upgrade-snapshot".equals(action))) {
                        backups.add((String) line.get("job"));
                    }
                }
                default -> {
                }
            }
        }
        return new SandboxSummary(cluster, from, to, strategy, result, restarted, created, deleted.size(), stepDowns,
                elections, backups, wall, upgrade);
    }

    /** One sentence, as the sandbox prints it at the end. */
    String text() {
        StringBuilder out = new StringBuilder("summary ").append(cluster).append(": ").append(from).append(" -> ")
                .append(to).append(' ').append(strategy).append(", ").append(result).append(" after ")
                .append(seconds(wall)).append(upgrade == null ? " (no upgrade asked); " : " (upgrade "
                        + seconds(upgrade) + "); ")
                .append(count(restarted, "pod restarted", "pods restarted"));
        if (created > 0 || removed > 0) {
            out.append(", ").append(count(created, "pod created", "pods created")).append(", ")
                    .append(count(removed, "pod removed", "pods removed"));
        }
        out.append(", ").append(count(stepDowns, "step-down", "step-downs")).append(", ")
                .append(count(elections, "leader election", "leader elections")).append(", backup ")
                .append(backups.isEmpty() ? "none" : String.join(" ", backups));
        return out.toString();
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
